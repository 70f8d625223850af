-- The type of the electing body when the plan was drawn up (its term length depends on it: 党总支/党支部 3
-- years, 基层委员会 5 years). Older rows stay NULL and take the org unit's current type when read.
ALTER TABLE EL_ELECTION ADD COLUMN BODY_TYPE VARCHAR(32);
