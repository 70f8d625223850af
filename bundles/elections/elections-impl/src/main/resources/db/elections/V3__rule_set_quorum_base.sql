-- The quorum base becomes a rule-set parameter: those expected to attend (EXPECTED, 应到会: entitled less
-- excused) or everyone entitled on the roll (ENTITLED). Every version saved so far counted against those
-- expected, so each stored rule set (the versions elections ran under included) gets that base written in.
UPDATE EL_RULE_SET SET RULES = RULES || 'quorumBase=EXPECTED;' WHERE RULES NOT LIKE '%quorumBase=%';
