package cn.gannan.hpf.meetings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.meetings.api.ActionStatus;
import cn.gannan.hpf.meetings.api.AttendeeDraft;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.FollowUpDraft;
import cn.gannan.hpf.meetings.api.FollowUpQuery;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MeetingDraft;
import cn.gannan.hpf.meetings.api.MeetingQuery;
import cn.gannan.hpf.meetings.api.MeetingRule;
import cn.gannan.hpf.meetings.api.MeetingStats;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.meetings.api.Revision;
import cn.gannan.hpf.meetings.api.Threshold;
import cn.gannan.hpf.meetings.api.TopicDraft;
import cn.gannan.hpf.meetings.api.VoteResult;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider;

/** The service over real Derby and the real core services: rules, workflow, numbering, audit. */
public class MeetingServiceTest {

    private MeetingsNode n;
    private MeetingServiceImpl svc;

    @Before
    public void setUp() {
        n = new MeetingsNode();
        svc = n.meetings;
    }

    private List<AttendeeDraft> leaders(int present) {
        List<AttendeeDraft> list = new ArrayList<>();
        for (int i = 0; i < n.leaders.size(); i++) {
            Person p = n.leaders.get(i);
            list.add(new AttendeeDraft(p.id(), p.name(), AttendeeKind.MEMBER, i < present, i < present ? null : "出差"));
        }
        return list;
    }

    private static TopicDraft topic(String title, String decision, boolean personnel, Integer yes) {
        return new TopicDraft(null, title, "PARTY_BUILDING", "办公室", "张书记", "讨论情况", decision, personnel, yes,
                yes == null ? null : 0, yes == null ? null : 0);
    }

    private MeetingDraft partyGroup(LocalDateTime at, int present, TopicDraft... topics) {
        return new MeetingDraft(n.partyGroup.id(), MeetingType.PARTY_GROUP, at, at.plusHours(2), "三楼会议室", null,
                n.leaders.get(0).id(), n.leaders.get(1).id(), "党组会议", null, leaders(present), List.of(topics));
    }

    private Meeting issued(LocalDateTime at) {
        Meeting m = svc.create(n.secretary, partyGroup(at, 5, topic("议题", "同意", false, null)));
        m = svc.circulate(n.staff, m.id(), m.meta().version());
        for (Person p : n.leaders) {
            m = svc.sign(n.secretary, m.id(), m.meta().version(), p.id());
        }
        return svc.issue(n.secretary, m.id(), m.meta().version());
    }

    private static String zh(HpfException e) {
        return e.localized(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    public void belowQuorumCanBeRecordedButTakesNoDecision() {
        LocalDateTime at = LocalDateTime.of(2017, 3, 2, 9, 0);
        Meeting m = svc.create(n.secretary, partyGroup(at, 2, topic("学习传达", null, false, null)));
        assertFalse(m.quorum().met());
        assertEquals(5, m.quorum().expected());
        assertEquals(2, m.quorum().present());
        assertEquals(3, m.quorum().required());
        try {
            svc.create(n.secretary, partyGroup(at, 2, topic("人事", "同意", false, null)));
            fail("decision below quorum");
        } catch (ValidationException e) {
            assertEquals("不足法定人数：党组会议应到 5 人，须 >1/2 出席（至少 3 人），实到 2 人，不能作出决定。", zh(e));
            assertTrue(e.fieldErrors().containsKey("topics[0].decision"));
        }
        assertTrue(svc.create(n.secretary, partyGroup(at, 3, topic("人事", "同意", false, null))).quorum().met());
    }

    @Test
    public void personnelTopicsNeedTwoThirdsPresent() {
        LocalDateTime at = LocalDateTime.of(2017, 3, 2, 9, 0);
        try {
            svc.create(n.secretary, partyGroup(at, 3, topic("干部任免", "同意任命", true, 3)));
            fail("3 of 5 is below 2/3");
        } catch (ValidationException e) {
            assertTrue(zh(e), zh(e).contains("干部任免或党员处分") && zh(e).contains("至少 4 人"));
        }
        Meeting m = svc.create(n.secretary, partyGroup(at, 4, topic("干部任免", "同意任命", true, 4)));
        assertTrue(m.quorum().met());
        assertTrue(m.quorum().personnel());
    }

    @Test
    public void votesPassWithMoreThanHalfOfThoseExpected() {
        LocalDateTime at = LocalDateTime.of(2017, 3, 2, 9, 0);
        Meeting m = svc.create(n.secretary, partyGroup(at, 4, topic("甲", "同意", false, 3), topic("乙", "暂缓", false, 2)));
        assertEquals(VoteResult.PASSED, m.topics().get(0).voteResult());
        assertEquals(VoteResult.FAILED, m.topics().get(1).voteResult()); // 2 of 5 expected, though half of 4 present
        try {
            svc.create(n.secretary, partyGroup(at, 3, topic("丙", "同意", false, 4)));
            fail("more votes than present");
        } catch (ValidationException e) {
            assertEquals("票数合计 4 超过实到人数 3。", zh(e));
        }
    }

    @Test
    public void everyBadFieldIsReportedAtOnce() {
        List<AttendeeDraft> att = new ArrayList<>(leaders(5));
        att.set(1, new AttendeeDraft(n.leaders.get(1).id(), null, AttendeeKind.MEMBER, false, null));
        att.add(new AttendeeDraft(n.members.get(0).id(), null, AttendeeKind.MEMBER, true, null));
        MeetingDraft d = new MeetingDraft(n.partyGroup.id(), MeetingType.PARTY_GROUP, LocalDateTime.of(2017, 1, 5, 9, 0),
                LocalDateTime.of(2017, 1, 5, 8, 0), null, null, null, null, "x", null, att,
                List.of(new TopicDraft(null, "", "NOPE", null, null, null, null, false, null, null, null)));
        try {
            svc.create(n.secretary, d);
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("endAt"));
        }
        d = new MeetingDraft(n.partyGroup.id(), MeetingType.PARTY_GROUP, LocalDateTime.of(2017, 1, 5, 9, 0), null, null,
                null, null, null, "x", null, att,
                List.of(new TopicDraft(null, "", "NOPE", null, null, null, null, false, null, null, null)));
        try {
            svc.create(n.secretary, d);
            fail();
        } catch (ValidationException e) {
            assertEquals(e.fieldErrors().keySet().toString(), 4, e.fieldErrors().size());
            assertTrue(e.fieldErrors().containsKey("attendees[1].absenceReason"));
            assertTrue(e.fieldErrors().containsKey("attendees[5].personId"));
            assertTrue(e.fieldErrors().containsKey("topics[0].title"));
            assertTrue(e.fieldErrors().containsKey("topics[0].categoryCode"));
        }
        assertEquals(0, svc.find(n.secretary, MeetingQuery.all(), PageRequest.first(10)).total());
    }

    @Test
    public void meetingTypeMustFitTheBody() {
        MeetingDraft d = new MeetingDraft(n.branch.id(), MeetingType.PARTY_GROUP, LocalDateTime.of(2017, 1, 5, 9, 0), null,
                null, null, null, null, "x", null, List.of(), List.of());
        try {
            svc.create(n.secretary, d);
            fail();
        } catch (ValidationException e) {
            assertEquals("“党组会议”不能由“党支部”类型的组织召开。", zh(e));
        }
    }

    @Test
    public void issueNeedsEveryLeaderPresentToCoSign() {
        Meeting m = svc.create(n.secretary, partyGroup(LocalDateTime.of(2017, 3, 2, 9, 0), 4, topic("甲", "同意", false, null)));
        m = svc.circulate(n.staff, m.id(), m.meta().version());
        assertEquals(MinutesStatus.CIRCULATED, m.status());
        m = svc.sign(n.secretary, m.id(), m.meta().version(), n.leaders.get(0).id());
        m = svc.sign(n.secretary, m.id(), m.meta().version(), n.leaders.get(1).id());
        long v = m.meta().version();
        try {
            svc.issue(n.secretary, m.id(), v);
            fail();
        } catch (ValidationException e) {
            assertEquals("尚有 2 位出席会议的领导班子成员未会签：王委员、赵委员。全部会签后方可印发。", zh(e));
        }
        try { // the absent leader does not co-sign
            svc.sign(n.secretary, m.id(), v, n.leaders.get(4).id());
            fail();
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("刘委员"));
        }
        try {
            svc.sign(n.secretary, m.id(), v, n.leaders.get(0).id());
            fail();
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("已会签"));
        }
        try { // staff may not record someone else's signature
            svc.sign(n.staff, m.id(), v, n.leaders.get(2).id());
            fail();
        } catch (AccessDeniedException expected) {
            // refused
        }
        m = svc.sign(n.secretary, m.id(), v, n.leaders.get(2).id());
        m = svc.sign(n.secretary, m.id(), m.meta().version(), n.leaders.get(3).id());
        try {
            svc.issue(n.staff, m.id(), m.meta().version());
            fail("staff cannot issue");
        } catch (AccessDeniedException expected) {
            // refused
        }
        m = svc.issue(n.secretary, m.id(), m.meta().version());
        assertEquals(MinutesStatus.ISSUED, m.status());
        assertEquals("〔2017〕1号", m.numberText());
        assertEquals(4, m.signatures().size());
        try {
            svc.update(n.secretary, m.id(), m.meta().version(), partyGroup(LocalDateTime.of(2017, 3, 2, 9, 0), 5));
            fail("issued minutes are never edited in place");
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("已印发"));
        }
    }

    @Test
    public void numbersAreGaplessPerBodyAndYearAndAssignedAtIssue() {
        Meeting draft = svc.create(n.secretary, partyGroup(LocalDateTime.of(2017, 1, 10, 9, 0), 5, topic("x", null, false, null)));
        Meeting a = issued(LocalDateTime.of(2017, 2, 1, 9, 0));
        // a failed issue (missing co-signatures) does not consume a number
        Meeting b = svc.create(n.secretary, partyGroup(LocalDateTime.of(2017, 2, 5, 9, 0), 5, topic("x", "y", false, null)));
        b = svc.circulate(n.secretary, b.id(), b.meta().version());
        try {
            svc.issue(n.secretary, b.id(), b.meta().version());
            fail();
        } catch (ValidationException expected) {
            // not signed
        }
        Meeting c = issued(LocalDateTime.of(2017, 3, 1, 9, 0));
        Meeting d = issued(LocalDateTime.of(2018, 1, 3, 9, 0));
        assertEquals("〔2017〕1号", a.numberText());
        assertEquals("〔2017〕2号", c.numberText());
        assertEquals("〔2018〕1号", d.numberText());
        assertNull(svc.get(n.secretary, draft.id()).number());
        // another body has its own sequence
        MeetingDraft plenary = new MeetingDraft(n.branch.id(), MeetingType.BRANCH_PLENARY, LocalDateTime.of(2017, 3, 5, 9, 0),
                null, "活动室", null, null, null, "支部党员大会", "传达学习", List.of(
                        new AttendeeDraft(n.leaders.get(0).id(), null, AttendeeKind.MEMBER, true, null)), List.of());
        Meeting p = svc.create(n.secretary, plenary);
        p = svc.circulate(n.secretary, p.id(), p.meta().version());
        p = svc.sign(n.secretary, p.id(), p.meta().version(), n.leaders.get(0).id());
        p = svc.issue(n.secretary, p.id(), p.meta().version());
        assertEquals("〔2017〕1号", p.numberText());
    }

    @Test
    public void correctionsAreNewVersionsThatKeepTheNumber() {
        Meeting m = issued(LocalDateTime.of(2017, 4, 1, 9, 0));
        try {
            svc.startCorrection(n.secretary, m.id(), m.meta().version(), " ");
            fail("a reason is required");
        } catch (ValidationException expected) {
            // refused
        }
        try {
            svc.cancel(n.secretary, m.id(), m.meta().version(), "不需要");
            fail("issued minutes cannot be cancelled");
        } catch (ValidationException expected) {
            // refused
        }
        m = svc.startCorrection(n.secretary, m.id(), m.meta().version(), "决定文字有误");
        assertEquals(MinutesStatus.DRAFT, m.status());
        assertEquals(2, m.revision());
        assertEquals("〔2017〕1号", m.numberText());
        assertTrue(m.signatures().isEmpty());
        MeetingDraft changed = partyGroup(LocalDateTime.of(2017, 4, 1, 9, 0), 5,
                new TopicDraft(m.topics().get(0).id(), "议题", "PARTY_BUILDING", null, null, null, "同意（更正）", false, null,
                        null, null));
        m = svc.update(n.secretary, m.id(), m.meta().version(), changed);
        m = svc.circulate(n.secretary, m.id(), m.meta().version());
        for (Person p : n.leaders) {
            m = svc.sign(n.secretary, m.id(), m.meta().version(), p.id());
        }
        m = svc.issue(n.secretary, m.id(), m.meta().version());
        assertEquals("〔2017〕1号", m.numberText());
        List<Revision> revs = svc.revisions(n.secretary, m.id());
        assertEquals(2, revs.size());
        assertTrue(revs.get(0).content().contains("同意") && !revs.get(0).content().contains("更正"));
        assertTrue(revs.get(1).content().contains("同意（更正）"));
        assertEquals("决定文字有误", revs.get(1).reason());
    }

    @Test
    public void recallWithdrawsSignaturesAndStaleVersionsAreRefused() {
        Meeting m = svc.create(n.secretary, partyGroup(LocalDateTime.of(2017, 3, 2, 9, 0), 5, topic("甲", "同意", false, null)));
        long v0 = m.meta().version();
        m = svc.circulate(n.secretary, m.id(), v0);
        try {
            svc.recall(n.secretary, m.id(), v0);
            fail();
        } catch (StaleRecordException expected) {
            // someone changed it in between
        }
        m = svc.sign(n.secretary, m.id(), m.meta().version(), n.leaders.get(0).id());
        m = svc.recall(n.secretary, m.id(), m.meta().version());
        assertEquals(MinutesStatus.DRAFT, m.status());
        assertTrue(m.signatures().isEmpty());
    }

    @Test
    public void futureMeetingsCannotBeCirculatedAndCancelKeepsTheRecord() {
        LocalDateTime future = LocalDateTime.now().plusDays(3);
        Meeting m = svc.create(n.secretary, partyGroup(future, 5, topic("甲", null, false, null)));
        try {
            svc.circulate(n.secretary, m.id(), m.meta().version());
            fail();
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("尚未召开"));
        }
        m = svc.cancel(n.secretary, m.id(), m.meta().version(), "改期");
        assertEquals(MinutesStatus.CANCELLED, m.status());
        assertEquals(1, svc.find(n.secretary, new MeetingQuery(null, null, null, null, MinutesStatus.CANCELLED, null),
                PageRequest.first(5)).total());
    }

    @Test
    public void everyChangeIsAudited() {
        Meeting m = issued(LocalDateTime.of(2017, 5, 1, 9, 0));
        long lines = n.db.read(n.admin, tx -> tx.count(
                "SELECT COUNT(*) FROM HPF_AUDIT WHERE MODULE_ID = 'meetings' AND ENTITY_ID = ?", m.id()));
        // create, circulate, 5 signatures, number, issue
        assertEquals(9, lines);
    }

    @Test
    public void otherOfficesCannotReadOrWrite() {
        Meeting m = issued(LocalDateTime.of(2017, 5, 1, 9, 0));
        Caller other = MeetingsNode.caller("GN02", Role.LEADER);
        try {
            svc.get(other, m.id());
            fail();
        } catch (AccessDeniedException expected) {
            // refused
        }
        assertEquals(0, svc.find(other, MeetingQuery.all(), PageRequest.first(5)).total());
        Caller auditor = MeetingsNode.caller("GN00", Role.AUDITOR);
        assertEquals(m.id(), svc.get(auditor, m.id()).id());
        try {
            svc.startCorrection(auditor, m.id(), m.meta().version(), "x");
            fail();
        } catch (AccessDeniedException expected) {
            // auditors only read
        }
    }

    @Test
    public void followUpsAndOverdueDetection() {
        Meeting m = svc.create(n.secretary, partyGroup(LocalDateTime.of(2017, 6, 1, 9, 0), 5,
                topic("学习", null, false, null), topic("制度", "制定细则", false, null)));
        String noDecision = m.topics().get(0).id();
        String withDecision = m.topics().get(1).id();
        try {
            svc.addFollowUp(n.secretary, m.id(), new FollowUpDraft(noDecision, "x", n.leaders.get(2).id(),
                    LocalDate.of(2017, 7, 1)));
            fail();
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("尚无决定"));
        }
        try {
            svc.addFollowUp(n.secretary, m.id(), new FollowUpDraft(withDecision, "x", n.leaders.get(2).id(),
                    LocalDate.of(2017, 5, 31)));
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("dueDate"));
        }
        FollowUp f = svc.addFollowUp(n.secretary, m.id(), new FollowUpDraft(withDecision, "起草细则", n.leaders.get(2).id(),
                LocalDate.of(2017, 6, 30)));
        assertEquals(ActionStatus.OPEN, f.status());
        FollowUpQuery overdue = new FollowUpQuery(null, null, null, null, true);
        assertEquals(0, svc.followUps(n.secretary, overdue, LocalDate.of(2017, 6, 30), PageRequest.first(5)).total());
        assertEquals(1, svc.followUps(n.secretary, overdue, LocalDate.of(2017, 7, 1), PageRequest.first(5)).total());
        assertTrue(svc.followUps(n.secretary, overdue, LocalDate.of(2017, 7, 1), PageRequest.first(5)).items().get(0).overdue());
        assertEquals(1, svc.overdueFor(n.secretary, LocalDate.of(2017, 7, 1)).size());
        assertEquals(0, svc.overdueFor(n.staff, LocalDate.of(2017, 7, 1)).size()); // staff without a person
        try {
            svc.completeFollowUp(n.secretary, f.id(), f.meta().version(), "", LocalDate.of(2017, 6, 20));
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("evidence"));
        }
        try {
            svc.completeFollowUp(n.secretary, f.id(), f.meta().version(), "印发细则", LocalDate.of(2017, 5, 1));
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("doneOn"));
        }
        f = svc.completeFollowUp(n.secretary, f.id(), f.meta().version(), "印发《细则》", LocalDate.of(2017, 6, 20));
        assertEquals(ActionStatus.DONE, f.status());
        assertFalse(f.overdue());
        assertEquals(0, svc.followUps(n.secretary, overdue, LocalDate.of(2017, 7, 1), PageRequest.first(5)).total());
        try {
            svc.cancelFollowUp(n.secretary, f.id(), f.meta().version(), "x");
            fail();
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("已完成"));
        }
        // a topic with actions cannot be dropped
        Meeting current = svc.get(n.secretary, m.id());
        try {
            svc.update(n.secretary, m.id(), current.meta().version(), partyGroup(LocalDateTime.of(2017, 6, 1, 9, 0), 5));
            fail();
        } catch (ValidationException e) {
            assertTrue(zh(e).contains("落实事项"));
        }
    }

    private void branchMeeting(MeetingType type, LocalDateTime at) {
        String body = type == MeetingType.PARTY_CELL ? n.cell.id() : n.branch.id();
        List<AttendeeDraft> att = new ArrayList<>();
        for (Person p : n.members) {
            att.add(new AttendeeDraft(p.id(), null, AttendeeKind.MEMBER, true, null));
        }
        svc.create(n.secretary, new MeetingDraft(body, type, at, null, null, null, null, null, "会议", null, att, List.of()));
    }

    @Test
    public void cadenceShowsMissingMeetingsPerBranchAndPeriod() {
        branchMeeting(MeetingType.BRANCH_COMMITTEE, LocalDateTime.of(2017, 1, 10, 9, 0));
        branchMeeting(MeetingType.BRANCH_COMMITTEE, LocalDateTime.of(2017, 3, 10, 9, 0));
        branchMeeting(MeetingType.PARTY_CELL, LocalDateTime.of(2017, 2, 10, 9, 0)); // held by the branch's cell
        branchMeeting(MeetingType.BRANCH_PLENARY, LocalDateTime.of(2017, 2, 10, 9, 0));
        CadenceReport r = svc.cadence(n.secretary, null, 2017, LocalDate.of(2017, 4, 15));
        CadenceReport.Row committee = row(r, MeetingType.BRANCH_COMMITTEE);
        assertEquals(n.branch.id(), committee.bodyId());
        assertEquals(CadenceReport.State.HELD, committee.cells().get(0).state());
        assertEquals(CadenceReport.State.MISSING, committee.cells().get(1).state());
        assertEquals(CadenceReport.State.DUE, committee.cells().get(3).state());
        assertEquals(1, committee.missing());
        assertEquals(CadenceReport.State.HELD, row(r, MeetingType.PARTY_CELL).cells().get(1).state());
        assertEquals(2, row(r, MeetingType.PARTY_CELL).missing());
        assertEquals(0, row(r, MeetingType.BRANCH_PLENARY).missing());
        assertEquals(1, row(r, MeetingType.PARTY_LECTURE).missing());
        assertEquals(3, row(r, MeetingType.THEME_PARTY_DAY).missing());
        // 民主生活会 applies to the party group, yearly: due, not missing, in April
        assertEquals(CadenceReport.State.DUE, r.rows().stream().filter(x -> x.type() == MeetingType.DEMOCRATIC_LIFE)
                .findFirst().orElseThrow().cells().get(0).state());
    }

    private static CadenceReport.Row row(CadenceReport r, MeetingType type) {
        return r.rows().stream().filter(x -> x.type() == type).findFirst().orElseThrow();
    }

    @Test
    public void rulesAreDataAndChangesApply() {
        MeetingRule rule = svc.rules(n.admin).stream().filter(r -> r.type() == MeetingType.BRANCH_COMMITTEE).findFirst()
                .orElseThrow();
        try {
            svc.updateRule(n.secretary, rule, rule.version());
            fail();
        } catch (AccessDeniedException expected) {
            // admins only
        }
        MeetingRule changed = new MeetingRule(rule.type(), new Threshold(2, 3, false), rule.personnelQuorum(), rule.vote(),
                rule.voteBase(), rule.cadence(), rule.appliesTo(), rule.version());
        MeetingRule saved = svc.updateRule(n.admin, changed, rule.version());
        assertEquals("≥2/3", saved.quorum().label());
        assertNotEquals(rule.version(), saved.version());
        try {
            svc.updateRule(n.admin, changed, rule.version());
            fail();
        } catch (StaleRecordException expected) {
            // stale
        }
    }

    @Test
    public void statisticsAreComputedFromRecords() {
        issued(LocalDateTime.of(2017, 2, 1, 9, 0));
        issued(LocalDateTime.of(2017, 3, 1, 9, 0));
        svc.create(n.secretary, partyGroup(LocalDateTime.of(2017, 3, 9, 9, 0), 5, topic("a", null, false, null),
                new TopicDraft(null, "b", "IT", null, null, null, null, false, null, null, null)));
        branchMeeting(MeetingType.COLLECTIVE_STUDY, LocalDateTime.of(2017, 4, 1, 9, 0));
        MeetingStats s = svc.statistics(n.secretary, null, 2017, LocalDate.of(2017, 12, 31));
        assertEquals(3L, (long) s.meetingsByType().get(MeetingType.PARTY_GROUP));
        assertEquals(2, s.minutesIssued());
        assertEquals(4, s.topics());
        assertEquals(3L, (long) s.topicsByCategory().get("PARTY_BUILDING"));
        assertEquals(1L, (long) s.topicsByCategory().get("IT"));
        assertEquals(1, s.collectiveStudySessions());
        byte[] xlsx = svc.statisticsXlsx(n.secretary, null, 2017, LocalDate.of(2017, 12, 31), Locale.SIMPLIFIED_CHINESE);
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
    }

    @Test
    public void printViewInOfficialLayout() {
        Meeting m = issued(LocalDateTime.of(2017, 5, 1, 9, 0));
        PrintDocument doc = svc.print(n.secretary, m.id(), Locale.SIMPLIFIED_CHINESE);
        assertEquals("测试党组", doc.issuer());
        assertEquals("〔2017〕1号", doc.number());
        assertEquals("测试党组党组会议纪要", doc.title());
        assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof PrintDocument.Signatures s && s.names().size() == 5));
    }

    /** A place provider standing in for the rooms module. */
    static final class FakePlaces implements MeetingPlaceProvider {
        final List<String> booked = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();

        @Override
        public List<Place> places(Caller caller, String officeCode) {
            return List.of(new Place("room-1", officeCode, "四位一体活动室", 30));
        }

        @Override
        public Booking book(Caller caller, String placeId, LocalDateTime start, LocalDateTime end, String purpose) {
            String id = "b" + (booked.size() + 1);
            booked.add(id);
            return new Booking(id, placeId, "四位一体活动室", start, end);
        }

        @Override
        public void cancel(Caller caller, String bookingId) {
            cancelled.add(bookingId);
        }
    }

    @Test
    public void placeBookingLightsUpWithAProviderAndFallsBackToText() {
        LocalDateTime at = LocalDateTime.of(2017, 3, 2, 9, 0);
        MeetingDraft withPlace = new MeetingDraft(n.partyGroup.id(), MeetingType.PARTY_GROUP, at, null, null, "room-1", null,
                null, "党组会议", null, leaders(5), List.of());
        try {
            svc.create(n.secretary, withPlace);
            fail("no provider");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("placeId"));
        }
        FakePlaces places = new FakePlaces();
        svc.bindPlaceProvider(places);
        Meeting m = svc.create(n.secretary, withPlace);
        assertEquals("四位一体活动室", m.place());
        assertEquals("b1", m.placeBookingId());
        // a booking made for a draft that then fails validation is cancelled again
        MeetingDraft bad = new MeetingDraft(n.partyGroup.id(), MeetingType.PARTY_GROUP, at, null, null, "room-1", null, null,
                "党组会议", null, leaders(2), List.of(topic("x", "决定", false, null)));
        try {
            svc.create(n.secretary, bad);
            fail();
        } catch (ValidationException expected) {
            // below quorum, refused before booking
        }
        assertEquals(1, places.booked.size());
        svc.cancel(n.secretary, m.id(), m.meta().version(), "改期");
        assertEquals(List.of("b1"), places.cancelled);
        svc.unbindPlaceProvider(places);
        Meeting free = svc.create(n.secretary, new MeetingDraft(n.partyGroup.id(), MeetingType.PARTY_GROUP, at, null, "会议室",
                null, null, null, "党组会议", null, leaders(5), List.of()));
        assertEquals("会议室", free.place());
        assertNull(free.placeBookingId());
    }
}
