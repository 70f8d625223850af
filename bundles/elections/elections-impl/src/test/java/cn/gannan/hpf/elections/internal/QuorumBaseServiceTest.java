package cn.gannan.hpf.elections.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ExcuseReason;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.VoterStatus;
import cn.gannan.hpf.elections.api.rules.ContestKind;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.QuorumBase;
import cn.gannan.hpf.elections.api.rules.RoundKind;
import cn.gannan.hpf.elections.api.rules.RuleCheck;
import cn.gannan.hpf.elections.api.rules.RuleSet;

import org.junit.Before;
import org.junit.Test;

/**
 * The quorum base as a stored, versioned, audited rule-set parameter over real Derby: an election keeps the
 * base of the rule-set version it was planned under, a later one counts against the new base; the V3 script
 * gives every older stored version the expected base.
 */
public class QuorumBaseServiceTest {

    private static final Approval PLAN_OK = new Approval("中共甘南州直属机关工作委员会", LocalDate.of(2017, 2, 20), "州直工委〔2017〕9号");
    private static final String OLD_PARTY_RULES = "quorum=4/5;quorumComparison=MORE_THAN;differentialRatio=1/5;differentialRounding=UP;"
            + "differentialMoreThanSeats=true;auditCommitteeDifferential=true;majority=1/2;majorityComparison=MORE_THAN;"
            + "majorityBase=PRESENT;overApprovalInvalid=true;writeIns=ON_DISAPPROVAL;proxiesAllowed=false;termYears=3;"
            + "primaryCommitteeTermYears=5;maxDeviationMonths=12;dueWarningMonths=6;excusalNeedsApproval=true;committeeMinMembers=7;"
            + "committeeMinSeats=3;committeeMaxSeats=7;";

    private Node n;
    private final Caller admin = Node.caller("GN00", Role.OFFICE_ADMIN);

    @Before
    public void setUp() {
        n = new Node();
    }

    /** A general branch at {@code office} with ten full members, a plan for 3 seats with 4 candidates, the roll built. */
    private Election planned(String office) {
        OrgUnit general = n.unit(office, OrgUnitType.GENERAL_BRANCH, office + "总支部委员会");
        for (int i = 0; i < 10; i++) {
            n.person(office, office + "党员" + i, PoliticalStatus.FULL_MEMBER, Gender.FEMALE);
        }
        Caller secretary = secretary(office);
        Election e = n.elections.createPlan(secretary, new PlanDraft(general.id(), office + "总支换届", null, LocalDate.of(2017, 3, 2),
                3, 0, 0, "党员推荐"));
        Contest committee = e.contests().stream().filter(c -> c.kind() == ContestKind.COMMITTEE).findFirst().orElseThrow();
        List<Voter> roll = n.elections.buildRoll(secretary, e.id());
        assertEquals(10, roll.size());
        for (int i = 0; i < 4; i++) {
            e = n.elections.addCandidate(secretary, committee.id(), roll.get(i).personId());
        }
        return e;
    }

    /** Excuses one voter (with the superior's approval), records the plan approval, signs in {@code present}. */
    private Election readyWith(Election e, int present) {
        Caller secretary = secretary(e.officeCode());
        Voter away = n.elections.roll(secretary, e.id(), Roll.GENERAL).get(9);
        n.elections.excuse(secretary, away.id(), away.version(), ExcuseReason.ABROAD_OVER_6_MONTHS, "援外", "州直工委");
        Election approved = n.elections.approvePlan(Node.caller(e.officeCode(), Role.LEADER), e.id(),
                n.elections.get(secretary, e.id()).meta().version(), PLAN_OK);
        signIn(approved, present);
        return n.elections.get(secretary, e.id());
    }

    private void signIn(Election e, int count) {
        Caller secretary = secretary(e.officeCode());
        int done = 0;
        for (Voter v : n.elections.roll(secretary, e.id(), Roll.GENERAL)) {
            if (done < count && v.status() == VoterStatus.EXPECTED) {
                n.elections.signIn(secretary, v.id(), v.version());
                done++;
            }
        }
    }

    private static Caller secretary(String office) {
        return Node.caller(office, Role.BRANCH_SECRETARY);
    }

    private static String committee(Election e) {
        return e.contests().stream().filter(c -> c.kind() == ContestKind.COMMITTEE).findFirst().orElseThrow().id();
    }

    private RuleSet partyWith(QuorumBase base) {
        RuleSet p = n.elections.ruleSet(admin, OrgKind.PARTY, null);
        return new RuleSet(p.kind(), p.version(), p.quorum(), p.quorumComparison(), base, p.differentialRatio(),
                p.differentialRounding(), p.differentialMoreThanSeats(), p.auditCommitteeDifferential(), p.majority(),
                p.majorityComparison(), p.majorityBase(), p.overApprovalInvalid(), p.writeIns(), p.proxiesAllowed(), p.termYears(),
                p.primaryCommitteeTermYears(), p.maxDeviationMonths(), p.dueWarningMonths(), p.excusalNeedsApproval(),
                p.committeeMinMembers(), p.committeeMinSeats(), p.committeeMaxSeats());
    }

    @Test
    public void anElectionKeepsTheQuorumBaseOfItsRuleSetVersion() {
        // planned under version 1: quorum against those expected
        Election before = planned("GN01");
        assertEquals(1, before.ruleSetVersion());

        // the admin counts party quorums against everyone entitled from now on (version 2, audited)
        RuleSet saved = n.elections.updateRuleSet(admin, OrgKind.PARTY, 1, partyWith(QuorumBase.ENTITLED), "按有选举权的全体人数计算").rules();
        assertEquals(2, saved.version());
        assertEquals(QuorumBase.ENTITLED, saved.quorumBase());
        assertEquals(QuorumBase.ENTITLED, n.elections.ruleSet(admin, OrgKind.PARTY, null).quorumBase());
        assertEquals(QuorumBase.EXPECTED, n.elections.ruleSet(admin, OrgKind.PARTY, 1).quorumBase());
        String audit = n.db.read(n.system, tx -> tx.queryOne("SELECT CHANGES FROM HPF_AUDIT WHERE ENTITY = 'ruleSet.PARTY'",
                rs -> rs.getString(1)).orElse(""));
        assertTrue(audit, audit.contains("quorumBase: EXPECTED → ENTITLED"));
        assertTrue(audit, audit.contains("version: 1 → 2"));

        // 10 entitled, 1 excused, 8 present: more than 4/5 of the 9 expected, exactly 4/5 of the 10 entitled
        Election old = readyWith(before, 8);
        assertEquals(1, old.ruleSetVersion());
        RuleCheck oldQuorum = n.elections.quorum(secretary("GN01"), old.id(), Roll.GENERAL);
        assertEquals("到会人数符合规定：应到会 9 人（有选举权 10 人，不计入应到会 1 人），实到 8 人，须超过应到会人数的 4/5，至少 8 人。",
                oldQuorum.message().format(Msg.ZH_CN));
        assertTrue(oldQuorum.passed());
        Round r = n.elections.openRound(secretary("GN01"), committee(old), new RoundOpening(RoundKind.REGULAR, 8, "张三", "李四", false));
        assertEquals(8, r.present());

        // planned after the change: version 2, the same numbers do not reach the quorum
        Election after = readyWith(planned("GN02"), 8);
        assertEquals(2, after.ruleSetVersion());
        ValidationException refused = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary("GN02"),
                committee(after), new RoundOpening(RoundKind.REGULAR, 8, "张三", "李四", false)));
        assertEquals("到会人数不足：有选举权的 10 人（含不计入应到会的 1 人，应到会 9 人），实到 8 人，须超过有选举权的全体人数的 4/5，"
                + "至少 9 人，不能进行选举。", refused.localized(Msg.ZH_CN));
        assertFalse(n.elections.checks(secretary("GN02"), after.id()).stream()
                .filter(c -> c.rule().equals("quorum")).findFirst().orElseThrow().passed());
        signIn(after, 1);
        assertTrue(n.elections.quorum(secretary("GN02"), after.id(), Roll.GENERAL).passed());
        assertEquals(9, n.elections.openRound(secretary("GN02"), committee(after),
                new RoundOpening(RoundKind.REGULAR, 9, "张三", "李四", false)).present());
    }

    @Test
    public void theQuorumBaseIsRequired() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> n.elections.updateRuleSet(admin, OrgKind.PARTY, 1, partyWith(null), null));
        assertEquals(java.util.Set.of("quorumBase"), e.fieldErrors().keySet());
        assertEquals(1, n.elections.ruleSetHistory(admin, OrgKind.PARTY).size()); // nothing saved
        assertEquals(QuorumBase.EXPECTED, n.elections.ruleSet(admin, OrgKind.PARTY, null).quorumBase());
    }

    @Test
    public void theCodecKeepsTheBaseAndOlderTextReadsAsExpected() {
        RuleSet all = partyWith(QuorumBase.ENTITLED);
        String text = RuleSetCodec.encode(all);
        assertTrue(text, text.contains("quorumBase=ENTITLED;"));
        assertEquals(all, RuleSetCodec.decode(OrgKind.PARTY, all.version(), text));
        assertEquals(QuorumBase.EXPECTED, RuleSetCodec.decode(OrgKind.PARTY, 1, OLD_PARTY_RULES).quorumBase());
    }

    @Test
    public void theMigrationGivesOlderVersionsTheExpectedBase() throws Exception {
        assertEquals(1L, (long) n.db.read(n.system, tx -> tx.count("SELECT COUNT(*) FROM HPF_SCHEMA_HISTORY WHERE MODULE_ID = ?"
                + " AND VERSION = 3 AND SUCCESS = ?", "elections", true)));
        // rule sets as stored before the script: versions 1 and 2 without a base, version 3 already with one
        n.db.tx(n.system, tx -> {
            String[] texts = {OLD_PARTY_RULES, OLD_PARTY_RULES.replace("termYears=3;", "termYears=4;"),
                OLD_PARTY_RULES + "quorumBase=ENTITLED;"};
            for (int v = 1; v <= 3; v++) {
                tx.update("INSERT INTO EL_RULE_SET (ID, OFFICE_CODE, ORG_KIND, RS_VERSION, RULES, NOTE, CREATED_BY, CREATED_AT,"
                        + " UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", "rs-" + v, "GN00",
                        OrgKind.PARTY, v, texts[v - 1], null, "old", tx.now(), "old", tx.now());
            }
            return null;
        });
        String script;
        try (InputStream in = ElectionServiceImpl.class.getClassLoader().getResourceAsStream("db/elections/V3__rule_set_quorum_base.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sql = script.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
        assertTrue(sql, sql.endsWith(";"));
        try (java.sql.Connection c = n.dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute(sql.substring(0, sql.length() - 1));
            st.execute(sql.substring(0, sql.length() - 1)); // a second run changes nothing
        }
        List<String> stored = n.db.read(n.system, tx -> tx.query("SELECT RULES FROM EL_RULE_SET WHERE ORG_KIND = ? ORDER BY RS_VERSION",
                rs -> rs.getString(1), OrgKind.PARTY));
        assertEquals(OLD_PARTY_RULES + "quorumBase=EXPECTED;", stored.get(0));
        assertEquals(OLD_PARTY_RULES + "quorumBase=ENTITLED;", stored.get(2));
        RuleSet two = n.elections.ruleSet(admin, OrgKind.PARTY, 2);
        assertEquals(QuorumBase.EXPECTED, two.quorumBase());
        assertEquals(4, two.termYears());
        assertEquals(RuleSet.defaults(OrgKind.PARTY), n.elections.ruleSet(admin, OrgKind.PARTY, 1));
        assertEquals(QuorumBase.ENTITLED, n.elections.ruleSet(admin, OrgKind.PARTY, null).quorumBase());
    }
}
