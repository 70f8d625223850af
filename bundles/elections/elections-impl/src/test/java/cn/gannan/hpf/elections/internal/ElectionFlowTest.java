package cn.gannan.hpf.elections.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.BallotEntry;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.ExcuseReason;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.RoundStatus;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.VoterStatus;
import cn.gannan.hpf.elections.api.rules.ContestKind;
import cn.gannan.hpf.elections.api.rules.Mark;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.RoundKind;
import cn.gannan.hpf.elections.api.rules.RuleSet;
import cn.gannan.hpf.elections.api.rules.Timing;

import org.junit.Before;
import org.junit.Test;

/** A whole general-branch election through the service over real Derby, and the refusals on the way. */
public class ElectionFlowTest {

    private Node n;
    private OrgUnit general;
    private final List<Person> members = new ArrayList<>();
    private Person probationary;
    private Person oldSecretary;
    private final Caller secretary = Node.caller("GN00", Role.BRANCH_SECRETARY);
    private final Caller leader = Node.caller("GN00", Role.LEADER);

    @Before
    public void setUp() {
        n = new Node();
        general = n.unit("GN00", OrgUnitType.GENERAL_BRANCH, "中心机关总支部委员会");
        for (int i = 0; i < 30; i++) {
            members.add(n.person("GN00", "党员" + i, PoliticalStatus.FULL_MEMBER, i % 2 == 0 ? Gender.MALE : Gender.FEMALE));
        }
        probationary = n.person("GN00", "预备党员甲", PoliticalStatus.PROBATIONARY_MEMBER, Gender.MALE);
        n.org.addMember(n.system, general.id(), probationary.id(), Post.MEMBER, LocalDate.of(2016, 1, 1));
        oldSecretary = members.get(29);
        n.org.addMember(n.system, general.id(), oldSecretary.id(), Post.SECRETARY, LocalDate.of(2014, 3, 10));
    }

    private static String zh(HpfException e) {
        return e.localized(Msg.ZH_CN);
    }

    private Election plan() {
        return n.elections.createPlan(secretary, new PlanDraft(general.id(), "中心机关总支部委员会换届选举", LocalDate.of(2014, 3, 10),
                LocalDate.of(2017, 3, 2), 5, 0, 1, "党员推荐、支委会研究、公示"));
    }

    private static Contest contest(Election e, ContestKind kind, Post post) {
        return e.contests().stream().filter(c -> c.kind() == kind && c.post() == post).findFirst().orElseThrow();
    }

    private Election addCandidates(Election e, Contest c, int count) {
        for (int i = 0; i < count; i++) {
            e = n.elections.addCandidate(secretary, c.id(), members.get(i).id());
        }
        return e;
    }

    private static final Approval PLAN_OK = new Approval("中共甘南州直属机关工作委员会", LocalDate.of(2017, 2, 20), "州直工委〔2017〕8号");

    /** Signs in the first {@code count} of the general roll (excused ones skipped). */
    private void signIn(String electionId, Roll roll, int count) {
        int done = 0;
        for (Voter v : n.elections.roll(secretary, electionId, roll)) {
            if (done == count) {
                break;
            }
            if (v.status() == VoterStatus.EXPECTED) {
                n.elections.signIn(secretary, v.id(), v.version());
                done++;
            }
        }
    }

    private void enter(String roundId, int serial, Map<String, Mark> marks) {
        n.elections.enterBallot(secretary, roundId, new BallotEntry(serial, 1, marks, List.of(), false));
    }

    private static Map<String, Mark> approve(List<String> ids) {
        Map<String, Mark> m = new HashMap<>();
        ids.forEach(id -> m.put(id, Mark.APPROVE));
        return m;
    }

    @Test
    public void theGeneralBranchReElection() {
        Election e = plan();
        assertEquals(OrgKind.PARTY, e.kind());
        assertEquals(1, e.ruleSetVersion());
        assertEquals(Timing.ON_TIME, e.timing());
        assertEquals(LocalDate.of(2017, 3, 10), e.termEnds());
        Contest committee = contest(e, ContestKind.COMMITTEE, null);
        assertEquals(Roll.GENERAL, committee.roll());
        assertEquals(Roll.PLENARY, contest(e, ContestKind.POSTS, Post.SECRETARY).roll());

        // a probationary member cannot stand
        ValidationException notFull = assertThrows(ValidationException.class,
                () -> n.elections.addCandidate(secretary, committee.id(), probationary.id()));
        assertEquals("只有正式党员有表决权、选举权和被选举权（此人在选举日 2017-03-02 为预备党员）。", zh(notFull));

        // five candidates for five seats: the superior's approval is refused by the differential rule
        e = addCandidates(e, committee, 5);
        long v0 = e.meta().version();
        ValidationException diff = assertThrows(ValidationException.class, () -> n.elections.approvePlan(leader, plan0(), v0, PLAN_OK));
        assertEquals("差额不足：应选 5 人，候选人至少 6 人，现有 5 人", zh(diff));
        e = n.elections.addCandidate(secretary, committee.id(), members.get(5).id());

        // no vote before the superior's approval
        List<Voter> roll = n.elections.buildRoll(secretary, e.id());
        assertEquals(30, roll.size()); // the office's 30 full members; the probationary member is not a voter
        String eid = e.id();
        ValidationException early = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary, committee.id(),
                new RoundOpening(RoundKind.REGULAR, 24, "张三", "李四", false)));
        assertEquals("换届方案尚未经上级批复，不能投票。", zh(early));

        // a staff member may not approve; a stale version is refused
        assertThrows(AccessDeniedException.class, () -> n.elections.approvePlan(Node.caller("GN00", Role.STAFF), eid,
                n.elections.get(leader, eid).meta().version(), PLAN_OK));
        assertThrows(StaleRecordException.class, () -> n.elections.approvePlan(leader, eid, 0, PLAN_OK));
        e = n.elections.approvePlan(leader, eid, n.elections.get(leader, eid).meta().version(), PLAN_OK);
        assertEquals(ElectionStatus.APPROVED, e.status());
        assertEquals("州直工委〔2017〕8号", e.planApproval().documentNo());
    }

    private String plan0() {
        return n.elections.find(secretary, null, null).items().get(0).id();
    }

    @Test
    public void quorumBoundaryThenCountThenPlenaryThenApproval() {
        Election e = plan();
        Contest committee = contest(e, ContestKind.COMMITTEE, null);
        e = addCandidates(e, committee, 6);
        List<Voter> roll = n.elections.buildRoll(secretary, e.id());
        int entitled = roll.size();
        // excuse one with the superior's approval: party excusals need it
        Voter first = roll.get(0);
        ValidationException noApproval = assertThrows(ValidationException.class,
                () -> n.elections.excuse(secretary, first.id(), first.version(), ExcuseReason.ABROAD_OVER_6_MONTHS, null, null));
        assertTrue(noApproval.fieldErrors().containsKey("approvedBy"));
        assertThrows(ValidationException.class,
                () -> n.elections.excuse(secretary, first.id(), first.version(), ExcuseReason.OTHER, "出差", "州直工委"));
        n.elections.excuse(secretary, first.id(), first.version(), ExcuseReason.ABROAD_OVER_6_MONTHS, "援外", "州直工委");
        e = n.elections.approvePlan(leader, e.id(), e.meta().version(), PLAN_OK);
        int expected = entitled - 1;
        long min = expected * 4L / 5 + 1; // more than 4/5
        signIn(e.id(), Roll.GENERAL, (int) min - 1);
        String cid = committee.id();
        ValidationException quorum = assertThrows(ValidationException.class,
                () -> n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, (int) min - 1, "张三", "李四", false)));
        assertTrue(zh(quorum), zh(quorum).startsWith("到会人数不足：应到会 " + expected + " 人（有选举权 " + entitled
                + " 人，不计入应到会 1 人），实到 " + (min - 1) + " 人，须超过应到会人数的 4/5，至少 " + min + " 人"));
        signIn(e.id(), Roll.GENERAL, 1);
        int present = (int) min;
        assertThrows(ValidationException.class, () -> n.elections.openRound(secretary, cid,
                new RoundOpening(RoundKind.REGULAR, present + 1, "张三", "李四", false))); // more issued than present
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, present, "张三", "李四", false));
        assertEquals(6, r.candidates().size());
        assertEquals(5, r.seats());
        // ballots: first five approved on all but one; that one approves all six (invalid)
        List<String> cands = r.candidates();
        for (int s = 1; s < present; s++) {
            enter(r.id(), s, approve(cands.subList(0, 5)));
        }
        enter(r.id(), present, approve(cands));
        assertThrows(ValidationException.class, () -> enter(r.id(), 1, approve(cands.subList(0, 5)))); // same serial twice
        ValidationException missing = assertThrows(ValidationException.class, () -> n.elections.closeRound(secretary, r.id(), present - 1));
        assertTrue(zh(missing).startsWith("已录入"));
        Round counted = n.elections.closeRound(secretary, r.id(), present);
        assertEquals(RoundStatus.COUNTED, counted.status());
        assertEquals(present - 1, counted.validBallots());
        assertEquals(1, counted.invalidBallots());
        e = n.elections.get(secretary, e.id());
        assertTrue(contest(e, ContestKind.COMMITTEE, null).complete());
        assertEquals(5, e.plenary().entitled());

        // plenary: secretary and deputy from the new committee
        Contest sec = contest(e, ContestKind.POSTS, Post.SECRETARY);
        Contest dep = contest(e, ContestKind.POSTS, Post.DEPUTY_SECRETARY);
        ValidationException notCommittee = assertThrows(ValidationException.class,
                () -> n.elections.addCandidate(secretary, sec.id(), members.get(5).id()));
        assertTrue(zh(notCommittee).contains("不是新当选的委员会委员"));
        n.elections.addCandidate(secretary, sec.id(), members.get(0).id()); // equal candidate allowed
        n.elections.addCandidate(secretary, dep.id(), members.get(1).id());
        // the plenary has its quorum too (the kind's, over the committee members: more than 4/5 of 5 is all 5)
        signIn(e.id(), Roll.PLENARY, 4);
        ValidationException plenaryQuorum = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary, sec.id(),
                new RoundOpening(RoundKind.REGULAR, 4, "王五", "赵六", false)));
        assertTrue(zh(plenaryQuorum), zh(plenaryQuorum).startsWith("到会人数不足：应到会 5 人（有选举权 5 人，不计入应到会 0 人），实到 4 人，"
                + "须超过应到会人数的 4/5，至少 5 人"));
        assertFalse(n.elections.quorum(secretary, e.id(), Roll.PLENARY).passed());
        signIn(e.id(), Roll.PLENARY, 1);
        Round rs = n.elections.openRound(secretary, sec.id(), new RoundOpening(RoundKind.REGULAR, 5, "王五", "赵六", false));
        for (int s = 1; s <= 5; s++) {
            enter(rs.id(), s, approve(rs.candidates()));
        }
        n.elections.closeRound(secretary, rs.id(), 5);
        Round rd = n.elections.openRound(secretary, dep.id(), new RoundOpening(RoundKind.REGULAR, 5, "王五", "赵六", false));
        for (int s = 1; s <= 5; s++) {
            enter(rd.id(), s, approve(rd.candidates()));
        }
        n.elections.closeRound(secretary, rd.id(), 5);
        e = n.elections.get(secretary, e.id());
        assertEquals(ElectionStatus.ELECTED, e.status());

        // posts take effect only with the superior's approval, then the directory changes (history kept)
        assertEquals(oldSecretary.id(), currentHolder(Post.SECRETARY));
        Election fe = e;
        assertThrows(AccessDeniedException.class, () -> n.elections.approveResult(secretary, fe.id(), fe.meta().version(),
                new Approval("州直工委", LocalDate.of(2017, 3, 10), "州直工委〔2017〕12号")));
        // the result is approved after the vote: an approval dated before the election day is refused, nothing changes
        ValidationException early = assertThrows(ValidationException.class, () -> n.elections.approveResult(leader, fe.id(),
                fe.meta().version(), new Approval("州直工委", LocalDate.of(2017, 3, 1), "州直工委〔2017〕12号")));
        assertEquals("上级对选举结果的批复日期 2017-03-01 不能早于选举日期 2017-03-02：选举结果须在选举后报批。",
                early.fieldErrors().get("approvedOn").format(Msg.ZH_CN));
        assertEquals(ElectionStatus.ELECTED, n.elections.get(leader, fe.id()).status());
        assertEquals(oldSecretary.id(), currentHolder(Post.SECRETARY));
        e = n.elections.approveResult(leader, e.id(), e.meta().version(),
                new Approval("州直工委", LocalDate.of(2017, 3, 10), "州直工委〔2017〕12号"));
        assertEquals(ElectionStatus.IN_EFFECT, e.status());
        assertEquals(members.get(0).id(), currentHolder(Post.SECRETARY));
        assertEquals(members.get(1).id(), currentHolder(Post.DEPUTY_SECRETARY));
        List<Membership> all = n.org.members(n.system, general.id(), false);
        Membership ended = all.stream().filter(m -> m.personId().equals(oldSecretary.id()) && m.post() == Post.SECRETARY).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2017, 3, 9), ended.until());
        assertEquals(3, n.org.members(n.system, general.id(), true).stream().filter(m -> m.post() == Post.COMMITTEE_MEMBER).count());
        // the term restarts from the meeting
        assertEquals(LocalDate.of(2017, 3, 2), n.elections.terms(secretary, "GN00", LocalDate.of(2018, 1, 1)).stream()
                .filter(t -> t.orgUnitId().equals(general.id())).findFirst().orElseThrow().lastElection());

        // the result report, printable
        PrintDocument doc = n.elections.report(secretary, e.id());
        String html = PrintHtml.render(doc, "zh-CN");
        assertTrue(html.contains("中心机关总支部委员会换届选举选举结果报告"));
        assertTrue(html.contains("州直工委〔2017〕12号"));
        assertTrue(html.contains("党员0"));
        // statistics and the workbook
        assertEquals(1, n.elections.statistics(secretary, 2017, null, LocalDate.of(2017, 12, 31)).lines().stream()
                .mapToInt(l -> l.held()).sum());
        byte[] xlsx = n.elections.statisticsXlsx(secretary, 2017, null, LocalDate.of(2017, 12, 31));
        assertEquals('P', xlsx[0]);
        // every change was audited in the same transactions
        long audits = n.db.read(n.system, tx -> tx.count("SELECT COUNT(*) FROM HPF_AUDIT WHERE MODULE_ID = ?", "elections"));
        assertTrue(audits > 40);
    }

    private String currentHolder(Post post) {
        return n.org.members(n.system, general.id(), true).stream().filter(m -> m.post() == post).map(Membership::personId)
                .findFirst().orElse(null);
    }

    /** An approved election with 6 candidates for 5 seats, everyone signed in; returns the committee contest id. */
    private String votingReady(int candidates, int seats) {
        Election e = n.elections.createPlan(secretary, new PlanDraft(general.id(), "换届", null, LocalDate.of(2017, 3, 2), seats,
                0, 0, null));
        Contest c = contest(e, ContestKind.COMMITTEE, null);
        e = addCandidates(e, c, candidates);
        n.elections.buildRoll(secretary, e.id());
        e = n.elections.approvePlan(leader, e.id(), e.meta().version(), PLAN_OK);
        signIn(e.id(), Roll.GENERAL, 1000);
        return c.id();
    }

    @Test
    public void moreReturnedThanIssuedVoidsTheRoundWhichIsReRun() {
        String cid = votingReady(4, 3);
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 10, "甲", "乙", false));
        Round v = n.elections.closeRound(secretary, r.id(), 11);
        assertEquals(RoundStatus.VOID, v.status());
        assertThrows(ValidationException.class, () -> n.elections.enterBallot(secretary, r.id(),
                new BallotEntry(1, 1, Map.of(), List.of(), false)));
        Round again = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 10, "甲", "乙", false));
        assertEquals(2, again.number());
        assertEquals(RoundKind.REGULAR, again.kind());
    }

    @Test
    public void tieAtTheCutOffThenRunoffAmongTheTiedOnlyUntilDecided() {
        String cid = votingReady(4, 3); // 30 present, majority 16
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 30, "甲", "乙", false));
        List<String> c = r.candidates();
        // a: 30; b, c, d: 20 each -> a elected, b, c, d tied for the last two seats
        for (int s = 1; s <= 30; s++) {
            List<String> pair = s <= 10 ? List.of(c.get(1), c.get(2)) : s <= 20 ? List.of(c.get(2), c.get(3)) : List.of(c.get(1), c.get(3));
            enter(r.id(), s, approve(List.of(c.get(0), pair.get(0), pair.get(1))));
        }
        assertEquals(RoundStatus.COUNTED, n.elections.closeRound(secretary, r.id(), 30).status());
        ValidationException further = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary, cid,
                new RoundOpening(RoundKind.FURTHER, 30, "甲", "乙", false)));
        assertEquals("上一轮出现票数相等，须先在票数相等的被选举人中重新投票。", zh(further));
        Round run = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.RUNOFF, 30, "甲", "乙", false));
        assertEquals(List.of(c.get(1), c.get(2), c.get(3)), run.candidates());
        assertEquals(2, run.seats());
        // b: 20, c: 15, d: 15 -> b elected, c and d tied again for one seat
        for (int s = 1; s <= 30; s++) {
            enter(run.id(), s, approve(s <= 15 ? List.of(c.get(1), c.get(2)) : s <= 20 ? List.of(c.get(1), c.get(3)) : List.of(c.get(3))));
        }
        n.elections.closeRound(secretary, run.id(), 30);
        Round run2 = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.RUNOFF, 30, "甲", "乙", false));
        assertEquals(List.of(c.get(2), c.get(3)), run2.candidates());
        assertEquals(1, run2.seats());
        for (int s = 1; s <= 30; s++) {
            enter(run2.id(), s, approve(List.of(s <= 16 ? c.get(2) : c.get(3))));
        }
        n.elections.closeRound(secretary, run2.id(), 30);
        Contest done = n.elections.find(secretary, null, null).items().get(0).contests().get(0);
        assertTrue(done.complete());
        assertEquals(List.of(c.get(0), c.get(1), c.get(2)).stream().sorted().toList(),
                done.candidates().stream().filter(Contest.Candidate::elected).map(Contest.Candidate::personId).sorted().toList());
        assertEquals(3, done.rounds().size());
    }

    @Test
    public void shortfallThenFewerSeatsWithConsentOfMoreThanHalf() {
        String cid = votingReady(4, 3); // 30 present
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 30, "甲", "乙", false));
        List<String> c = r.candidates();
        // a: 30, b: 16 (elected), c: 14 (below the majority of 16), d: 0
        for (int s = 1; s <= 30; s++) {
            enter(r.id(), s, approve(s <= 16 ? List.of(c.get(0), c.get(1)) : List.of(c.get(0), c.get(2))));
        }
        n.elections.closeRound(secretary, r.id(), 30);
        Election e = n.elections.find(secretary, null, null).items().get(0);
        assertEquals(2, e.contests().get(0).candidates().stream().filter(Contest.Candidate::elected).count());
        ValidationException half = assertThrows(ValidationException.class, () -> n.elections.reduceSeats(secretary, cid, 15));
        assertEquals("减少名额须经超过半数的选举人同意：实到会选举人 30 人，同意 15 人，至少须 16 人。", zh(half));
        // a branch committee would need 3; a general branch has no such floor in the rule set -> reduce to 2
        e = n.elections.reduceSeats(secretary, cid, 16);
        assertEquals(2, e.contests().get(0).seats());
        assertEquals(Integer.valueOf(16), e.contests().get(0).consent());
        assertTrue(e.contests().get(0).complete());
    }

    @Test
    public void furtherVoteNeedsTheDifferentialForTheRemainingSeats() {
        String cid = votingReady(4, 3);
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 30, "甲", "乙", false));
        List<String> c = r.candidates();
        for (int s = 1; s <= 30; s++) {
            enter(r.id(), s, approve(s <= 16 ? List.of(c.get(0), c.get(1)) : List.of(c.get(0), c.get(2))));
        }
        n.elections.closeRound(secretary, r.id(), 30);
        // 1 seat left, candidates c and d: 2 >= 1 × 1.2 rounded up = 2
        Round further = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.FURTHER, 30, "甲", "乙", false));
        assertEquals(1, further.seats());
        assertEquals(2, further.candidates().size());
    }

    @Test
    public void doubleEntryShowsEveryDifferenceBeforeTheTally() {
        String cid = votingReady(4, 3);
        Round r = n.elections.openRound(secretary, cid, new RoundOpening(RoundKind.REGULAR, 2, "甲", "乙", true));
        List<String> c = r.candidates();
        n.elections.enterBallot(secretary, r.id(), new BallotEntry(1, 1, approve(c.subList(0, 3)), List.of(), false));
        n.elections.enterBallot(secretary, r.id(), new BallotEntry(2, 1, approve(c.subList(0, 3)), List.of(), false));
        n.elections.enterBallot(secretary, r.id(), new BallotEntry(1, 2, approve(c.subList(0, 3)), List.of(), false));
        n.elections.enterBallot(secretary, r.id(), new BallotEntry(2, 2, approve(c.subList(1, 4)), List.of(), false));
        assertEquals(2, n.elections.differences(secretary, r.id()).size());
        ValidationException e = assertThrows(ValidationException.class, () -> n.elections.closeRound(secretary, r.id(), 2));
        assertEquals("两位计票人的录入有 2 处不一致，请核对后再计票。", zh(e));
    }

    @Test
    public void otherOfficesCannotWriteAndRuleSetsAreVersioned() {
        Election e = plan();
        assertThrows(AccessDeniedException.class, () -> n.elections.addCandidate(Node.caller("GN03", Role.OFFICE_ADMIN),
                e.contests().get(0).id(), members.get(0).id()));
        RuleSet p = n.elections.ruleSet(secretary, OrgKind.PARTY, null);
        assertThrows(AccessDeniedException.class, () -> n.elections.updateRuleSet(secretary, OrgKind.PARTY, 1, p, null));
        RuleSet edited = new RuleSet(p.kind(), 1, p.quorum(), p.quorumComparison(), p.quorumBase(), p.differentialRatio(), p.differentialRounding(),
                p.differentialMoreThanSeats(), p.auditCommitteeDifferential(), p.majority(), p.majorityComparison(), p.majorityBase(),
                p.overApprovalInvalid(), p.writeIns(), p.proxiesAllowed(), 5, p.primaryCommitteeTermYears(), p.maxDeviationMonths(), p.dueWarningMonths(),
                p.excusalNeedsApproval(), p.committeeMinMembers(), p.committeeMinSeats(), p.committeeMaxSeats());
        Caller admin = Node.caller("GN00", Role.OFFICE_ADMIN);
        assertEquals(2, n.elections.updateRuleSet(admin, OrgKind.PARTY, 1, edited, "试行").rules().version());
        assertThrows(StaleRecordException.class, () -> n.elections.updateRuleSet(admin, OrgKind.PARTY, 1, edited, null));
        // the running election keeps version 1 (3-year term), a new one would get 5 years
        assertEquals(1, n.elections.get(secretary, e.id()).ruleSetVersion());
        assertEquals(LocalDate.of(2017, 3, 10), n.elections.get(secretary, e.id()).termEnds());
        assertEquals(5, n.elections.ruleSet(secretary, OrgKind.PARTY, null).termYears());
        assertEquals(3, n.elections.ruleSet(secretary, OrgKind.PARTY, 1).termYears());
        assertEquals(2, n.elections.ruleSetHistory(secretary, OrgKind.PARTY).size());
    }

    @Test
    public void smallBranchHasNoCommittee() {
        OrgUnit branch = n.unit("GN02", OrgUnitType.BRANCH, "临潭县管理部支部");
        for (int i = 0; i < 6; i++) {
            Person p = n.person("GN02", "临潭党员" + i, PoliticalStatus.FULL_MEMBER, Gender.MALE);
            n.org.addMember(n.system, branch.id(), p.id(), Post.MEMBER, LocalDate.of(2016, 1, 1));
        }
        Caller c = Node.caller("GN02", Role.BRANCH_SECRETARY);
        ValidationException e = assertThrows(ValidationException.class, () -> n.elections.createPlan(c,
                new PlanDraft(branch.id(), "支部换届", null, LocalDate.of(2017, 3, 2), 3, 0, 0, null)));
        assertTrue(zh(e), e.fieldErrors().get("committeeSeats").format(Msg.ZH_CN).startsWith("正式党员不足 7 人的党支部不设支部委员会"));
        Election ok = n.elections.createPlan(c, new PlanDraft(branch.id(), "支部换届", null, LocalDate.of(2017, 3, 2), 0, 0, 1, null));
        assertEquals(2, ok.contests().size());
        assertTrue(ok.contests().stream().allMatch(x -> x.roll() == Roll.GENERAL));
        // a party group is appointed, not elected
        OrgUnit group = n.unit("GN00", OrgUnitType.PARTY_GROUP, "党组");
        assertThrows(ValidationException.class, () -> n.elections.createPlan(secretary,
                new PlanDraft(group.id(), "x", null, LocalDate.of(2017, 3, 2), 5, 0, 0, null)));
    }

    @Test
    public void anEmptyPlanReportsEveryMissingFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> n.elections.createPlan(secretary,
                new PlanDraft(null, " ", null, null, null, null, null, null)));
        assertEquals(java.util.Set.of("orgUnitId", "title", "plannedDate", "committeeSeats"), e.fieldErrors().keySet());
    }

    @Test
    public void delayedMoreThanAYearIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> n.elections.createPlan(secretary,
                new PlanDraft(general.id(), "换届", LocalDate.of(2014, 3, 10), LocalDate.of(2018, 3, 11), 5, 0, 0, null)));
        assertEquals("延期换届最长 12 个月：任期届满日 2017-03-10（党总支任期 3 年），最迟 2018-03-10，计划日期 2018-03-11。",
                e.fieldErrors().get("plannedDate").format(Msg.ZH_CN));
        Election ok = n.elections.createPlan(secretary, new PlanDraft(general.id(), "换届", LocalDate.of(2014, 3, 10),
                LocalDate.of(2018, 3, 10), 5, 0, 0, null));
        assertEquals(Timing.DELAYED, ok.timing());
        assertNotNull(ok.termEnds());
        assertFalse(ok.contests().isEmpty());
    }
}
