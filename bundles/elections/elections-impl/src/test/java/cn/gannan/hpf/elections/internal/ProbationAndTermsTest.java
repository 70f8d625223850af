package cn.gannan.hpf.elections.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.BallotEntry;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.RollExclusion;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.rules.Mark;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.RoundKind;
import cn.gannan.hpf.elections.api.rules.RuleCheck;
import cn.gannan.hpf.elections.api.rules.RuleSet;
import cn.gannan.hpf.elections.api.rules.TermStatus;
import cn.gannan.hpf.elections.api.rules.Timing;

import org.junit.Before;
import org.junit.Test;

/**
 * RULES.md §1 over real Derby: members under 留党察看 (and probationary members) on the election day neither vote
 * nor stand; the roll follows the status on that day; a 基层委员会 serves five years, a 党总支/党支部 three, and
 * advancing or delaying by at most a year needs the superior's approval.
 */
public class ProbationAndTermsTest {

    private static final LocalDate DAY = LocalDate.of(2017, 3, 2);
    private static final Approval PLAN_OK = new Approval("中共甘南州直属机关工作委员会", LocalDate.of(2017, 2, 20), "州直工委〔2017〕8号");

    private Node n;
    private OrgUnit general;
    private final List<Person> full = new ArrayList<>();
    private Person onTheDay;     // 留党察看 from the election day itself
    private Person dayAfter;     // 留党察看 only from the day after
    private Person restored;     // rights restored before the election day
    private Person probationary; // 预备党员
    private final Caller secretary = Node.caller("GN00", Role.BRANCH_SECRETARY);
    private final Caller leader = Node.caller("GN00", Role.LEADER);

    @Before
    public void setUp() {
        n = new Node();
        general = n.unit("GN00", OrgUnitType.GENERAL_BRANCH, "中心机关总支部委员会");
        for (int i = 0; i < 8; i++) {
            full.add(n.person("GN00", "党员" + i, PoliticalStatus.FULL_MEMBER, Gender.MALE));
        }
        onTheDay = n.person("GN00", "察看甲", PoliticalStatus.FULL_MEMBER, Gender.MALE);
        n.probation(onTheDay, DAY);
        dayAfter = n.person("GN00", "察看丙", PoliticalStatus.FULL_MEMBER, Gender.FEMALE);
        n.probation(dayAfter, DAY.plusDays(1));
        restored = n.person("GN00", "恢复乙", PoliticalStatus.FULL_MEMBER, Gender.FEMALE);
        n.probation(restored, LocalDate.of(2015, 6, 1));
        n.restore(restored, LocalDate.of(2016, 6, 1));
        probationary = n.person("GN00", "预备丁", PoliticalStatus.PROBATIONARY_MEMBER, Gender.MALE);
        n.org.addMember(n.system, general.id(), probationary.id(), Post.MEMBER, LocalDate.of(2016, 1, 1));
    }

    private static String zh(HpfException e) {
        return e.localized(Msg.ZH_CN);
    }

    private Election plan(int seats) {
        return n.elections.createPlan(secretary, new PlanDraft(general.id(), "总支换届", LocalDate.of(2014, 3, 10), DAY, seats, 0, 0,
                null));
    }

    /** 3 seats, 党员0–3 as candidates, the roll built, the plan approved, everyone on the roll signed in. */
    private Election approvedAndSignedIn() {
        Election e = plan(3);
        for (int i = 0; i < 4; i++) {
            n.elections.addCandidate(secretary, committee(e).id(), full.get(i).id());
        }
        n.elections.buildRoll(secretary, e.id());
        e = n.elections.approvePlan(leader, e.id(), n.elections.get(leader, e.id()).meta().version(), PLAN_OK);
        for (Voter v : n.elections.roll(secretary, e.id(), Roll.GENERAL)) {
            n.elections.signIn(secretary, v.id(), v.version());
        }
        return e;
    }

    private static Contest committee(Election e) {
        return e.contests().stream().filter(c -> c.post() == null).findFirst().orElseThrow();
    }

    private static RuleCheck check(List<RuleCheck> checks, String rule) {
        return checks.stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    public void underProbationOnTheElectionDayNeitherVotesNorStands() {
        Election e = plan(3);
        String cid = committee(e).id();
        ValidationException refused = assertThrows(ValidationException.class, () -> n.elections.addCandidate(secretary, cid,
                onTheDay.id()));
        assertEquals("受留党察看处分的党员在察看期间没有表决权、选举权和被选举权，不计入选举人，也不能作为候选人（此人在选举日 2017-03-02"
                + " 处于留党察看期间）。", refused.fieldErrors().get("personId").format(Msg.ZH_CN));
        // the status on the election day counts: under 留党察看 only from the day after, restored before
        n.elections.addCandidate(secretary, cid, dayAfter.id());
        n.elections.addCandidate(secretary, cid, restored.id());
        for (int i = 0; i < 2; i++) {
            n.elections.addCandidate(secretary, cid, full.get(i).id());
        }
        List<Voter> roll = n.elections.buildRoll(secretary, e.id());
        List<String> onRoll = roll.stream().map(Voter::personId).toList();
        assertEquals(10, roll.size()); // 8 full members, 察看丙 and 恢复乙
        assertFalse(onRoll.contains(onTheDay.id()));
        assertFalse(onRoll.contains(probationary.id()));
        assertTrue(onRoll.contains(dayAfter.id()));
        assertTrue(onRoll.contains(restored.id()));
        // the members who are not voters are listed with the rule
        List<RollExclusion> out = n.elections.rollExclusions(secretary, e.id());
        assertEquals(2, out.size());
        RollExclusion x = out.stream().filter(r -> r.personId().equals(onTheDay.id())).findFirst().orElseThrow();
        assertEquals(PoliticalStatus.PARTY_PROBATION, x.status());
        assertTrue(x.reason().format(Msg.ZH_CN).startsWith("受留党察看处分的党员在察看期间没有表决权"));
        assertEquals("只有正式党员有表决权、选举权和被选举权（此人在选举日 2017-03-02 为预备党员）。",
                out.stream().filter(r -> r.personId().equals(probationary.id())).findFirst().orElseThrow().reason().format(Msg.ZH_CN));
        List<RuleCheck> checks = n.elections.checks(secretary, e.id());
        assertTrue(check(checks, "roll").passed());
        assertEquals("选举人名册与选举日 2017-03-02 的选举资格一致：选举人 10 人，另有 2 名成员不是选举人。",
                check(checks, "roll").message().format(Msg.ZH_CN));
        assertTrue(check(checks, "eligibility").passed());
        // the quorum counts voters only: more than 4/5 of 10 is 9
        e = n.elections.approvePlan(leader, e.id(), n.elections.get(leader, e.id()).meta().version(), PLAN_OK);
        assertEquals(10, e.general().expected());
    }

    @Test
    public void aRollBuiltBeforeAStatusChangeIsRefusedUntilRebuilt() {
        Election e = approvedAndSignedIn();
        String cid = committee(e).id();
        // after the roll was made, a voter is put under 留党察看 from before the election day
        Person late = full.get(7);
        n.probation(late, DAY.minusDays(10));
        String eid = e.id();
        ValidationException stale = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary, cid,
                new RoundOpening(RoundKind.REGULAR, 9, "甲", "乙", false)));
        assertTrue(zh(stale), zh(stale).startsWith("选举人名册与选举日 2017-03-02 的选举资格不一致：名册上有 1 人在选举日不是选举人（党员7）。"
                + "受留党察看处分的党员"));
        assertTrue(n.elections.get(secretary, eid).contests().stream().allMatch(c -> c.rounds().isEmpty())); // nothing opened
        assertFalse(check(n.elections.checks(secretary, eid), "roll").passed());
        // rebuilding drops the voter (audited), the others keep their sign-in
        List<Voter> roll = n.elections.buildRoll(secretary, eid);
        assertEquals(9, roll.size());
        assertTrue(roll.stream().noneMatch(v -> v.personId().equals(late.id())));
        assertTrue(roll.stream().allMatch(v -> v.status() == cn.gannan.hpf.elections.api.VoterStatus.PRESENT));
        String audit = n.db.read(n.system, tx -> tx.queryOne("SELECT CHANGES FROM HPF_AUDIT WHERE MODULE_ID = 'elections'"
                + " AND ENTITY = 'roll' ORDER BY EVENT_AT DESC, ID FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1)).orElse(""));
        assertTrue(audit, audit.contains("党员7"));
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 9, "甲", "乙", false));
        assertEquals(9, r.present());
        assertEquals(9, r.expected());
    }

    @Test
    public void aCandidatePutUnderProbationBeforeTheApprovalIsRefused() {
        Election e = plan(3);
        String cid = committee(e).id();
        for (int i = 0; i < 4; i++) {
            n.elections.addCandidate(secretary, cid, full.get(i).id());
        }
        n.probation(full.get(3), LocalDate.of(2017, 1, 5));
        RuleCheck eligibility = check(n.elections.checks(secretary, e.id()), "eligibility");
        assertFalse(eligibility.passed());
        assertTrue(eligibility.message().format(Msg.ZH_CN).startsWith("候选人 党员3 不具备被选举资格：受留党察看处分的党员"));
        long v = n.elections.get(leader, e.id()).meta().version();
        String eid = e.id();
        ValidationException refused = assertThrows(ValidationException.class, () -> n.elections.approvePlan(leader, eid, v, PLAN_OK));
        assertTrue(zh(refused), zh(refused).startsWith("候选人 党员3 不具备被选举资格：受留党察看处分的党员"));
        assertTrue(zh(refused).endsWith("请将其移出候选人名单。"));
        assertEquals(v, n.elections.get(leader, eid).meta().version()); // nothing written
    }

    @Test
    public void aWriteInMustBeAVoterOfTheBodyOnTheDay() {
        Election e = approvedAndSignedIn();
        String cid = committee(e).id();
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 10, "甲", "乙", false));
        Map<String, Mark> marks = Map.of(r.candidates().get(0), Mark.DISAPPROVE);
        ValidationException probation = assertThrows(ValidationException.class, () -> n.elections.enterBallot(secretary, r.id(),
                new BallotEntry(1, 1, marks, List.of(onTheDay.id()), false)));
        assertTrue(zh(probation), probation.fieldErrors().get("writeIns").format(Msg.ZH_CN)
                .startsWith("另选的 察看甲 不具备被选举资格：受留党察看处分的党员"));
        Person elsewhere = n.person("GN03", "卓尼党员", PoliticalStatus.FULL_MEMBER, Gender.MALE);
        ValidationException foreign = assertThrows(ValidationException.class, () -> n.elections.enterBallot(secretary, r.id(),
                new BallotEntry(1, 1, marks, List.of(elsewhere.id()), false)));
        assertEquals("另选的 卓尼党员 不具备被选举资格：卓尼党员 不是 中心机关总支部委员会 的成员，不能作为候选人。",
                foreign.fieldErrors().get("writeIns").format(Msg.ZH_CN));
        assertEquals(0, n.elections.ballots(secretary, r.id()).size());
        assertTrue(n.elections.enterBallot(secretary, r.id(), new BallotEntry(1, 1, marks, List.of(dayAfter.id()), false)).valid());
    }

    @Test
    public void aPrimaryLevelCommitteeServesFiveYearsAndTheTypeIsKeptWithThePlan() {
        OrgUnit committee = n.unit("GN00", OrgUnitType.PRIMARY_COMMITTEE, "中心机关党委");
        // elected 2014-03-10: a branch's term would have ended 2017-03-10 and this date would be refused
        Election e = n.elections.createPlan(secretary, new PlanDraft(committee.id(), "机关党委换届", LocalDate.of(2014, 3, 10),
                LocalDate.of(2019, 3, 8), 5, 0, 1, null));
        assertEquals(OrgKind.PARTY, e.kind());
        assertEquals(OrgUnitType.PRIMARY_COMMITTEE, e.bodyType());
        assertEquals(5, e.termYears());
        assertEquals(LocalDate.of(2019, 3, 10), e.termEnds());
        assertEquals(Timing.ON_TIME, e.timing());
        ValidationException branchLate = assertThrows(ValidationException.class, () -> n.elections.createPlan(secretary,
                new PlanDraft(general.id(), "总支换届", LocalDate.of(2014, 3, 10), LocalDate.of(2019, 3, 8), 5, 0, 1, null)));
        assertEquals("延期换届最长 12 个月：任期届满日 2017-03-10（党总支任期 3 年），最迟 2018-03-10，计划日期 2019-03-08。",
                branchLate.fieldErrors().get("plannedDate").format(Msg.ZH_CN));
        // delayed by exactly one year passes, a year and a day is refused (nothing changes)
        long v = e.meta().version();
        String eid = e.id();
        ValidationException late = assertThrows(ValidationException.class, () -> n.elections.updatePlan(secretary, eid, v,
                new PlanDraft(null, "机关党委换届", null, LocalDate.of(2020, 3, 11), 5, 0, 1, null)));
        assertEquals("延期换届最长 12 个月：任期届满日 2019-03-10（党的基层委员会（机关党委）任期 5 年），最迟 2020-03-10，"
                + "计划日期 2020-03-11。", late.fieldErrors().get("plannedDate").format(Msg.ZH_CN));
        assertEquals(LocalDate.of(2019, 3, 8), n.elections.get(secretary, eid).plannedDate());
        e = n.elections.updatePlan(secretary, eid, v, new PlanDraft(null, "机关党委换届", null, LocalDate.of(2020, 3, 10), 5, 0, 1, null));
        assertEquals(Timing.DELAYED, e.timing());
        // the delay needs the superior's approval: shown as a failing check until the approval is recorded
        RuleCheck pending = check(n.elections.checks(secretary, eid), "timingApproval");
        assertFalse(pending.passed());
        assertEquals("延期换届须经上级批准：任期届满日 2019-03-10，计划日期 2020-03-10，相差 366 天；上级批复记录前不能投票。",
                pending.message().format(Msg.ZH_CN));
        for (int i = 0; i < 6; i++) {
            n.elections.addCandidate(secretary, committee(e).id(), full.get(i).id());
        }
        ValidationException noVote = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary,
                committee(n.elections.get(secretary, eid)).id(), new RoundOpening(RoundKind.REGULAR, 1, "甲", "乙", false)));
        assertEquals("换届方案尚未经上级批复，不能投票。", zh(noVote));
        n.elections.approvePlan(leader, eid, n.elections.get(leader, eid).meta().version(),
                new Approval("州直工委", LocalDate.of(2019, 2, 20), "州直工委〔2019〕2号"));
        RuleCheck approved = check(n.elections.checks(secretary, eid), "timingApproval");
        assertTrue(approved.passed());
        assertTrue(approved.message().format(Msg.ZH_CN).endsWith("批准：州直工委，2019-02-20，州直工委〔2019〕2号。"));
        // the plan keeps the body's type it was made for
        OrgUnit now = n.org.unit(n.system, committee.id());
        n.org.update(n.system, committee.id(), now.meta().version(), new OrgUnitDraft("GN00", null, OrgUnitType.GENERAL_BRANCH,
                now.name(), 1));
        assertEquals(5, n.elections.get(secretary, eid).termYears());
        assertEquals(LocalDate.of(2019, 3, 10), n.elections.get(secretary, eid).termEnds());
    }

    @Test
    public void termTrackingUsesTheBodysTerm() {
        OrgUnit committee = n.unit("GN00", OrgUnitType.PRIMARY_COMMITTEE, "中心机关党委");
        Caller admin = Node.caller("GN00", Role.OFFICE_ADMIN);
        LocalDate last = LocalDate.of(2020, 1, 15);
        n.elections.recordTerm(admin, committee.id(), last);
        n.elections.recordTerm(admin, general.id(), last);
        assertEquals(LocalDate.of(2025, 1, 15), term(committee, LocalDate.of(2024, 7, 14)).termEnds());
        assertEquals(TermStatus.CURRENT, term(committee, LocalDate.of(2024, 7, 14)).status());
        assertEquals(TermStatus.DUE_SOON, term(committee, LocalDate.of(2024, 7, 15)).status());
        assertEquals(TermStatus.DUE_SOON, term(committee, LocalDate.of(2025, 1, 15)).status());
        assertEquals(TermStatus.OVERDUE, term(committee, LocalDate.of(2025, 1, 16)).status());
        assertEquals(LocalDate.of(2023, 1, 15), term(general, LocalDate.of(2024, 7, 14)).termEnds());
        assertEquals(TermStatus.OVERDUE, term(general, LocalDate.of(2024, 7, 14)).status());
        // statistics count the committee as due in 2025, the general branch in 2023
        assertEquals(1, n.elections.statistics(admin, 2025, "GN00", LocalDate.of(2025, 1, 1)).lines().stream()
                .mapToInt(l -> l.due()).sum());
        assertEquals(1, n.elections.statistics(admin, 2023, "GN00", LocalDate.of(2023, 1, 1)).lines().stream()
                .mapToInt(l -> l.due()).sum());
    }

    @Test
    public void aLastElectionInTheFutureIsRefused() {
        Caller admin = Node.caller("GN00", Role.OFFICE_ADMIN);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        ValidationException future = assertThrows(ValidationException.class, () -> n.elections.recordTerm(admin, general.id(),
                today.plusDays(1)));
        assertEquals("上次换届日期 " + today.plusDays(1) + " 不能晚于今天 " + today + "。",
                future.fieldErrors().get("lastElection").format(Msg.ZH_CN));
        assertEquals(null, term(general, today).lastElection()); // nothing written
        assertEquals(today, n.elections.recordTerm(admin, general.id(), today).lastElection());
    }

    private BodyTerm term(OrgUnit unit, LocalDate day) {
        return n.elections.terms(secretary, "GN00", day).stream().filter(t -> t.orgUnitId().equals(unit.id())).findFirst().orElseThrow();
    }

    @Test
    public void theCommitteeTermIsPartOfThePartyRuleSet() {
        Caller admin = Node.caller("GN00", Role.OFFICE_ADMIN);
        RuleSet p = n.elections.ruleSet(admin, OrgKind.PARTY, null);
        assertEquals(5, p.primaryCommitteeTermYears());
        RuleSet none = new RuleSet(p.kind(), 1, p.quorum(), p.quorumComparison(), p.quorumBase(), p.differentialRatio(), p.differentialRounding(),
                p.differentialMoreThanSeats(), p.auditCommitteeDifferential(), p.majority(), p.majorityComparison(), p.majorityBase(),
                p.overApprovalInvalid(), p.writeIns(), p.proxiesAllowed(), p.termYears(), 0, p.maxDeviationMonths(),
                p.dueWarningMonths(), p.excusalNeedsApproval(), p.committeeMinMembers(), p.committeeMinSeats(), p.committeeMaxSeats());
        ValidationException bad = assertThrows(ValidationException.class, () -> n.elections.updateRuleSet(admin, OrgKind.PARTY, 1,
                none, null));
        assertEquals("须在 1 到 10 之间（现为 0）。", bad.fieldErrors().get("primaryCommitteeTermYears").format(Msg.ZH_CN));
        assertEquals(1, n.elections.ruleSetHistory(admin, OrgKind.PARTY).size()); // nothing saved
        RuleSet four = new RuleSet(p.kind(), 1, p.quorum(), p.quorumComparison(), p.quorumBase(), p.differentialRatio(), p.differentialRounding(),
                p.differentialMoreThanSeats(), p.auditCommitteeDifferential(), p.majority(), p.majorityComparison(), p.majorityBase(),
                p.overApprovalInvalid(), p.writeIns(), p.proxiesAllowed(), p.termYears(), 4, p.maxDeviationMonths(),
                p.dueWarningMonths(), p.excusalNeedsApproval(), p.committeeMinMembers(), p.committeeMinSeats(), p.committeeMaxSeats());
        assertEquals(4, n.elections.updateRuleSet(admin, OrgKind.PARTY, 1, four, "试行").rules().primaryCommitteeTermYears());
        assertEquals(5, n.elections.ruleSet(admin, OrgKind.PARTY, 1).primaryCommitteeTermYears());
        String audit = n.db.read(n.system, tx -> tx.queryOne("SELECT CHANGES FROM HPF_AUDIT WHERE ENTITY = 'ruleSet.PARTY'",
                rs -> rs.getString(1)).orElse(""));
        assertTrue(audit, audit.contains("primaryCommitteeTermYears"));
    }
}
