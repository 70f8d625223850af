package cn.gannan.hpf.elections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.Ballot;
import cn.gannan.hpf.elections.api.BallotDifference;
import cn.gannan.hpf.elections.api.BallotEntry;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionQuery;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.ElectionStats;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.ExcuseReason;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.RollExclusion;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.RoundStatus;
import cn.gannan.hpf.elections.api.RuleSetRecord;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.VoterStatus;
import cn.gannan.hpf.elections.api.rules.BallotInput;
import cn.gannan.hpf.elections.api.rules.BallotVerdict;
import cn.gannan.hpf.elections.api.rules.ContestKind;
import cn.gannan.hpf.elections.api.rules.ElectionRules;
import cn.gannan.hpf.elections.api.rules.Mark;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.Outcome;
import cn.gannan.hpf.elections.api.rules.RoundKind;
import cn.gannan.hpf.elections.api.rules.RuleCheck;
import cn.gannan.hpf.elections.api.rules.RuleMsg;
import cn.gannan.hpf.elections.api.rules.RuleSet;
import cn.gannan.hpf.elections.api.rules.Tally;
import cn.gannan.hpf.elections.api.rules.TermStatus;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Elections: plans, candidates, roll, rounds, ballots, tally, approval, directory update, terms. */
@Component(service = ElectionService.class)
public class ElectionServiceImpl implements ElectionService {

    static final String MODULE = "elections";
    private static final Role[] WRITERS = {Role.BRANCH_SECRETARY, Role.LEADER, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};
    private static final Role[] APPROVERS = {Role.LEADER, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};
    private static final String META = Rows.META;
    private static final String ELECTION_COLS = "ID, OFFICE_CODE, ORG_UNIT_ID, ORG_UNIT_NAME, ORG_KIND, RS_VERSION, TITLE,"
            + " TERM_START, PLANNED_DATE, COMMITTEE_SEATS, AUDIT_SEATS, DEPUTY_SEATS, CANDIDATE_PRODUCTION, STATUS,"
            + " PLAN_APPROVED_BY, PLAN_APPROVED_ON, PLAN_APPROVAL_NO, RESULT_APPROVED_BY, RESULT_APPROVED_ON,"
            + " RESULT_APPROVAL_NO, CANCEL_REASON, BODY_TYPE, " + META;

    private final Database db;
    private final OfficeService offices;
    private final OrgService org;
    private final PersonService people;

    @Activate
    public ElectionServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            @Reference OrgService org, @Reference PersonService people) {
        this.db = db;
        this.offices = offices;
        this.org = org;
        this.people = people;
        migrations.migrate(MODULE, ElectionServiceImpl.class, "db/elections");
    }

    // =============================================================== rule sets

    @Override
    public List<RuleSetRecord> ruleSets(Caller caller) {
        return db.read(caller, tx -> {
            List<RuleSetRecord> out = new ArrayList<>();
            for (OrgKind k : OrgKind.values()) {
                out.add(currentRuleSet(tx, k));
            }
            return out;
        });
    }

    @Override
    public RuleSet ruleSet(Caller caller, OrgKind kind, Integer version) {
        return db.read(caller, tx -> version == null ? currentRuleSet(tx, kind).rules() : ruleSetVersion(tx, kind, version));
    }

    @Override
    public List<RuleSetRecord> ruleSetHistory(Caller caller, OrgKind kind) {
        return db.read(caller, tx -> {
            List<RuleSetRecord> list = tx.query("SELECT ORG_KIND, RS_VERSION, RULES, NOTE, CREATED_BY, CREATED_AT FROM EL_RULE_SET"
                    + " WHERE ORG_KIND = ? ORDER BY RS_VERSION DESC", ElectionServiceImpl::mapRuleSet, kind);
            if (list.isEmpty()) {
                list = List.of(new RuleSetRecord(RuleSet.defaults(kind), null, null, null));
            }
            return list;
        });
    }

    @Override
    public RuleSetRecord updateRuleSet(Caller caller, OrgKind kind, int expectedVersion, RuleSet rules, String note) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        v.required("kind", kind);
        v.required("rules", rules);
        String n = v.text("note", note, 500, false);
        v.throwIfInvalid();
        Map<String, Msg> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.size() == 1 ? problems.values().iterator().next()
                    : Msg.core("error.validation", problems.size()), problems);
        }
        return db.tx(caller, tx -> {
            RuleSetRecord current = currentRuleSet(tx, kind);
            if (current.rules().version() != expectedVersion) {
                throw new StaleRecordException(RuleMsg.of("ruleset.stale", current.rules().version()));
            }
            if (current.savedAt() == null) {
                insertRuleSet(tx, current.rules(), null); // the shipped defaults become version 1 on record
            }
            RuleSet saved = new RuleSet(kind, expectedVersion + 1, rules.quorum(), rules.quorumComparison(), rules.quorumBase(),
                    rules.differentialRatio(), rules.differentialRounding(), rules.differentialMoreThanSeats(),
                    rules.auditCommitteeDifferential(), rules.majority(), rules.majorityComparison(), rules.majorityBase(),
                    rules.overApprovalInvalid(), rules.writeIns(), rules.proxiesAllowed(), rules.termYears(),
                    rules.primaryCommitteeTermYears(), rules.maxDeviationMonths(), rules.dueWarningMonths(), rules.excusalNeedsApproval(),
                    rules.committeeMinMembers(), rules.committeeMinSeats(), rules.committeeMaxSeats());
            String id = insertRuleSet(tx, saved, n);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            Map<String, String> before = RuleSetCodec.fields(current.rules());
            RuleSetCodec.fields(saved).forEach((k, val) -> {
                if (!Objects.equals(before.get(k), val)) {
                    changes.put(k, new Object[] {before.get(k), val});
                }
            });
            changes.put("version", new Object[] {expectedVersion, saved.version()});
            tx.audit(MODULE, "ruleSet." + kind.name(), id, offices.current().code(), AuditAction.UPDATE, changes);
            return currentRuleSet(tx, kind);
        });
    }

    private String insertRuleSet(Tx tx, RuleSet rs, String note) throws SQLException {
        String id = UUID.randomUUID().toString();
        tx.update("INSERT INTO EL_RULE_SET (ID, OFFICE_CODE, ORG_KIND, RS_VERSION, RULES, NOTE, " + META
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id, offices.current().code(), rs.kind(), rs.version(),
                RuleSetCodec.encode(rs), note, tx.caller().username(), tx.now(), tx.caller().username(), tx.now());
        return id;
    }

    private static RuleSetRecord currentRuleSet(Tx tx, OrgKind kind) throws SQLException {
        return tx.queryOne("SELECT ORG_KIND, RS_VERSION, RULES, NOTE, CREATED_BY, CREATED_AT FROM EL_RULE_SET WHERE ORG_KIND = ?"
                + " AND RS_VERSION = (SELECT MAX(RS_VERSION) FROM EL_RULE_SET WHERE ORG_KIND = ?)", ElectionServiceImpl::mapRuleSet,
                kind, kind).orElseGet(() -> new RuleSetRecord(RuleSet.defaults(kind), null, null, null));
    }

    private static RuleSet ruleSetVersion(Tx tx, OrgKind kind, int version) throws SQLException {
        if (version == 1 && tx.count("SELECT COUNT(*) FROM EL_RULE_SET WHERE ORG_KIND = ? AND RS_VERSION = 1", kind) == 0) {
            return RuleSet.defaults(kind);
        }
        return tx.queryOne("SELECT ORG_KIND, RS_VERSION, RULES, NOTE, CREATED_BY, CREATED_AT FROM EL_RULE_SET WHERE ORG_KIND = ?"
                + " AND RS_VERSION = ?", ElectionServiceImpl::mapRuleSet, kind, version)
                .orElseThrow(() -> notFound("entity.ruleSet", kind + " v" + version)).rules();
    }

    private static RuleSetRecord mapRuleSet(ResultSet rs) throws SQLException {
        OrgKind kind = Rows.enumValue(rs, "ORG_KIND", OrgKind.class);
        return new RuleSetRecord(RuleSetCodec.decode(kind, rs.getInt("RS_VERSION"), rs.getString("RULES")),
                rs.getString("CREATED_BY"), Rows.instant(rs, "CREATED_AT"), rs.getString("NOTE"));
    }

    // =============================================================== plans

    @Override
    public Page<Election> find(Caller caller, ElectionQuery query, PageRequest page) {
        ElectionQuery q = query == null ? new ElectionQuery(null, null, null, null, null, null) : query;
        String office = caller.scopeOffice(q.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND OFFICE_CODE = ?");
            params.add(office);
        }
        if (q.year() != null) {
            where.append(" AND PLANNED_DATE >= ? AND PLANNED_DATE < ?");
            params.add(LocalDate.of(q.year(), 1, 1));
            params.add(LocalDate.of(q.year() + 1, 1, 1));
        }
        if (q.orgUnitId() != null && !q.orgUnitId().isBlank()) {
            where.append(" AND ORG_UNIT_ID = ?");
            params.add(q.orgUnitId());
        }
        if (q.kind() != null) {
            where.append(" AND ORG_KIND = ?");
            params.add(q.kind());
        }
        if (q.status() != null) {
            where.append(" AND STATUS = ?");
            params.add(q.status());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (LOWER(TITLE) LIKE ? OR LOWER(ORG_UNIT_NAME) LIKE ?)");
            String like = "%" + q.text().strip().toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        PageRequest p = page == null ? PageRequest.first(50) : page;
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM EL_ELECTION" + where, params.toArray());
            List<Object> all = new ArrayList<>(params);
            all.add(p.offset());
            all.add(p.limit());
            List<String> ids = tx.query("SELECT ID FROM EL_ELECTION" + where + " ORDER BY PLANNED_DATE DESC, ID"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> rs.getString(1), all.toArray());
            List<Election> items = new ArrayList<>();
            for (String id : ids) {
                items.add(load(tx, id));
            }
            return new Page<>(items, p.offset(), p.limit(), total);
        });
    }

    @Override
    public Election get(Caller caller, String id) {
        return db.read(caller, tx -> {
            Election e = load(tx, id);
            caller.requireRead(e.officeCode());
            return e;
        });
    }

    @Override
    public Election createPlan(Caller caller, PlanDraft draft) {
        caller.requireAnyRole(WRITERS);
        requiredPlanFields(draft);
        return db.tx(caller, tx -> {
            OrgUnit unit = unitFor(caller, draft.orgUnitId());
            caller.requireWrite(unit.officeCode());
            OrgKind kind = OrgKind.of(unit.type());
            RuleSetRecord rsr = currentRuleSet(tx, kind);
            if (rsr.savedAt() == null) {
                insertRuleSet(tx, rsr.rules(), null);
            }
            RuleSet rs = rsr.rules();
            LocalDate termStart = draft.termStart() != null ? draft.termStart() : lastElection(tx, unit.id());
            PlanDraft d = validatePlan(tx, draft, unit, unit.type(), rs, termStart);
            long open = tx.count("SELECT COUNT(*) FROM EL_ELECTION WHERE ORG_UNIT_ID = ? AND STATUS IN (?, ?, ?)", unit.id(),
                    ElectionStatus.PLANNED, ElectionStatus.APPROVED, ElectionStatus.ELECTED);
            if (open > 0) {
                throw new ValidationException(RuleMsg.of("plan.openExists", unit.name()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO EL_ELECTION (ID, OFFICE_CODE, ORG_UNIT_ID, ORG_UNIT_NAME, ORG_KIND, RS_VERSION, TITLE, TERM_START,"
                    + " PLANNED_DATE, COMMITTEE_SEATS, AUDIT_SEATS, DEPUTY_SEATS, CANDIDATE_PRODUCTION, STATUS, BODY_TYPE, " + META
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id, unit.officeCode(), unit.id(),
                    unit.name(), kind, rs.version(), d.title(), termStart, d.plannedDate(), d.committeeSeats(), d.auditSeats(),
                    d.deputySeats(), d.candidateProduction(), ElectionStatus.PLANNED, unit.type(), tx.caller().username(), tx.now(),
                    tx.caller().username(), tx.now());
            syncContests(tx, id, unit.officeCode(), kind, d);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("orgUnit", new Object[] {null, unit.name()});
            changes.put("bodyType", new Object[] {null, unit.type()});
            changes.put("title", new Object[] {null, d.title()});
            changes.put("plannedDate", new Object[] {null, d.plannedDate()});
            changes.put("committeeSeats", new Object[] {null, d.committeeSeats()});
            changes.put("auditSeats", new Object[] {null, d.auditSeats()});
            changes.put("deputySeats", new Object[] {null, d.deputySeats()});
            changes.put("ruleSetVersion", new Object[] {null, rs.version()});
            tx.audit(MODULE, "election", id, unit.officeCode(), AuditAction.CREATE, changes);
            return load(tx, id);
        });
    }

    @Override
    public Election updatePlan(Caller caller, String id, long expectedVersion, PlanDraft draft) {
        caller.requireAnyRole(WRITERS);
        return db.tx(caller, tx -> {
            Election old = loadForWrite(tx, caller, id);
            requireStatus(old, ElectionStatus.PLANNED);
            OrgUnit unit = unitFor(caller, old.orgUnitId());
            RuleSet rs = ruleSetVersion(tx, old.kind(), old.ruleSetVersion());
            LocalDate termStart = draft.termStart() != null ? draft.termStart() : old.termStart();
            PlanDraft d = validatePlan(tx, new PlanDraft(old.orgUnitId(), draft.title(), termStart, draft.plannedDate(),
                    draft.committeeSeats(), draft.auditSeats(), draft.deputySeats(), draft.candidateProduction()), unit,
                    old.bodyType() != null ? old.bodyType() : unit.type(), rs, termStart);
            int rows = tx.update("UPDATE EL_ELECTION SET TITLE = ?, TERM_START = ?, PLANNED_DATE = ?, COMMITTEE_SEATS = ?,"
                    + " AUDIT_SEATS = ?, DEPUTY_SEATS = ?, CANDIDATE_PRODUCTION = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.title(), termStart, d.plannedDate(),
                    d.committeeSeats(), d.auditSeats(), d.deputySeats(), d.candidateProduction(), caller.username(), tx.now(),
                    id, expectedVersion);
            requireUpdated(tx, rows, "EL_ELECTION", id, "entity.election");
            syncContests(tx, id, old.officeCode(), old.kind(), d);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            diff(changes, "title", old.title(), d.title());
            diff(changes, "termStart", old.termStart(), termStart);
            diff(changes, "plannedDate", old.plannedDate(), d.plannedDate());
            diff(changes, "committeeSeats", old.committeeSeats(), d.committeeSeats());
            diff(changes, "auditSeats", old.auditSeats(), d.auditSeats());
            diff(changes, "deputySeats", old.deputySeats(), d.deputySeats());
            diff(changes, "candidateProduction", old.candidateProduction(), d.candidateProduction());
            tx.audit(MODULE, "election", id, old.officeCode(), AuditAction.UPDATE, changes);
            return load(tx, id);
        });
    }

    @Override
    public Election approvePlan(Caller caller, String id, long expectedVersion, Approval approval) {
        caller.requireAnyRole(APPROVERS);
        Approval a = validateApproval(approval);
        return db.tx(caller, tx -> {
            Election e = loadForWrite(tx, caller, id);
            requireStatus(e, ElectionStatus.PLANNED);
            // the plan (and an advance or delay with it) is approved before the election, at the latest on its day
            requireDateOrder(!a.approvedOn().isAfter(e.plannedDate()), "approvedOn", "approval.planAfterElection", a.approvedOn(),
                    e.plannedDate());
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            // the candidates proposed to the superior must already satisfy the rules
            for (Contest c : e.contests()) {
                if (c.roll() == Roll.GENERAL) {
                    ElectionRules.candidates(rs, c.kind(), c.seats(), regularCandidates(c).size()).orThrow();
                    requireEligible(e, regularCandidates(c).stream().map(Contest.Candidate::personId).toList());
                }
            }
            int rows = tx.update("UPDATE EL_ELECTION SET STATUS = ?, PLAN_APPROVED_BY = ?, PLAN_APPROVED_ON = ?, PLAN_APPROVAL_NO = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", ElectionStatus.APPROVED,
                    a.approvedBy(), a.approvedOn(), a.documentNo(), caller.username(), tx.now(), id, expectedVersion);
            requireUpdated(tx, rows, "EL_ELECTION", id, "entity.election");
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("status", new Object[] {e.status(), ElectionStatus.APPROVED});
            changes.put("planApprovedBy", new Object[] {null, a.approvedBy()});
            changes.put("planApprovedOn", new Object[] {null, a.approvedOn()});
            changes.put("planApprovalNo", new Object[] {null, a.documentNo()});
            tx.audit(MODULE, "election", id, e.officeCode(), AuditAction.UPDATE, changes);
            return load(tx, id);
        });
    }

    @Override
    public Election cancel(Caller caller, String id, long expectedVersion, String reason) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        String r = v.text("reason", reason, 500, true);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Election e = loadForWrite(tx, caller, id);
            if (e.status() == ElectionStatus.IN_EFFECT || e.status() == ElectionStatus.CANCELLED) {
                throw new ValidationException(RuleMsg.of("status.final", RuleMsg.of(e.status().messageKey())));
            }
            if (tx.count("SELECT COUNT(*) FROM EL_ROUND R JOIN EL_CONTEST C ON C.ID = R.CONTEST_ID WHERE C.ELECTION_ID = ?"
                    + " AND R.STATUS = ?", id, RoundStatus.OPEN) > 0) {
                throw new ValidationException(RuleMsg.of("cancel.roundOpen"));
            }
            int rows = tx.update("UPDATE EL_ELECTION SET STATUS = ?, CANCEL_REASON = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", ElectionStatus.CANCELLED, r, caller.username(),
                    tx.now(), id, expectedVersion);
            requireUpdated(tx, rows, "EL_ELECTION", id, "entity.election");
            tx.audit(MODULE, "election", id, e.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {e.status(), ElectionStatus.CANCELLED}, "cancelReason", new Object[] {null, r}));
            return load(tx, id);
        });
    }

    @Override
    public List<RuleCheck> checks(Caller caller, String id) {
        return db.read(caller, tx -> {
            Election e = load(tx, id);
            caller.requireRead(e.officeCode());
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            List<RuleCheck> out = new ArrayList<>();
            if (e.termStart() != null) {
                out.add(ElectionRules.timingLimit(rs, e.bodyType(), e.termStart(), e.plannedDate()));
                out.add(ElectionRules.timingApproval(rs, e.bodyType(), e.termStart(), e.plannedDate(),
                        e.planApproval() == null ? null : approvalText(e.planApproval())));
            }
            OrgUnit unit = unitFor(caller, e.orgUnitId());
            Electorate el = electorate(unit, e.kind(), e.plannedDate());
            if (unit.type() == OrgUnitType.BRANCH && rs.committeeMinMembers() > 0 && e.committeeSeats() > 0) {
                out.add(ElectionRules.committeeStructure(rs, el.fullMembers(), e.committeeSeats()));
            }
            out.add(eligibilityCheck(e));
            if (e.general().entitled() > 0) {
                out.add(rollCheck(tx, e, el));
            }
            for (Contest c : e.contests()) {
                if (!c.complete()) {
                    out.add(ElectionRules.candidates(rs, c.kind(), c.seats(), regularCandidates(c).size()));
                }
            }
            if (e.general().entitled() > 0) {
                out.add(quorum(rs, e.general()));
            }
            if (e.plenary().entitled() > 0) {
                out.add(quorum(rs, e.plenary()));
            }
            out.add(ElectionRules.proxy(rs));
            return out;
        });
    }

    /** The fields every plan needs, all reported at once before anything is looked up. */
    private static void requiredPlanFields(PlanDraft draft) {
        PlanDraft d = draft == null ? new PlanDraft(null, null, null, null, null, null, null, null) : draft;
        Validator v = new Validator();
        v.text("orgUnitId", d.orgUnitId(), 36, true);
        v.text("title", d.title(), 200, true);
        v.required("plannedDate", d.plannedDate());
        v.required("committeeSeats", d.committeeSeats());
        v.throwIfInvalid();
    }

    /** The plan's fields against the rules; {@code body} is the type the plan is (or was) made for. */
    private PlanDraft validatePlan(Tx tx, PlanDraft draft, OrgUnit unit, OrgUnitType body, RuleSet rs, LocalDate termStart)
            throws SQLException {
        Validator v = new Validator();
        String title = v.text("title", draft.title(), 200, true);
        LocalDate planned = v.required("plannedDate", draft.plannedDate());
        int committee = draft.committeeSeats() == null ? -1 : draft.committeeSeats();
        int audit = draft.auditSeats() == null ? 0 : draft.auditSeats();
        int deputies = draft.deputySeats() == null ? 0 : draft.deputySeats();
        v.required("committeeSeats", draft.committeeSeats());
        v.check(draft.committeeSeats() == null || committee >= 0, "committeeSeats", RuleMsg.of("plan.seatsNegative", committee));
        v.check(audit >= 0, "auditSeats", RuleMsg.of("plan.seatsNegative", audit));
        v.check(deputies >= 0 && deputies <= 2, "deputySeats", RuleMsg.of("plan.deputySeats", deputies));
        String production = v.text("candidateProduction", draft.candidateProduction(), 2000, false);
        if (planned != null && termStart != null) {
            if (!termStart.isBefore(planned)) {
                v.check(false, "termStart", RuleMsg.of("plan.termStartAfterPlanned", termStart.toString(), planned.toString()));
            } else {
                RuleCheck t = ElectionRules.timingLimit(rs, body, termStart, planned);
                v.check(t.passed(), "plannedDate", t.message());
            }
        }
        if (committee >= 0) {
            boolean branchRule = body == OrgUnitType.BRANCH && rs.committeeMinMembers() > 0;
            if (branchRule) {
                long full = electorate(unit, OrgKind.PARTY, planned != null ? planned : today()).fullMembers();
                if (committee == 0) {
                    v.check(full < rs.committeeMinMembers(), "committeeSeats",
                            ElectionRules.committeeStructure(rs, full, 0).message());
                } else {
                    RuleCheck s = ElectionRules.committeeStructure(rs, full, committee);
                    v.check(s.passed(), "committeeSeats", s.message());
                }
            } else {
                v.check(committee >= 1, "committeeSeats", RuleMsg.of("seats.none", committee));
            }
        }
        v.throwIfInvalid();
        return new PlanDraft(unit.id(), title, termStart, planned, committee, audit, deputies, production);
    }

    /** Refuses a date out of order with the election day as the field's error, before anything is written. */
    private static void requireDateOrder(boolean inOrder, String field, String key, LocalDate date, LocalDate electionDay) {
        if (!inOrder) {
            throw ValidationException.field(field, RuleMsg.of(key, String.valueOf(date), String.valueOf(electionDay)));
        }
    }

    private static Approval validateApproval(Approval a) {
        Validator v = new Validator();
        Approval x = a == null ? new Approval(null, null, null) : a;
        String by = v.text("approvedBy", x.approvedBy(), 100, true);
        LocalDate on = v.required("approvedOn", x.approvedOn());
        String no = v.text("documentNo", x.documentNo(), 100, true);
        LocalDate today = today(); // an approval is recorded once given
        v.check(on == null || !on.isAfter(today), "approvedOn", RuleMsg.of("approval.future", String.valueOf(on), today.toString()));
        v.throwIfInvalid();
        return new Approval(by, on, no);
    }

    /** Creates, resizes or drops the contests to match the plan (only while planned). */
    private void syncContests(Tx tx, String electionId, String office, OrgKind kind, PlanDraft d) throws SQLException {
        Roll postsRoll = d.committeeSeats() > 0 ? Roll.PLENARY : Roll.GENERAL;
        List<Object[]> specs = new ArrayList<>();
        specs.add(new Object[] {ContestKind.COMMITTEE, null, d.committeeSeats(), Roll.GENERAL, 1});
        specs.add(new Object[] {ContestKind.AUDIT_COMMITTEE, null, d.auditSeats(), Roll.GENERAL, 2});
        specs.add(new Object[] {ContestKind.POSTS, headPost(kind), 1, postsRoll, 3});
        specs.add(new Object[] {ContestKind.POSTS, deputyPost(kind), d.deputySeats(), postsRoll, 4});
        for (Object[] s : specs) {
            ContestKind ck = (ContestKind) s[0];
            Post post = (Post) s[1];
            int seats = (Integer) s[2];
            String existing = tx.queryOne("SELECT ID FROM EL_CONTEST WHERE ELECTION_ID = ? AND CONTEST_KIND = ? AND "
                    + (post == null ? "POST IS NULL" : "POST = ?"), rs -> rs.getString(1),
                    post == null ? new Object[] {electionId, ck} : new Object[] {electionId, ck, post}).orElse(null);
            if (seats <= 0) {
                if (existing != null) {
                    tx.update("DELETE FROM EL_CANDIDATE WHERE CONTEST_ID = ?", existing);
                    tx.update("DELETE FROM EL_CONTEST WHERE ID = ?", existing);
                }
            } else if (existing == null) {
                tx.update("INSERT INTO EL_CONTEST (ID, OFFICE_CODE, ELECTION_ID, CONTEST_KIND, POST, SEATS, PLANNED_SEATS, ROLL_NAME,"
                        + " CONSENT, SORT_ORDER, " + META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 1)",
                        UUID.randomUUID().toString(), office, electionId, ck, post, seats, seats, s[3], s[4],
                        tx.caller().username(), tx.now(), tx.caller().username(), tx.now());
            } else {
                tx.update("UPDATE EL_CONTEST SET SEATS = ?, PLANNED_SEATS = ?, ROLL_NAME = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                        + " VERSION = VERSION + 1 WHERE ID = ?", seats, seats, s[3], tx.caller().username(), tx.now(), existing);
            }
        }
    }

    static Post headPost(OrgKind kind) {
        return kind == OrgKind.PARTY || kind == OrgKind.YOUTH_LEAGUE ? Post.SECRETARY : Post.CHAIR;
    }

    static Post deputyPost(OrgKind kind) {
        return kind == OrgKind.PARTY || kind == OrgKind.YOUTH_LEAGUE ? Post.DEPUTY_SECRETARY : Post.VICE_CHAIR;
    }

    // =============================================================== candidates

    @Override
    public Election addCandidate(Caller caller, String contestId, String personId) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        v.required("personId", personId);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            String electionId = electionOfContest(tx, contestId);
            Election e = loadForWrite(tx, caller, electionId);
            Contest c = contest(e, contestId);
            requireOpenForCandidates(tx, e, c);
            Person p = people.get(Caller.system(e.officeCode()), personId);
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            Msg why = eligibility(tx, caller, e, rs, c, p);
            if (why != null) {
                throw ValidationException.field("personId", why);
            }
            if (c.candidates().stream().anyMatch(x -> x.personId().equals(personId))) {
                throw ValidationException.field("personId", RuleMsg.of("candidate.exists", p.name()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO EL_CANDIDATE (ID, OFFICE_CODE, CONTEST_ID, PERSON_ID, PERSON_NAME, SORT_ORDER, ELECTED, WRITE_IN, "
                    + META + ") VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 1)", id, e.officeCode(), contestId, personId, p.name(),
                    c.candidates().size() + 1, caller.username(), tx.now(), caller.username(), tx.now());
            tx.audit(MODULE, "candidate", id, e.officeCode(), AuditAction.CREATE,
                    Map.of("contest", new Object[] {null, contestLabel(c)}, "person", new Object[] {null, p.name() + " (" + personId + ")"}));
            return load(tx, electionId);
        });
    }

    @Override
    public Election removeCandidate(Caller caller, String candidateId) {
        caller.requireAnyRole(WRITERS);
        return db.tx(caller, tx -> {
            Object[] row = tx.queryOne("SELECT CONTEST_ID, PERSON_NAME, ELECTED FROM EL_CANDIDATE WHERE ID = ?",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}, candidateId)
                    .orElseThrow(() -> notFound("entity.candidate", candidateId));
            String contestId = (String) row[0];
            String electionId = electionOfContest(tx, contestId);
            Election e = loadForWrite(tx, caller, electionId);
            Contest c = contest(e, contestId);
            requireOpenForCandidates(tx, e, c);
            if ((Integer) row[2] == 1) {
                throw new ValidationException(RuleMsg.of("candidate.elected", row[1]));
            }
            tx.update("DELETE FROM EL_CANDIDATE WHERE ID = ?", candidateId);
            tx.audit(MODULE, "candidate", candidateId, e.officeCode(), AuditAction.DELETE,
                    Map.of("person", new Object[] {row[1], null}, "contest", new Object[] {contestLabel(c), null}));
            return load(tx, electionId);
        });
    }

    /** Candidates may change while planned, and later only before a further round (never during a round). */
    private static void requireOpenForCandidates(Tx tx, Election e, Contest c) throws SQLException {
        if (e.status() != ElectionStatus.PLANNED && e.status() != ElectionStatus.APPROVED) {
            throw new ValidationException(RuleMsg.of("status.required", RuleMsg.of(ElectionStatus.PLANNED.messageKey()),
                    RuleMsg.of(e.status().messageKey())));
        }
        if (c.complete()) {
            throw new ValidationException(RuleMsg.of("round.complete"));
        }
        if (c.rounds().stream().anyMatch(r -> r.status() == RoundStatus.OPEN)) {
            throw new ValidationException(RuleMsg.of("candidate.locked"));
        }
        Round last = lastCounted(c);
        if (e.status() == ElectionStatus.APPROVED && c.roll() == Roll.GENERAL && (last == null || last.kind() == RoundKind.RUNOFF
                || !shortfall(c, last))) {
            // the approved list is what the superior approved; only a further vote may add names
            throw new ValidationException(RuleMsg.of("candidate.approved"));
        }
    }

    private Msg eligibility(Tx tx, Caller caller, Election e, RuleSet rs, Contest c, Person p) throws SQLException {
        if (!p.active()) {
            return RuleMsg.of("candidate.inactive", p.name());
        }
        Msg m = statusIneligibility(e, p);
        if (m != null) {
            return m;
        }
        if (c.roll() == Roll.PLENARY) {
            Contest committee = e.contests().stream().filter(x -> x.kind() == ContestKind.COMMITTEE).findFirst().orElse(null);
            if (committee == null || !committee.complete()) {
                return RuleMsg.of("candidate.committeeFirst");
            }
            boolean member = committee.candidates().stream().anyMatch(x -> x.elected() && x.personId().equals(p.id()));
            if (!member) {
                return RuleMsg.of("candidate.notCommittee", p.name());
            }
        } else if (!electorate(unitFor(caller, e.orgUnitId()), e.kind(), e.plannedDate()).entitled().containsKey(p.id())) {
            return RuleMsg.of("candidate.notMember", p.name(), e.orgUnitName());
        }
        for (Contest other : e.contests()) {
            if (other.kind() == ContestKind.POSTS && c.kind() == ContestKind.POSTS && !other.id().equals(c.id())
                    && other.candidates().stream().anyMatch(x -> x.elected() && x.personId().equals(p.id()))) {
                return RuleMsg.of("candidate.hasPost", p.name());
            }
        }
        return null;
    }

    // =============================================================== roll

    @Override
    public List<Voter> buildRoll(Caller caller, String electionId) {
        caller.requireAnyRole(WRITERS);
        return db.tx(caller, tx -> {
            Election e = loadForWrite(tx, caller, electionId);
            if (e.status() != ElectionStatus.PLANNED && e.status() != ElectionStatus.APPROVED) {
                throw new ValidationException(RuleMsg.of("status.required", RuleMsg.of(ElectionStatus.APPROVED.messageKey()),
                        RuleMsg.of(e.status().messageKey())));
            }
            requireNoOpenRound(tx, electionId);
            Map<String, Person> entitled = electorate(unitFor(caller, e.orgUnitId()), e.kind(), e.plannedDate()).entitled();
            List<Voter> before = rollOf(tx, electionId, Roll.GENERAL);
            Set<String> have = new HashSet<>();
            List<String> removed = new ArrayList<>();
            for (Voter v : before) {
                if (entitled.containsKey(v.personId())) {
                    have.add(v.personId());
                } else { // no longer a voter on the election day (e.g. put under 留党察看, moved away)
                    tx.update("DELETE FROM EL_VOTER WHERE ID = ?", v.id());
                    removed.add(v.personName());
                }
            }
            List<String> added = new ArrayList<>();
            for (Person p : entitled.values()) {
                if (have.add(p.id())) {
                    insertVoter(tx, e, Roll.GENERAL, p.id(), p.name());
                    added.add(p.name());
                }
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("generalRoll", new Object[] {before.size(), have.size()});
            changes.put("added", new Object[] {null, String.join("、", added)});
            changes.put("removed", new Object[] {String.join("、", removed), null});
            tx.audit(MODULE, "roll", electionId, e.officeCode(), AuditAction.UPDATE, changes);
            return rollOf(tx, electionId, Roll.GENERAL);
        });
    }

    private static void insertVoter(Tx tx, Election e, Roll roll, String personId, String name) throws SQLException {
        tx.update("INSERT INTO EL_VOTER (ID, OFFICE_CODE, ELECTION_ID, ROLL_NAME, PERSON_ID, PERSON_NAME, STATUS, " + META
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", UUID.randomUUID().toString(), e.officeCode(), e.id(), roll,
                personId, name, VoterStatus.EXPECTED, tx.caller().username(), tx.now(), tx.caller().username(), tx.now());
    }

    @Override
    public List<Voter> roll(Caller caller, String electionId, Roll roll) {
        return db.read(caller, tx -> {
            Election e = load(tx, electionId);
            caller.requireRead(e.officeCode());
            return rollOf(tx, electionId, roll == null ? Roll.GENERAL : roll);
        });
    }

    @Override
    public List<RollExclusion> rollExclusions(Caller caller, String electionId) {
        Election e = get(caller, electionId);
        return new ArrayList<>(electorate(unitFor(caller, e.orgUnitId()), e.kind(), e.plannedDate()).excluded().values());
    }

    @Override
    public Voter excuse(Caller caller, String voterId, long expectedVersion, ExcuseReason reason, String note, String approvedBy) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        v.required("reason", reason);
        String n = v.text("note", note, 500, reason == ExcuseReason.OTHER);
        String by = v.text("approvedBy", approvedBy, 100, false);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Voter old = voter(tx, voterId);
            Election e = loadForWrite(tx, caller, old.electionId());
            requireRollEditable(tx, e);
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            Validator w = new Validator();
            w.check(!(e.kind() == OrgKind.PARTY && reason == ExcuseReason.OTHER), "reason", RuleMsg.of("roll.excuseOtherParty"));
            w.check(!rs.excusalNeedsApproval() || by != null, "approvedBy", RuleMsg.of("roll.excuseApproval"));
            w.throwIfInvalid();
            int rows = tx.update("UPDATE EL_VOTER SET STATUS = ?, EXCUSE_REASON = ?, EXCUSE_NOTE = ?, EXCUSE_APPROVED_BY = ?,"
                    + " SIGNED_IN_AT = NULL, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                    VoterStatus.EXCUSED, reason, n, by, caller.username(), tx.now(), voterId, expectedVersion);
            requireUpdated(tx, rows, "EL_VOTER", voterId, "entity.voter");
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("person", new Object[] {old.personName(), old.personName()});
            changes.put("status", new Object[] {old.status(), VoterStatus.EXCUSED});
            changes.put("excuseReason", new Object[] {old.excuseReason(), reason});
            changes.put("excuseApprovedBy", new Object[] {old.excuseApprovedBy(), by});
            tx.audit(MODULE, "voter", voterId, e.officeCode(), AuditAction.UPDATE, changes);
            return voter(tx, voterId);
        });
    }

    @Override
    public Voter signIn(Caller caller, String voterId, long expectedVersion) {
        return setVoterStatus(caller, voterId, expectedVersion, VoterStatus.PRESENT);
    }

    @Override
    public Voter reset(Caller caller, String voterId, long expectedVersion) {
        return setVoterStatus(caller, voterId, expectedVersion, VoterStatus.EXPECTED);
    }

    private Voter setVoterStatus(Caller caller, String voterId, long expectedVersion, VoterStatus status) {
        caller.requireAnyRole(WRITERS);
        return db.tx(caller, tx -> {
            Voter old = voter(tx, voterId);
            Election e = loadForWrite(tx, caller, old.electionId());
            requireRollEditable(tx, e);
            if (status == VoterStatus.PRESENT && old.status() == VoterStatus.EXCUSED) {
                throw new ValidationException(RuleMsg.of("roll.excusedSignIn", old.personName()));
            }
            if (status == VoterStatus.PRESENT) { // who is present at the meeting: recorded on the day or afterwards
                requireElectionDayReached(e, "roll.signInBeforeElection");
            }
            int rows = tx.update("UPDATE EL_VOTER SET STATUS = ?, EXCUSE_REASON = NULL, EXCUSE_NOTE = NULL, EXCUSE_APPROVED_BY = NULL,"
                    + " SIGNED_IN_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                    status, status == VoterStatus.PRESENT ? tx.now() : null, caller.username(), tx.now(), voterId, expectedVersion);
            requireUpdated(tx, rows, "EL_VOTER", voterId, "entity.voter");
            tx.audit(MODULE, "voter", voterId, e.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {old.status(), status}, "person", new Object[] {old.personName(), old.personName()}));
            return voter(tx, voterId);
        });
    }

    private static void requireRollEditable(Tx tx, Election e) throws SQLException {
        if (e.status() != ElectionStatus.PLANNED && e.status() != ElectionStatus.APPROVED) {
            throw new ValidationException(RuleMsg.of("status.required", RuleMsg.of(ElectionStatus.APPROVED.messageKey()),
                    RuleMsg.of(e.status().messageKey())));
        }
        requireNoOpenRound(tx, e.id());
    }

    private static void requireNoOpenRound(Tx tx, String electionId) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM EL_ROUND R JOIN EL_CONTEST C ON C.ID = R.CONTEST_ID WHERE C.ELECTION_ID = ?"
                + " AND R.STATUS = ?", electionId, RoundStatus.OPEN) > 0) {
            throw new ValidationException(RuleMsg.of("roll.locked"));
        }
    }

    @Override
    public RuleCheck quorum(Caller caller, String electionId, Roll roll) {
        return db.read(caller, tx -> {
            Election e = load(tx, electionId);
            caller.requireRead(e.officeCode());
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            Election.RollCount rc = roll == Roll.PLENARY ? e.plenary() : e.general();
            return quorum(rs, rc);
        });
    }

    /** The quorum check of a roll under the rule set (its base: those expected, or everyone entitled). */
    static RuleCheck quorum(RuleSet rs, Election.RollCount rc) {
        return ElectionRules.quorum(rs, rc.entitled(), rc.excused(), rc.present());
    }

    // =============================================================== rounds

    @Override
    public Round openRound(Caller caller, String contestId, RoundOpening opening) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        RoundOpening o = opening == null ? new RoundOpening(null, null, null, null, null) : opening;
        v.required("kind", o.kind());
        v.required("issued", o.issued());
        String scrutineers = v.text("scrutineers", o.scrutineers(), 200, true);
        String tellers = v.text("tellers", o.tellers(), 200, true);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            String electionId = electionOfContest(tx, contestId);
            Election e = loadForWrite(tx, caller, electionId);
            if (e.status() != ElectionStatus.APPROVED) {
                throw new ValidationException(e.status() == ElectionStatus.PLANNED ? RuleMsg.of("round.notApproved")
                        : RuleMsg.of("status.required", RuleMsg.of(ElectionStatus.APPROVED.messageKey()), RuleMsg.of(e.status().messageKey())));
            }
            requireElectionDayReached(e, "round.beforeElection");
            Contest c = contest(e, contestId);
            if (c.complete()) {
                throw new ValidationException(RuleMsg.of("round.complete"));
            }
            Round open = c.rounds().stream().filter(r -> r.status() == RoundStatus.OPEN).findFirst().orElse(null);
            if (open != null) {
                throw new ValidationException(RuleMsg.of("round.open", open.number()));
            }
            if (c.roll() == Roll.PLENARY && e.plenary().entitled() == 0) {
                throw new ValidationException(RuleMsg.of("candidate.committeeFirst"));
            }
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            Election.RollCount rc = c.roll() == Roll.PLENARY ? e.plenary() : e.general();
            if (rc.entitled() == 0) {
                throw new ValidationException(RuleMsg.of("roll.notBuilt"));
            }
            if (c.roll() == Roll.GENERAL) {
                rollCheck(tx, e, electorate(unitFor(caller, e.orgUnitId()), e.kind(), e.plannedDate())).orThrow();
            }
            quorum(rs, rc).orThrow();
            ElectionRules.issued(o.issued(), rc.present()).orThrow();
            Round last = lastCounted(c);
            List<String> candidates;
            int seats;
            switch (o.kind()) {
                case REGULAR -> {
                    if (last != null) {
                        throw new ValidationException(RuleMsg.of("round.regularDone"));
                    }
                    seats = c.seats();
                    candidates = regularCandidates(c).stream().map(Contest.Candidate::personId).toList();
                    ElectionRules.candidates(rs, c.kind(), seats, candidates.size()).orThrow();
                }
                case RUNOFF -> {
                    if (last == null || tied(last).isEmpty()) {
                        throw new ValidationException(RuleMsg.of("round.noTie"));
                    }
                    candidates = tied(last);
                    seats = c.seats() - electedCount(c);
                }
                default -> {
                    if (last == null || !shortfall(c, last)) {
                        throw new ValidationException(!tiedOrEmpty(last) ? RuleMsg.of("round.needRunoff") : RuleMsg.of("round.noShortfall"));
                    }
                    seats = c.seats() - electedCount(c);
                    candidates = regularCandidates(c).stream().filter(x -> !x.elected()).map(Contest.Candidate::personId).toList();
                    ElectionRules.candidates(rs, c.kind(), seats, candidates.size()).orThrow();
                }
            }
            if (o.kind() != RoundKind.RUNOFF && last != null && !tied(last).isEmpty()) {
                throw new ValidationException(RuleMsg.of("round.needRunoff"));
            }
            requireEligible(e, candidates);
            int number = c.rounds().size() + 1;
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO EL_ROUND (ID, OFFICE_CODE, CONTEST_ID, ROUND_NO, ROUND_KIND, SEATS, CANDIDATES, PRESENT_COUNT,"
                    + " EXPECTED_COUNT, ISSUED, RETURNED, SCRUTINEERS, TELLERS, DOUBLE_ENTRY, STATUS, VALID_BALLOTS, INVALID_BALLOTS,"
                    + " MAJORITY_REQUIRED, " + META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, 1)",
                    id, e.officeCode(), contestId, number, o.kind(), seats, String.join(",", candidates), rc.present(), rc.expected(),
                    o.issued(), scrutineers, tellers, Boolean.TRUE.equals(o.doubleEntry()) ? 1 : 0, RoundStatus.OPEN,
                    caller.username(), tx.now(), caller.username(), tx.now());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("contest", new Object[] {null, contestLabel(c)});
            changes.put("round", new Object[] {null, number + " " + o.kind()});
            changes.put("seats", new Object[] {null, seats});
            changes.put("issued", new Object[] {null, o.issued()});
            changes.put("present", new Object[] {null, rc.present()});
            changes.put("expected", new Object[] {null, rc.expected()});
            tx.audit(MODULE, "round", id, e.officeCode(), AuditAction.CREATE, changes);
            return round(tx, id);
        });
    }

    @Override
    public Ballot enterBallot(Caller caller, String roundId, BallotEntry entry) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        BallotEntry b = entry == null ? new BallotEntry(null, null, null, null, null) : entry;
        v.required("serial", b.serial());
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Round r = round(tx, roundId);
            Election e = loadForWrite(tx, caller, electionOfContest(tx, r.contestId()));
            if (r.status() != RoundStatus.OPEN) {
                throw new ValidationException(RuleMsg.of("round.notOpen"));
            }
            int entryNo = b.entry() == null ? 1 : b.entry();
            if (entryNo != 1 && !(entryNo == 2 && r.doubleEntry())) {
                throw ValidationException.field("entry", RuleMsg.of(r.doubleEntry() ? "ballot.entryTwo" : "ballot.entryOne", entryNo));
            }
            if (b.serial() < 1 || b.serial() > r.issued()) {
                throw ValidationException.field("serial", RuleMsg.of("ballot.serial", r.issued(), b.serial()));
            }
            if (tx.count("SELECT COUNT(*) FROM EL_BALLOT WHERE ROUND_ID = ? AND ENTRY_NO = ? AND SERIAL_NO = ?", roundId, entryNo,
                    b.serial()) > 0) {
                throw ValidationException.field("serial", RuleMsg.of("ballot.duplicate", b.serial(), entryNo));
            }
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            BallotInput input = new BallotInput(b.marks(), b.writeIns(), Boolean.TRUE.equals(b.spoiled()));
            if (input.marks().values().stream().anyMatch(Objects::isNull)) {
                throw ValidationException.field("marks", RuleMsg.of("ballot.markMissing"));
            }
            Contest contest = contest(e, r.contestId());
            for (String w : input.writeIns()) {
                Person p = findPerson(w);
                if (p == null) {
                    throw ValidationException.field("writeIns", RuleMsg.of("ballot.writeInUnknown", w));
                }
                Msg why = writeInIneligibility(caller, e, contest, p);
                if (why != null) {
                    throw ValidationException.field("writeIns", RuleMsg.of("ballot.writeInIneligible", p.name(), why));
                }
            }
            BallotVerdict verdict = ElectionRules.ballot(rs, r.kind(), r.seats(), new HashSet<>(r.candidates()), input);
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO EL_BALLOT (ID, OFFICE_CODE, ROUND_ID, SERIAL_NO, ENTRY_NO, MARKS, WRITE_INS, SPOILED, VALID, " + META
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id, e.officeCode(), roundId, b.serial(), entryNo,
                    encodeMarks(input.marks()), String.join(",", input.writeIns()), input.spoiled() ? 1 : 0, verdict.valid() ? 1 : 0,
                    caller.username(), tx.now(), caller.username(), tx.now());
            tx.audit(MODULE, "ballot", id, e.officeCode(), AuditAction.CREATE, Map.of("round", new Object[] {null, r.number()},
                    "serial", new Object[] {null, b.serial()}, "entry", new Object[] {null, entryNo},
                    "valid", new Object[] {null, verdict.valid()}));
            return ballot(tx, rs, r, id);
        });
    }

    @Override
    public void deleteBallot(Caller caller, String ballotId) {
        caller.requireAnyRole(WRITERS);
        db.tx(caller, tx -> {
            Object[] row = tx.queryOne("SELECT ROUND_ID, SERIAL_NO, ENTRY_NO FROM EL_BALLOT WHERE ID = ?",
                    rs -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)}, ballotId)
                    .orElseThrow(() -> notFound("entity.ballot", ballotId));
            Round r = round(tx, (String) row[0]);
            Election e = loadForWrite(tx, caller, electionOfContest(tx, r.contestId()));
            if (r.status() != RoundStatus.OPEN) {
                throw new ValidationException(RuleMsg.of("round.notOpen"));
            }
            tx.update("DELETE FROM EL_BALLOT WHERE ID = ?", ballotId);
            tx.audit(MODULE, "ballot", ballotId, e.officeCode(), AuditAction.DELETE,
                    Map.of("serial", new Object[] {row[1], null}, "entry", new Object[] {row[2], null}));
            return null;
        });
    }

    @Override
    public List<Ballot> ballots(Caller caller, String roundId) {
        return db.read(caller, tx -> {
            Round r = round(tx, roundId);
            Election e = load(tx, electionOfContest(tx, r.contestId()));
            caller.requireRead(e.officeCode());
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            List<String> ids = tx.query("SELECT ID FROM EL_BALLOT WHERE ROUND_ID = ? ORDER BY ENTRY_NO, SERIAL_NO", x -> x.getString(1),
                    roundId);
            List<Ballot> out = new ArrayList<>();
            for (String id : ids) {
                out.add(ballot(tx, rs, r, id));
            }
            return out;
        });
    }

    @Override
    public List<BallotDifference> differences(Caller caller, String roundId) {
        return db.read(caller, tx -> {
            Round r = round(tx, roundId);
            Election e = load(tx, electionOfContest(tx, r.contestId()));
            caller.requireRead(e.officeCode());
            return differencesOf(tx, r);
        });
    }

    private static List<BallotDifference> differencesOf(Tx tx, Round r) throws SQLException {
        Map<Integer, String[]> first = rawBallots(tx, r.id(), 1);
        Map<Integer, String[]> second = rawBallots(tx, r.id(), 2);
        List<BallotDifference> out = new ArrayList<>();
        Set<Integer> serials = new java.util.TreeSet<>(first.keySet());
        serials.addAll(second.keySet());
        for (int s : serials) {
            String[] a = first.get(s);
            String[] b = second.get(s);
            if (a == null || b == null) {
                out.add(new BallotDifference(s, "missing", a == null ? "-" : "entered", b == null ? "-" : "entered"));
                continue;
            }
            Map<String, Mark> ma = decodeMarks(a[0]);
            Map<String, Mark> mb = decodeMarks(b[0]);
            for (String cand : r.candidates()) {
                Mark x = ma.getOrDefault(cand, Mark.ABSTAIN);
                Mark y = mb.getOrDefault(cand, Mark.ABSTAIN);
                if (x != y) {
                    out.add(new BallotDifference(s, cand, x.name(), y.name()));
                }
            }
            if (!sortedList(a[1]).equals(sortedList(b[1]))) {
                out.add(new BallotDifference(s, "writeIns", a[1], b[1]));
            }
            if (!a[2].equals(b[2])) {
                out.add(new BallotDifference(s, "spoiled", a[2], b[2]));
            }
        }
        return out;
    }

    private static List<String> sortedList(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).sorted().toList();
    }

    private static Map<Integer, String[]> rawBallots(Tx tx, String roundId, int entryNo) throws SQLException {
        Map<Integer, String[]> m = new LinkedHashMap<>();
        for (Object[] row : tx.query("SELECT SERIAL_NO, MARKS, WRITE_INS, SPOILED FROM EL_BALLOT WHERE ROUND_ID = ? AND ENTRY_NO = ?",
                rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), Integer.toString(rs.getInt(4))}, roundId, entryNo)) {
            m.put((Integer) row[0], new String[] {(String) row[1], (String) row[2], (String) row[3]});
        }
        return m;
    }

    @Override
    public Round closeRound(Caller caller, String roundId, int returned) {
        caller.requireAnyRole(WRITERS);
        return db.tx(caller, tx -> {
            Round r = round(tx, roundId);
            String electionId = electionOfContest(tx, r.contestId());
            Election e = loadForWrite(tx, caller, electionId);
            if (r.status() != RoundStatus.OPEN) {
                throw new ValidationException(RuleMsg.of("round.notOpen"));
            }
            if (returned < 0) {
                throw ValidationException.field("returned", RuleMsg.of("plan.seatsNegative", returned));
            }
            RuleCheck ret = ElectionRules.returned(r.issued(), returned);
            if (!ret.passed()) {
                // the whole round is void: kept with its ballots, to be re-run
                tx.update("UPDATE EL_ROUND SET STATUS = ?, RETURNED = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                        + " WHERE ID = ?", RoundStatus.VOID, returned, caller.username(), tx.now(), roundId);
                tx.audit(MODULE, "round", roundId, e.officeCode(), AuditAction.UPDATE, Map.of("status",
                        new Object[] {RoundStatus.OPEN, RoundStatus.VOID}, "returned", new Object[] {null, returned},
                        "issued", new Object[] {r.issued(), r.issued()}));
                return round(tx, roundId);
            }
            if (r.entered() != returned) {
                throw ValidationException.field("returned", RuleMsg.of("close.count", r.entered(), returned));
            }
            if (r.doubleEntry()) {
                if (r.enteredSecond() != returned) {
                    throw ValidationException.field("returned", RuleMsg.of("close.second", r.enteredSecond(), returned));
                }
                int diffs = differencesOf(tx, r).size();
                if (diffs > 0) {
                    throw new ValidationException(RuleMsg.of("close.differences", diffs));
                }
            }
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            List<BallotInput> inputs = new ArrayList<>();
            for (String[] raw : rawBallots(tx, roundId, 1).values()) {
                inputs.add(new BallotInput(decodeMarks(raw[0]), sortedList(raw[1]), "1".equals(raw[2])));
            }
            Tally t = ElectionRules.tally(rs, r.kind(), r.seats(), r.candidates(), inputs, r.present(), r.expected());
            Contest c = contest(e, r.contestId());
            int order = 0;
            for (Tally.Row row : t.rows()) {
                String name = nameOf(c, row.candidateId());
                tx.update("INSERT INTO EL_RESULT (ID, OFFICE_CODE, ROUND_ID, PERSON_ID, PERSON_NAME, WRITE_IN, APPROVALS, DISAPPROVALS,"
                        + " ABSTENTIONS, OUTCOME, SORT_ORDER, " + META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        UUID.randomUUID().toString(), e.officeCode(), roundId, row.candidateId(), name, row.writeIn() ? 1 : 0,
                        row.approvals(), row.disapprovals(), row.abstentions(), row.outcome(), order++, caller.username(),
                        tx.now(), caller.username(), tx.now());
            }
            for (String elected : t.elected()) {
                int rows = tx.update("UPDATE EL_CANDIDATE SET ELECTED = 1, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                        + " WHERE CONTEST_ID = ? AND PERSON_ID = ?", caller.username(), tx.now(), c.id(), elected);
                if (rows == 0) { // an elected write-in becomes a candidate of record
                    tx.update("INSERT INTO EL_CANDIDATE (ID, OFFICE_CODE, CONTEST_ID, PERSON_ID, PERSON_NAME, SORT_ORDER, ELECTED,"
                            + " WRITE_IN, " + META + ") VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, 1)", UUID.randomUUID().toString(),
                            e.officeCode(), c.id(), elected, nameOf(c, elected), 1000 + order++, caller.username(), tx.now(),
                            caller.username(), tx.now());
                }
            }
            int closed = tx.update("UPDATE EL_ROUND SET STATUS = ?, RETURNED = ?, VALID_BALLOTS = ?, INVALID_BALLOTS = ?,"
                    + " MAJORITY_REQUIRED = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?",
                    RoundStatus.COUNTED, returned, t.validBallots(), t.invalidBallots(), t.majorityRequired(), caller.username(),
                    tx.now(), roundId, RoundStatus.OPEN);
            if (closed != 1) { // counted by someone else meanwhile: this count is rolled back
                throw new StaleRecordException(Msg.core("error.stale"));
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("status", new Object[] {RoundStatus.OPEN, RoundStatus.COUNTED});
            changes.put("returned", new Object[] {null, returned});
            changes.put("valid", new Object[] {null, t.validBallots()});
            changes.put("invalid", new Object[] {null, t.invalidBallots()});
            changes.put("elected", new Object[] {null, t.elected().stream().map(x -> nameOf(c, x)).collect(Collectors.joining("、"))});
            changes.put("tied", new Object[] {null, t.tied().stream().map(x -> nameOf(c, x)).collect(Collectors.joining("、"))});
            changes.put("shortfall", new Object[] {null, t.shortfall()});
            tx.audit(MODULE, "round", roundId, e.officeCode(), AuditAction.UPDATE, changes);
            afterContestChange(tx, electionId);
            return round(tx, roundId);
        });
    }

    private String nameOf(Contest c, String personId) {
        return c.candidates().stream().filter(x -> x.personId().equals(personId)).map(Contest.Candidate::personName).findFirst()
                .orElseGet(() -> {
                    Person p = findPerson(personId);
                    return p == null ? personId : p.name();
                });
    }

    private Person findPerson(String id) {
        try {
            return people.get(Caller.system(offices.current().code()), id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public Election reduceSeats(Caller caller, String contestId, int consenting) {
        caller.requireAnyRole(WRITERS);
        return db.tx(caller, tx -> {
            String electionId = electionOfContest(tx, contestId);
            Election e = loadForWrite(tx, caller, electionId);
            if (e.status() != ElectionStatus.APPROVED) {
                throw new ValidationException(RuleMsg.of("status.required", RuleMsg.of(ElectionStatus.APPROVED.messageKey()),
                        RuleMsg.of(e.status().messageKey())));
            }
            Contest c = contest(e, contestId);
            Round last = lastCounted(c);
            if (last == null || !shortfall(c, last) || c.rounds().stream().anyMatch(r -> r.status() == RoundStatus.OPEN)) {
                throw new ValidationException(RuleMsg.of("reduce.nothing"));
            }
            int elected = electedCount(c);
            if (elected == 0) {
                throw new ValidationException(RuleMsg.of("reduce.noneElected"));
            }
            Election.RollCount rc = c.roll() == Roll.PLENARY ? e.plenary() : e.general();
            ElectionRules.seatReduction(rc.present(), consenting).orThrow();
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            OrgUnit unit = unitFor(caller, e.orgUnitId());
            if (c.kind() == ContestKind.COMMITTEE && unit.type() == OrgUnitType.BRANCH && rs.committeeMinMembers() > 0) {
                ElectionRules.committeeStructure(rs, electorate(unit, OrgKind.PARTY, e.plannedDate()).fullMembers(), elected).orThrow();
            }
            tx.update("UPDATE EL_CONTEST SET SEATS = ?, CONSENT = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?",
                    elected, consenting, caller.username(), tx.now(), contestId);
            tx.audit(MODULE, "contest", contestId, e.officeCode(), AuditAction.UPDATE,
                    Map.of("seats", new Object[] {c.seats(), elected}, "consent", new Object[] {null, consenting + "/" + rc.present()}));
            afterContestChange(tx, electionId);
            return load(tx, electionId);
        });
    }

    /** After a count or a reduction: the plenary roll once the committee is complete; ELECTED once every contest is. */
    private void afterContestChange(Tx tx, String electionId) throws SQLException {
        Election e = load(tx, electionId);
        Contest committee = e.contests().stream().filter(x -> x.kind() == ContestKind.COMMITTEE).findFirst().orElse(null);
        if (committee != null && committee.complete() && e.plenary().entitled() == 0) {
            for (Contest.Candidate cand : committee.candidates()) {
                if (cand.elected()) {
                    insertVoter(tx, e, Roll.PLENARY, cand.personId(), cand.personName());
                }
            }
        }
        if (e.contests().stream().allMatch(Contest::complete)) {
            tx.update("UPDATE EL_ELECTION SET STATUS = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?",
                    ElectionStatus.ELECTED, tx.caller().username(), tx.now(), electionId);
            tx.audit(MODULE, "election", electionId, e.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {e.status(), ElectionStatus.ELECTED}));
        }
    }

    // =============================================================== result

    @Override
    public Election approveResult(Caller caller, String id, long expectedVersion, Approval approval) {
        caller.requireAnyRole(APPROVERS);
        Approval a = validateApproval(approval);
        return db.tx(caller, tx -> {
            Election e = loadForWrite(tx, caller, id);
            if (e.status() != ElectionStatus.ELECTED) {
                throw new ValidationException(e.status() == ElectionStatus.APPROVED ? RuleMsg.of("result.notElected")
                        : RuleMsg.of("status.required", RuleMsg.of(ElectionStatus.ELECTED.messageKey()), RuleMsg.of(e.status().messageKey())));
            }
            // the result is approved after the vote, at the earliest on the election day
            requireDateOrder(!a.approvedOn().isBefore(e.plannedDate()), "approvedOn", "approval.resultBeforeElection", a.approvedOn(),
                    e.plannedDate());
            int rows = tx.update("UPDATE EL_ELECTION SET STATUS = ?, RESULT_APPROVED_BY = ?, RESULT_APPROVED_ON = ?,"
                    + " RESULT_APPROVAL_NO = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                    ElectionStatus.IN_EFFECT, a.approvedBy(), a.approvedOn(), a.documentNo(), caller.username(), tx.now(), id,
                    expectedVersion);
            requireUpdated(tx, rows, "EL_ELECTION", id, "entity.election");
            updateDirectory(e, a.approvedOn());
            upsertBody(tx, e.orgUnitId(), e.officeCode(), e.plannedDate());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("status", new Object[] {e.status(), ElectionStatus.IN_EFFECT});
            changes.put("resultApprovedBy", new Object[] {null, a.approvedBy()});
            changes.put("resultApprovedOn", new Object[] {null, a.approvedOn()});
            changes.put("resultApprovalNo", new Object[] {null, a.documentNo()});
            tx.audit(MODULE, "election", id, e.officeCode(), AuditAction.UPDATE, changes);
            return load(tx, id);
        });
    }

    /**
     * The new posts take effect in the directory (joining this transaction): the current holders of the
     * elected posts leave them the day before the approval, the elected take them from the approval day.
     * The module acts as the node here (the caller's right was checked above; the core's membership API
     * is reserved to admins).
     */
    private void updateDirectory(Election e, LocalDate effective) {
        Caller node = Caller.system(e.officeCode());
        Map<String, Post> newPosts = new LinkedHashMap<>();
        for (Contest c : e.contests()) {
            if (c.kind() == ContestKind.COMMITTEE) {
                c.candidates().stream().filter(Contest.Candidate::elected).forEach(x -> newPosts.putIfAbsent(x.personId(), Post.COMMITTEE_MEMBER));
            }
        }
        for (Contest c : e.contests()) {
            if (c.kind() == ContestKind.POSTS) {
                c.candidates().stream().filter(Contest.Candidate::elected).forEach(x -> newPosts.put(x.personId(), c.post()));
            }
        }
        Set<Post> replaced = Set.of(Post.SECRETARY, Post.DEPUTY_SECRETARY, Post.CHAIR, Post.VICE_CHAIR, Post.COMMITTEE_MEMBER);
        for (Membership m : org.members(node, e.orgUnitId(), true)) {
            if (replaced.contains(m.post())) {
                LocalDate until = effective.minusDays(1).isBefore(m.since()) ? m.since() : effective.minusDays(1);
                org.endMembership(node, m.id(), m.meta().version(), until);
            }
        }
        for (Map.Entry<String, Post> np : newPosts.entrySet()) {
            org.addMember(node, e.orgUnitId(), np.getKey(), np.getValue(), effective);
        }
    }

    @Override
    public PrintDocument report(Caller caller, String id) {
        return db.read(caller, tx -> {
            Election e = load(tx, id);
            caller.requireRead(e.officeCode());
            RuleSet rs = ruleSetVersion(tx, e.kind(), e.ruleSetVersion());
            return ResultReport.build(e, rs);
        });
    }

    // =============================================================== terms and statistics

    @Override
    public List<BodyTerm> terms(Caller caller, String officeCode, LocalDate today) {
        String office = caller.scopeOffice(officeCode);
        LocalDate day = today == null ? today() : today;
        return db.read(caller, tx -> {
            Map<OrgKind, RuleSet> current = new HashMap<>();
            for (OrgKind k : OrgKind.values()) {
                current.put(k, currentRuleSet(tx, k).rules());
            }
            List<BodyTerm> out = new ArrayList<>();
            for (OrgUnit u : org.units(caller, office)) {
                OrgKind kind = OrgKind.of(u.type());
                if (kind == null) {
                    continue;
                }
                LocalDate last = lastElection(tx, u.id());
                OpenElection open = tx.queryOne("SELECT ID, STATUS, PLANNED_DATE, PLAN_APPROVED_BY, PLAN_APPROVED_ON, PLAN_APPROVAL_NO"
                        + " FROM EL_ELECTION WHERE ORG_UNIT_ID = ? AND STATUS IN (?, ?, ?)", x -> new OpenElection(x.getString("ID"),
                                Rows.enumValue(x, "STATUS", ElectionStatus.class), Rows.date(x, "PLANNED_DATE"),
                                approval(x, "PLAN_APPROVED_BY", "PLAN_APPROVED_ON", "PLAN_APPROVAL_NO")),
                        u.id(), ElectionStatus.PLANNED, ElectionStatus.APPROVED, ElectionStatus.ELECTED).orElse(null);
                RuleSet rs = current.get(kind);
                // an election delayed with the superior's approval (the plan's) is not overdue until its date passes
                TermStatus status = open == null ? ElectionRules.termStatus(rs, u.type(), last, day)
                        : ElectionRules.termStatus(rs, u.type(), last, day, open.planned(), open.approval() != null,
                                open.status() == ElectionStatus.ELECTED);
                out.add(new BodyTerm(u.id(), u.name(), u.officeCode(), kind, last,
                        last == null ? null : ElectionRules.termEnds(rs, u.type(), last), status,
                        open == null ? null : open.id(), open == null ? null : open.planned(), open == null ? null : open.approval()));
            }
            return out;
        });
    }

    /** A body's election in progress, as term tracking needs it. */
    private record OpenElection(String id, ElectionStatus status, LocalDate planned, Approval approval) {
    }

    @Override
    public BodyTerm recordTerm(Caller caller, String orgUnitId, LocalDate lastElection) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        v.required("lastElection", lastElection);
        LocalDate today = today();
        v.check(lastElection == null || !lastElection.isAfter(today), "lastElection",
                RuleMsg.of("term.future", String.valueOf(lastElection), today.toString()));
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            OrgUnit u = unitFor(caller, orgUnitId);
            caller.requireWrite(u.officeCode());
            LocalDate old = lastElection(tx, u.id());
            upsertBody(tx, u.id(), u.officeCode(), lastElection);
            tx.audit(MODULE, "body", u.id(), u.officeCode(), AuditAction.UPDATE,
                    Map.of("lastElection", new Object[] {old, lastElection}, "orgUnit", new Object[] {u.name(), u.name()}));
            return terms(caller, u.officeCode(), null).stream().filter(t -> t.orgUnitId().equals(u.id())).findFirst().orElseThrow();
        });
    }

    private static void upsertBody(Tx tx, String orgUnitId, String office, LocalDate last) throws SQLException {
        int rows = tx.update("UPDATE EL_BODY SET LAST_ELECTION = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                + " WHERE ORG_UNIT_ID = ?", last, tx.caller().username(), tx.now(), orgUnitId);
        if (rows == 0) {
            tx.update("INSERT INTO EL_BODY (ID, OFFICE_CODE, ORG_UNIT_ID, LAST_ELECTION, " + META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    UUID.randomUUID().toString(), office, orgUnitId, last, tx.caller().username(), tx.now(), tx.caller().username(),
                    tx.now());
        }
    }

    private static LocalDate lastElection(Tx tx, String orgUnitId) throws SQLException {
        return tx.queryOne("SELECT LAST_ELECTION FROM EL_BODY WHERE ORG_UNIT_ID = ?", rs -> Rows.date(rs, "LAST_ELECTION"), orgUnitId)
                .orElse(null);
    }

    @Override
    public ElectionStats statistics(Caller caller, int year, String officeCode, LocalDate today) {
        String office = caller.scopeOffice(officeCode);
        List<BodyTerm> terms = terms(caller, office, today);
        return db.read(caller, tx -> {
            Map<String, int[]> lines = new java.util.TreeMap<>();
            for (BodyTerm t : terms) {
                int[] l = lines.computeIfAbsent(t.officeCode() + "|" + t.kind(), k -> new int[6]);
                if (t.termEnds() != null && t.termEnds().getYear() == year) {
                    l[1]++;
                }
                if (t.status() == TermStatus.OVERDUE) {
                    l[2]++;
                } else if (t.status() == TermStatus.DELAYED_APPROVED) {
                    l[5]++;
                }
            }
            List<Object> params = new ArrayList<>(List.of(ElectionStatus.IN_EFFECT, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
            String where = " WHERE E.STATUS = ? AND E.PLANNED_DATE >= ? AND E.PLANNED_DATE < ?";
            if (office != null) {
                where += " AND E.OFFICE_CODE = ?";
                params.add(office);
            }
            for (Object[] row : tx.query("SELECT E.OFFICE_CODE, E.ORG_KIND, E.ID FROM EL_ELECTION E" + where,
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, params.toArray())) {
                int[] l = lines.computeIfAbsent(row[0] + "|" + row[1], k -> new int[6]);
                l[0]++;
                l[3] += (int) tx.count("SELECT COUNT(*) FROM EL_VOTER WHERE ELECTION_ID = ? AND ROLL_NAME = ? AND STATUS <> ?",
                        row[2], Roll.GENERAL, VoterStatus.EXCUSED);
                l[4] += (int) tx.count("SELECT COUNT(*) FROM EL_VOTER WHERE ELECTION_ID = ? AND ROLL_NAME = ? AND STATUS = ?",
                        row[2], Roll.GENERAL, VoterStatus.PRESENT);
            }
            List<ElectionStats.Line> out = new ArrayList<>();
            lines.forEach((k, l) -> {
                String[] p = k.split("\\|");
                out.add(new ElectionStats.Line(p[0], OrgKind.valueOf(p[1]), l[0], l[1], l[2], l[5], l[3], l[4]));
            });
            List<BodyTerm> overdue = terms.stream().filter(t -> t.status() == TermStatus.OVERDUE).toList();
            List<BodyTerm> delayed = terms.stream().filter(t -> t.status() == TermStatus.DELAYED_APPROVED).toList();
            return new ElectionStats(year, office, out, overdue, delayed);
        });
    }

    @Override
    public byte[] statisticsXlsx(Caller caller, int year, String officeCode, LocalDate today) {
        return StatisticsWorkbook.write(statistics(caller, year, officeCode, today), offices);
    }

    // =============================================================== loading

    private Election loadForWrite(Tx tx, Caller caller, String id) throws SQLException {
        Election e = load(tx, id);
        caller.requireWrite(e.officeCode());
        return e;
    }

    private static void requireStatus(Election e, ElectionStatus required) {
        if (e.status() != required) {
            throw new ValidationException(RuleMsg.of("status.required", RuleMsg.of(required.messageKey()), RuleMsg.of(e.status().messageKey())));
        }
    }

    Election load(Tx tx, String id) throws SQLException {
        Object[] row = tx.queryOne("SELECT " + ELECTION_COLS + " FROM EL_ELECTION WHERE ID = ?", rs -> new Object[] {
            rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("ORG_UNIT_ID"), rs.getString("ORG_UNIT_NAME"),
            Rows.enumValue(rs, "ORG_KIND", OrgKind.class), rs.getInt("RS_VERSION"), rs.getString("TITLE"), Rows.date(rs, "TERM_START"),
            Rows.date(rs, "PLANNED_DATE"), rs.getInt("COMMITTEE_SEATS"), rs.getInt("AUDIT_SEATS"), rs.getInt("DEPUTY_SEATS"),
            rs.getString("CANDIDATE_PRODUCTION"), Rows.enumValue(rs, "STATUS", ElectionStatus.class),
            approval(rs, "PLAN_APPROVED_BY", "PLAN_APPROVED_ON", "PLAN_APPROVAL_NO"),
            approval(rs, "RESULT_APPROVED_BY", "RESULT_APPROVED_ON", "RESULT_APPROVAL_NO"), rs.getString("CANCEL_REASON"), Rows.meta(rs),
            Rows.enumValue(rs, "BODY_TYPE", OrgUnitType.class)}, id).orElseThrow(() -> notFound("entity.election", id));
        OrgKind kind = (OrgKind) row[4];
        RuleSet rs = ruleSetVersion(tx, kind, (Integer) row[5]);
        LocalDate termStart = (LocalDate) row[7];
        LocalDate planned = (LocalDate) row[8];
        OrgUnitType body = row[18] != null ? (OrgUnitType) row[18] : currentType((String) row[1], (String) row[2]);
        List<Contest> contests = new ArrayList<>();
        for (Object[] c : tx.query("SELECT ID, CONTEST_KIND, POST, SEATS, PLANNED_SEATS, ROLL_NAME, CONSENT, VERSION FROM EL_CONTEST"
                + " WHERE ELECTION_ID = ? ORDER BY SORT_ORDER", x -> new Object[] {x.getString(1), Rows.enumValue(x, "CONTEST_KIND",
                        ContestKind.class), Rows.enumValue(x, "POST", Post.class), x.getInt(4), x.getInt(5),
                        Rows.enumValue(x, "ROLL_NAME", Roll.class), (Integer) x.getObject(7) == null ? null : x.getInt(7), x.getLong(8)}, id)) {
            String cid = (String) c[0];
            List<Contest.Candidate> cands = tx.query("SELECT ID, PERSON_ID, PERSON_NAME, ELECTED, WRITE_IN FROM EL_CANDIDATE"
                    + " WHERE CONTEST_ID = ? ORDER BY SORT_ORDER, PERSON_NAME", x -> new Contest.Candidate(x.getString(1), x.getString(2),
                            x.getString(3), x.getInt(4) == 1, x.getInt(5) == 1), cid);
            List<String> roundIds = tx.query("SELECT ID FROM EL_ROUND WHERE CONTEST_ID = ? ORDER BY ROUND_NO", x -> x.getString(1), cid);
            List<Round> rounds = new ArrayList<>();
            for (String rid : roundIds) {
                rounds.add(round(tx, rid));
            }
            int seats = (Integer) c[3];
            boolean complete = cands.stream().filter(Contest.Candidate::elected).count() >= seats;
            contests.add(new Contest(cid, (ContestKind) c[1], (Post) c[2], seats, (Integer) c[4], (Roll) c[5], (Integer) c[6],
                    complete, cands, rounds, (Long) c[7]));
        }
        return new Election((String) row[0], (String) row[1], (String) row[2], (String) row[3], kind, (Integer) row[5],
                (String) row[6], termStart, termStart == null ? null : ElectionRules.termEnds(rs, body, termStart),
                ElectionRules.timing(rs, body, termStart, planned), body, rs.termYearsFor(body), planned, (Integer) row[9],
                (Integer) row[10], (Integer) row[11],
                (String) row[12], (ElectionStatus) row[13], (Approval) row[14], (Approval) row[15], (String) row[16], contests,
                rollCount(tx, id, Roll.GENERAL), rollCount(tx, id, Roll.PLENARY), (cn.gannan.hpf.core.api.RecordMeta) row[17]);
    }

    private static Approval approval(ResultSet rs, String by, String on, String no) throws SQLException {
        String b = rs.getString(by);
        return b == null ? null : new Approval(b, Rows.date(rs, on), rs.getString(no));
    }

    private static Election.RollCount rollCount(Tx tx, String electionId, Roll roll) throws SQLException {
        int entitled = (int) tx.count("SELECT COUNT(*) FROM EL_VOTER WHERE ELECTION_ID = ? AND ROLL_NAME = ?", electionId, roll);
        int excused = (int) tx.count("SELECT COUNT(*) FROM EL_VOTER WHERE ELECTION_ID = ? AND ROLL_NAME = ? AND STATUS = ?", electionId,
                roll, VoterStatus.EXCUSED);
        int present = (int) tx.count("SELECT COUNT(*) FROM EL_VOTER WHERE ELECTION_ID = ? AND ROLL_NAME = ? AND STATUS = ?", electionId,
                roll, VoterStatus.PRESENT);
        return new Election.RollCount(entitled, excused, entitled - excused, present);
    }

    private static List<Voter> rollOf(Tx tx, String electionId, Roll roll) throws SQLException {
        return tx.query("SELECT * FROM EL_VOTER WHERE ELECTION_ID = ? AND ROLL_NAME = ? ORDER BY PERSON_NAME, ID",
                ElectionServiceImpl::mapVoter, electionId, roll);
    }

    private static Voter voter(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT * FROM EL_VOTER WHERE ID = ?", ElectionServiceImpl::mapVoter, id)
                .orElseThrow(() -> notFound("entity.voter", id));
    }

    private static Voter mapVoter(ResultSet rs) throws SQLException {
        return new Voter(rs.getString("ID"), rs.getString("ELECTION_ID"), Rows.enumValue(rs, "ROLL_NAME", Roll.class),
                rs.getString("PERSON_ID"), rs.getString("PERSON_NAME"), Rows.enumValue(rs, "STATUS", VoterStatus.class),
                Rows.enumValue(rs, "EXCUSE_REASON", ExcuseReason.class), rs.getString("EXCUSE_NOTE"),
                rs.getString("EXCUSE_APPROVED_BY"), Rows.instant(rs, "SIGNED_IN_AT"), rs.getLong("VERSION"));
    }

    private static Round round(Tx tx, String id) throws SQLException {
        Object[] r = tx.queryOne("SELECT * FROM EL_ROUND WHERE ID = ?", rs -> new Object[] {rs.getString("ID"), rs.getString("CONTEST_ID"),
            rs.getInt("ROUND_NO"), Rows.enumValue(rs, "ROUND_KIND", RoundKind.class), rs.getInt("SEATS"), rs.getString("CANDIDATES"),
            rs.getInt("PRESENT_COUNT"), rs.getInt("EXPECTED_COUNT"), rs.getInt("ISSUED"),
            rs.getObject("RETURNED") == null ? null : rs.getInt("RETURNED"), rs.getString("SCRUTINEERS"), rs.getString("TELLERS"),
            rs.getInt("DOUBLE_ENTRY") == 1, Rows.enumValue(rs, "STATUS", RoundStatus.class), rs.getInt("VALID_BALLOTS"),
            rs.getInt("INVALID_BALLOTS"), rs.getLong("MAJORITY_REQUIRED"), rs.getLong("VERSION")}, id)
            .orElseThrow(() -> notFound("entity.round", id));
        List<String> cands = sortedKeep((String) r[5]);
        Map<String, String> names = new HashMap<>();
        for (Object[] n : tx.query("SELECT PERSON_ID, PERSON_NAME FROM EL_CANDIDATE WHERE CONTEST_ID = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, r[1])) {
            names.put((String) n[0], (String) n[1]);
        }
        int entered = (int) tx.count("SELECT COUNT(*) FROM EL_BALLOT WHERE ROUND_ID = ? AND ENTRY_NO = 1", id);
        int second = (int) tx.count("SELECT COUNT(*) FROM EL_BALLOT WHERE ROUND_ID = ? AND ENTRY_NO = 2", id);
        List<Round.Result> results = tx.query("SELECT PERSON_ID, PERSON_NAME, WRITE_IN, APPROVALS, DISAPPROVALS, ABSTENTIONS, OUTCOME"
                + " FROM EL_RESULT WHERE ROUND_ID = ? ORDER BY SORT_ORDER", rs -> new Round.Result(rs.getString(1), rs.getString(2),
                        rs.getInt(3) == 1, rs.getInt(4), rs.getInt(5), rs.getInt(6), Rows.enumValue(rs, "OUTCOME", Outcome.class)), id);
        return new Round((String) r[0], (String) r[1], (Integer) r[2], (RoundKind) r[3], (Integer) r[4], cands,
                cands.stream().map(c -> names.getOrDefault(c, c)).toList(), (Integer) r[6], (Integer) r[7], (Integer) r[8],
                (Integer) r[9], (String) r[10], (String) r[11], (Boolean) r[12], (RoundStatus) r[13], entered, second,
                (Integer) r[14], (Integer) r[15], (Long) r[16], results, (Long) r[17]);
    }

    private static List<String> sortedKeep(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static Ballot ballot(Tx tx, RuleSet rs, Round r, String id) throws SQLException {
        Object[] b = tx.queryOne("SELECT SERIAL_NO, ENTRY_NO, MARKS, WRITE_INS, SPOILED, CREATED_BY FROM EL_BALLOT WHERE ID = ?",
                x -> new Object[] {x.getInt(1), x.getInt(2), x.getString(3), x.getString(4), x.getInt(5) == 1, x.getString(6)}, id)
                .orElseThrow(() -> notFound("entity.ballot", id));
        BallotInput in = new BallotInput(decodeMarks((String) b[2]), sortedList((String) b[3]), (Boolean) b[4]);
        BallotVerdict v = ElectionRules.ballot(rs, r.kind(), r.seats(), new HashSet<>(r.candidates()), in);
        return new Ballot(id, r.id(), (Integer) b[0], (Integer) b[1], in.marks(), in.writeIns(), in.spoiled(), v.valid(), v.reasons(),
                (String) b[5]);
    }

    static String encodeMarks(Map<String, Mark> marks) {
        return marks.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(x -> x.getKey() + ":" + code(x.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String code(Mark m) {
        return switch (m) {
            case APPROVE -> "Y";
            case DISAPPROVE -> "N";
            case ABSTAIN -> "0";
        };
    }

    static Map<String, Mark> decodeMarks(String s) {
        Map<String, Mark> m = new LinkedHashMap<>();
        if (s == null || s.isBlank()) {
            return m;
        }
        for (String part : s.split(",")) {
            int i = part.lastIndexOf(':');
            String c = part.substring(i + 1);
            m.put(part.substring(0, i), "Y".equals(c) ? Mark.APPROVE : "N".equals(c) ? Mark.DISAPPROVE : Mark.ABSTAIN);
        }
        return m;
    }

    private static Contest contest(Election e, String contestId) {
        return e.contests().stream().filter(c -> c.id().equals(contestId)).findFirst()
                .orElseThrow(() -> notFound("entity.contest", contestId));
    }

    private static String electionOfContest(Tx tx, String contestId) throws SQLException {
        return tx.queryOne("SELECT ELECTION_ID FROM EL_CONTEST WHERE ID = ?", rs -> rs.getString(1), contestId)
                .orElseThrow(() -> notFound("entity.contest", contestId));
    }

    private static List<Contest.Candidate> regularCandidates(Contest c) {
        return c.candidates().stream().filter(x -> !x.writeIn()).toList();
    }

    private static Round lastCounted(Contest c) {
        Round last = null;
        for (Round r : c.rounds()) {
            if (r.status() == RoundStatus.COUNTED) {
                last = r;
            }
        }
        return last;
    }

    private static List<String> tied(Round r) {
        return r.results().stream().filter(x -> x.outcome() == Outcome.TIED).map(Round.Result::personId).toList();
    }

    private static boolean tiedOrEmpty(Round r) {
        return r == null || tied(r).isEmpty();
    }

    private static boolean shortfall(Contest c, Round last) {
        return tied(last).isEmpty() && electedCount(c) < c.seats();
    }

    private static int electedCount(Contest c) {
        return (int) c.candidates().stream().filter(Contest.Candidate::elected).count();
    }

    private static String contestLabel(Contest c) {
        return c.kind() + (c.post() == null ? "" : "/" + c.post());
    }

    private OrgUnit unitFor(Caller caller, String orgUnitId) {
        if (orgUnitId == null || orgUnitId.isBlank()) {
            throw ValidationException.field("orgUnitId", Msg.core("error.field.required", "orgUnitId"));
        }
        OrgUnit u = org.unit(caller, orgUnitId);
        if (OrgKind.of(u.type()) == null) {
            throw ValidationException.field("orgUnitId", RuleMsg.of("plan.unitNotElected", u.name(), Msg.core(u.type().messageKey())));
        }
        return u;
    }

    /**
     * Who votes in the body's elections on {@code day}, and which members do not and why. The members: current
     * members of the unit and the units below it, and for party bodies also every party member of the unit's
     * office (each office's party members belong to its party organisation). A party member's status is the
     * one on the election day (from the status history): full members vote; probationary members and members
     * under 留党察看 are members who neither vote nor count. 妇联: women.
     */
    private Electorate electorate(OrgUnit unit, OrgKind kind, LocalDate day) {
        Caller node = Caller.system(unit.officeCode());
        List<OrgUnit> all = org.units(node, null);
        Set<String> subtree = new HashSet<>();
        subtree.add(unit.id());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (OrgUnit u : all) {
                if (u.parentId() != null && subtree.contains(u.parentId()) && subtree.add(u.id())) {
                    grew = true;
                }
            }
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (String uid : subtree) {
            for (Membership m : org.members(node, uid, true)) {
                ids.add(m.personId());
            }
        }
        boolean party = kind == OrgKind.PARTY;
        Map<String, Person> pool = new LinkedHashMap<>();
        Map<String, PoliticalStatus> status = new HashMap<>();
        if (party) {
            for (Person p : people.find(node, new PersonQuery(unit.officeCode(), null, null, null, true),
                    new PageRequest(0, PageRequest.MAX_LIMIT)).items()) {
                PoliticalStatus s = people.statusOn(node, p.id(), day);
                if (s != null && s.partyMember()) {
                    pool.put(p.id(), p);
                    status.put(p.id(), s);
                }
            }
        }
        for (String pid : ids) {
            if (!pool.containsKey(pid)) {
                Person p = people.get(node, pid);
                if (p.active()) {
                    pool.put(pid, p);
                    status.put(pid, party ? people.statusOn(node, pid, day) : p.politicalStatus());
                }
            }
        }
        Map<String, Person> entitled = new LinkedHashMap<>();
        Map<String, RollExclusion> excluded = new LinkedHashMap<>();
        long full = 0;
        for (Person p : pool.values()) {
            PoliticalStatus s = status.get(p.id());
            if (s == PoliticalStatus.FULL_MEMBER || s == PoliticalStatus.PARTY_PROBATION) {
                full++;
            }
            Msg why = ElectionRules.ineligibility(kind, s, p.gender(), day);
            if (why == null) {
                entitled.put(p.id(), p);
            } else {
                excluded.put(p.id(), new RollExclusion(p.id(), p.name(), s, why));
            }
        }
        return new Electorate(entitled, excluded, full);
    }

    /**
     * The voters of a body on a day, the members who are not voters (with the rule), and the count of full
     * members (正式党员, including those under 留党察看) for the branch-structure rule.
     */
    private record Electorate(Map<String, Person> entitled, Map<String, RollExclusion> excluded, long fullMembers) {
    }

    /** Why a person may not vote or stand by their political status (party: on the election day), or null. */
    private Msg statusIneligibility(Election e, Person p) {
        PoliticalStatus s = e.kind() == OrgKind.PARTY ? people.statusOn(Caller.system(e.officeCode()), p.id(), e.plannedDate())
                : p.politicalStatus();
        return ElectionRules.ineligibility(e.kind(), s, p.gender(), e.plannedDate());
    }

    /** Why a listed candidate may not stand on the election day (left, 留党察看, ...), or null. */
    private Msg standing(Election e, String personId) {
        Person p = findPerson(personId);
        Msg why = p == null ? null : !p.active() ? RuleMsg.of("candidate.inactive", p.name()) : statusIneligibility(e, p);
        return why == null ? null : RuleMsg.of("candidate.ineligible", p.name(), why);
    }

    /** Refuses a list of candidates when one of them may not stand on the election day. */
    private void requireEligible(Election e, List<String> personIds) {
        for (String id : personIds) {
            Msg why = standing(e, id);
            if (why != null) {
                throw new RuleCheck.RuleViolationException("eligibility", why);
            }
        }
    }

    /** The candidates still to be voted on, each able to stand on the election day: one check naming them. */
    private RuleCheck eligibilityCheck(Election e) {
        int count = 0;
        for (Contest c : e.contests()) {
            if (c.complete()) {
                continue;
            }
            for (Contest.Candidate cand : regularCandidates(c)) {
                if (cand.elected()) {
                    continue;
                }
                Msg why = standing(e, cand.personId());
                if (why != null) {
                    return new RuleCheck("eligibility", false, 0, 1, why);
                }
                count++;
            }
        }
        return new RuleCheck("eligibility", true, 0, 0, RuleMsg.of("candidate.allEligible", count, e.plannedDate().toString()));
    }

    /** The members' roll against the voters on the election day: no one missing, no one who may not vote. */
    private RuleCheck rollCheck(Tx tx, Election e, Electorate el) throws SQLException {
        List<Voter> roll = rollOf(tx, e.id(), Roll.GENERAL);
        Set<String> onRoll = new HashSet<>();
        List<String> extra = new ArrayList<>();
        Msg firstReason = null;
        for (Voter v : roll) {
            onRoll.add(v.personId());
            if (!el.entitled().containsKey(v.personId())) {
                extra.add(v.personName());
                if (firstReason == null) {
                    RollExclusion x = el.excluded().get(v.personId());
                    firstReason = x != null ? x.reason() : RuleMsg.of("roll.notMember", v.personName(), e.orgUnitName());
                }
            }
        }
        List<String> missing = el.entitled().values().stream().filter(p -> !onRoll.contains(p.id())).map(Person::name).toList();
        String day = e.plannedDate().toString();
        if (!extra.isEmpty()) {
            return new RuleCheck("roll", false, 0, extra.size(), RuleMsg.of("roll.staleExtra", day, extra.size(),
                    String.join("、", extra), firstReason));
        }
        if (!missing.isEmpty()) {
            return new RuleCheck("roll", false, 0, missing.size(), RuleMsg.of("roll.staleMissing", day, missing.size(),
                    String.join("、", missing)));
        }
        return new RuleCheck("roll", true, roll.size(), roll.size(), RuleMsg.of("roll.current", day, roll.size(),
                el.excluded().size()));
    }

    /** A write-in must be able to stand: by status on the election day, and a voter of the body (or, for posts, of the new committee). */
    private Msg writeInIneligibility(Caller caller, Election e, Contest c, Person p) {
        if (!p.active()) {
            return RuleMsg.of("candidate.inactive", p.name());
        }
        Msg why = statusIneligibility(e, p);
        if (why != null) {
            return why;
        }
        if (c.roll() == Roll.PLENARY) {
            Contest committee = e.contests().stream().filter(x -> x.kind() == ContestKind.COMMITTEE).findFirst().orElse(null);
            boolean member = committee != null && committee.candidates().stream().anyMatch(x -> x.elected() && x.personId().equals(p.id()));
            return member ? null : RuleMsg.of("candidate.notCommittee", p.name());
        }
        return electorate(unitFor(caller, e.orgUnitId()), e.kind(), e.plannedDate()).entitled().containsKey(p.id()) ? null
                : RuleMsg.of("candidate.notMember", p.name(), e.orgUnitName());
    }

    private OrgUnitType currentType(String office, String orgUnitId) {
        try {
            return org.unit(Caller.system(office), orgUnitId).type();
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private static String approvalText(Approval a) {
        return a.approvedBy() + "，" + a.approvedOn() + "，" + a.documentNo();
    }

    /**
     * Sign-in and voting happen at the meeting: refused before the election day (the plan's date; entering them on
     * the day or afterwards, from the paper records, is fine).
     */
    private static void requireElectionDayReached(Election e, String key) {
        LocalDate today = today();
        if (today.isBefore(e.plannedDate())) {
            throw new ValidationException(RuleMsg.of(key, e.plannedDate().toString(), today.toString()));
        }
    }

    private static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    private static void requireUpdated(Tx tx, int rows, String table, String id, String entityKey) throws SQLException {
        if (rows == 1) {
            return;
        }
        if (tx.count("SELECT COUNT(*) FROM " + table + " WHERE ID = ?", id) == 0) {
            throw notFound(entityKey, id);
        }
        throw new StaleRecordException(Msg.core("error.stale"));
    }

    static NotFoundException notFound(String entityKey, String id) {
        return new NotFoundException(Msg.core("error.notFound", RuleMsg.of(entityKey), id));
    }

    private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }
}
