package cn.gannan.hpf.talks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.internal.audit.AuditServiceImpl;
import cn.gannan.hpf.talks.api.FollowUpDraft;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkQuery;
import cn.gannan.hpf.talks.api.TalkRow;
import cn.gannan.hpf.talks.api.TalkStatus;
import cn.gannan.hpf.talks.api.TalkTrigger;

/** The talk service over the real core on Derby: confidentiality for every kind of caller, rules, locking, audit. */
public class TalkServiceTest {

    private static final String SECRET = "谈话内容：该同志表示将改进工作作风。";

    private TalksNode n;
    private Caller secretary;   // BRANCH_SECRETARY, secretary of the branch (deciding body)
    private Caller leader;      // LEADER, committee member
    private Caller staffA;      // STAFF
    private Caller staffB;
    private Caller staffC;      // STAFF, never involved
    private Caller otherSecretary;
    private Caller officeAdmin;
    private Caller central;
    private Caller auditor;     // AUDITOR at GN00
    private Caller county2Staff;

    @Before
    public void setUp() {
        n = new TalksNode();
        secretary = n.login("t.secretary", n.secretary, "GN01", Role.BRANCH_SECRETARY);
        leader = n.login("t.leader", n.leader, "GN01", Role.LEADER);
        staffA = n.login("t.staffa", n.staffA, "GN01", Role.STAFF);
        staffB = n.login("t.staffb", n.staffB, "GN01", Role.STAFF);
        staffC = n.login("t.staffc", n.staffC, "GN01", Role.STAFF);
        otherSecretary = n.login("t.othersec", n.otherSecretary, "GN01", Role.BRANCH_SECRETARY);
        officeAdmin = n.login("t.admin", null, "GN01", Role.OFFICE_ADMIN);
        central = n.login("t.central", null, "GN00", Role.CENTRAL_ADMIN);
        auditor = n.login("t.auditor", null, "GN00", Role.AUDITOR);
        county2Staff = n.login("t.county2", n.county2, "GN02", Role.STAFF);
    }

    /** A one-on-one talk of the leader with staff A, decided by the branch, recorded by the secretary. */
    private Talk normalTalk() {
        return n.talks.create(secretary, TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), SECRET));
    }

    private Talk admonitoryTalk() {
        TalkDraft d = TalksNode.draft(TalkKind.ADMONITION, LocalDate.of(2026, 4, 1), List.of(n.leader), List.of(n.staffB),
                n.branch.id(), SECRET);
        return n.talks.create(leader, d);
    }

    private static void assertContent(Talk t) {
        assertTrue(t.contentVisible());
        assertEquals(SECRET, t.summary());
        assertEquals("工作作风", t.topics());
    }

    private static void assertNoContent(Talk t) {
        assertFalse(t.contentVisible());
        assertNull(t.summary());
        assertNull(t.topics());
        assertTrue(t.followUps().isEmpty());
    }

    @Test
    public void normalTalkContentForTalkerTargetSecretaryAndAuditor() {
        Talk t = normalTalk();
        assertContent(n.talks.get(leader, t.id()));      // talker
        assertContent(n.talks.get(staffA, t.id()));      // target
        assertContent(n.talks.get(secretary, t.id()));   // secretary of the deciding body
        assertContent(n.talks.get(auditor, t.id()));     // auditor, from the centre
    }

    @Test
    public void normalTalkNoContentForOthers() {
        Talk t = normalTalk();
        assertNoContent(n.talks.get(staffC, t.id()));
        assertNoContent(n.talks.get(otherSecretary, t.id()));
        assertNoContent(n.talks.get(officeAdmin, t.id()));
        assertNoContent(n.talks.get(central, t.id()));
        // but they see that the talk happened, with whom
        Talk seen = n.talks.get(staffC, t.id());
        assertEquals(n.leader.name(), seen.talkers().get(0).name());
        assertEquals(n.staffA.name(), seen.targets().get(0).name());
        assertEquals(2, seen.personTimes());
    }

    @Test
    public void admonitoryTalkOnlyForInvolvedLeadersAndAuditors() {
        Talk t = admonitoryTalk();
        assertContent(n.talks.get(leader, t.id()));      // talker with the leader role
        assertContent(n.talks.get(auditor, t.id()));
        assertNoContent(n.talks.get(staffB, t.id()));    // its target, not a leader
        assertNoContent(n.talks.get(secretary, t.id())); // deciding body's secretary without the leader role
        assertNoContent(n.talks.get(staffC, t.id()));
        assertNoContent(n.talks.get(officeAdmin, t.id()));
        assertNoContent(n.talks.get(central, t.id()));
    }

    @Test
    public void admonitoryKindsAreRecordedByLeadersOnly() {
        TalkDraft d = TalksNode.draft(TalkKind.REMINDER, LocalDate.of(2026, 4, 1), List.of(n.secretary), List.of(n.staffB),
                n.branch.id(), SECRET);
        assertThrows(AccessDeniedException.class, () -> n.talks.create(secretary, d));
        assertThrows(AccessDeniedException.class, () -> n.talks.create(officeAdmin, d));
        assertEquals(0, n.talks.find(auditor, TalkQuery.all(), PageRequest.first(10)).total());
    }

    @Test
    public void listsShowTheTalkNeverTheSummary() {
        normalTalk();
        admonitoryTalk();
        Page<TalkRow> forStaff = n.talks.find(staffC, TalkQuery.all(), PageRequest.first(10));
        assertEquals(2, forStaff.total());
        for (TalkRow r : forStaff.items()) {
            assertFalse(r.contentVisible());
            assertFalse(r.toString().contains(SECRET));
        }
        Page<TalkRow> forLeader = n.talks.find(leader, TalkQuery.all(), PageRequest.first(10));
        assertTrue(forLeader.items().stream().allMatch(TalkRow::contentVisible));
        assertTrue(forLeader.items().stream().noneMatch(r -> r.toString().contains(SECRET)));
    }

    @Test
    public void otherOfficesSeeNothingUnlessParticipantOrCentral() {
        Talk t = normalTalk();
        assertThrows(AccessDeniedException.class, () -> n.talks.get(county2Staff, t.id()));
        assertEquals(0, n.talks.find(county2Staff, TalkQuery.all(), PageRequest.first(10)).total());
        assertThrows(AccessDeniedException.class,
                () -> n.talks.find(county2Staff, new TalkQuery("GN01", null, null, null, null, null, null), PageRequest.first(10)));
        // a participant from another office opens it and reads the content
        Talk cross = n.talks.create(secretary, TalksNode.oneOnOne(n.secretary, n.county2, null, SECRET));
        assertContent(n.talks.get(county2Staff, cross.id()));
        // central roles see it in lists
        assertEquals(2, n.talks.find(central, new TalkQuery("GN01", 2026, null, null, null, null, null),
                PageRequest.first(10)).total());
    }

    @Test
    public void theAuditLogNeverHoldsTheSummary() {
        Talk t = normalTalk();
        n.talks.update(secretary, t.id(), t.meta().version(), TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), SECRET + "补充"));
        AuditServiceImpl audit = new AuditServiceImpl(n.db, n.migrations);
        String all = audit.find(n.system, new AuditQuery(null, null, "talks", null, null, null, null, null), PageRequest.first(50))
                .items().toString();
        assertTrue(all.contains(t.id()));
        assertFalse(all.contains("谈话内容"));
        assertFalse(all.contains("工作作风"));
    }

    @Test
    public void validationListsEveryProblemWithNumbers() {
        TalkDraft bad = new TalkDraft(null, TalkKind.COLLECTIVE, LocalDate.of(2026, 12, 1), null, List.of(),
                List.of(n.staffA.id()), null, null, null, null, null, null, null, null, null, List.of());
        ValidationException e = assertThrows(ValidationException.class, () -> n.talks.create(secretary, bad));
        assertTrue(e.fieldErrors().containsKey("date"));
        assertTrue(e.fieldErrors().containsKey("talkerIds"));
        assertTrue(e.fieldErrors().containsKey("trigger"));
        assertEquals("集体谈话至少需要 2 名谈话对象，现有 1 名。", e.fieldErrors().get("targetIds").format(Locale.SIMPLIFIED_CHINESE));
        assertEquals(0, n.talks.find(secretary, TalkQuery.all(), PageRequest.first(10)).total());
    }

    @Test
    public void oneOnOneHasExactlyOneTargetAndNobodyOnBothSides() {
        TalkDraft two = TalksNode.draft(TalkKind.ONE_ON_ONE, LocalDate.of(2026, 3, 1), List.of(n.leader),
                List.of(n.staffA, n.staffB), null, null);
        ValidationException e = assertThrows(ValidationException.class, () -> n.talks.create(secretary, two));
        assertEquals("一对一谈话只能有 1 名谈话对象，现有 2 名。", e.fieldErrors().get("targetIds").format(Locale.SIMPLIFIED_CHINESE));
        TalkDraft both = TalksNode.draft(TalkKind.COLLECTIVE, LocalDate.of(2026, 3, 1), List.of(n.leader),
                List.of(n.leader, n.staffB), null, null);
        assertThrows(ValidationException.class, () -> n.talks.create(secretary, both));
    }

    @Test
    public void dateBoundaries() {
        n.talks.create(secretary, TalksNode.draft(TalkKind.ONE_ON_ONE, TalksNode.TODAY, List.of(n.leader), List.of(n.staffA),
                null, null)); // today is fine
        ValidationException e = assertThrows(ValidationException.class, () -> n.talks.create(secretary,
                TalksNode.draft(TalkKind.ONE_ON_ONE, TalksNode.TODAY.plusDays(1), List.of(n.leader), List.of(n.staffA), null, null)));
        assertTrue(e.fieldErrors().containsKey("date"));
        n.talks.create(secretary, TalksNode.draft(TalkKind.ONE_ON_ONE, LocalDate.of(2000, 1, 1), List.of(n.leader),
                List.of(n.staffA), null, null));
        assertThrows(ValidationException.class, () -> n.talks.create(secretary, TalksNode.draft(TalkKind.ONE_ON_ONE,
                LocalDate.of(1999, 12, 31), List.of(n.leader), List.of(n.staffA), null, null)));
    }

    @Test
    public void staffCannotRecordAndAuditorCannotWrite() {
        assertThrows(AccessDeniedException.class, () -> n.talks.create(staffA, TalksNode.oneOnOne(n.leader, n.staffB, null, null)));
        assertThrows(AccessDeniedException.class, () -> n.talks.create(auditor, TalksNode.oneOnOne(n.leader, n.staffB, null, null)));
        TalkDraft other = new TalkDraft("GN02", TalkKind.ONE_ON_ONE, LocalDate.of(2026, 3, 1), null, List.of(n.leader.id()),
                List.of(n.staffB.id()), null, null, null, null, null, TalkTrigger.ROUTINE, null, null, null, List.of());
        assertThrows(AccessDeniedException.class, () -> n.talks.create(secretary, other));
    }

    @Test
    public void onlyTheRecorderOrAnEntitledWriterEdits() {
        Talk t = normalTalk();
        // an office admin may write GN01 records but is not entitled to this content, nor its recorder
        assertThrows(AccessDeniedException.class, () -> n.talks.update(officeAdmin, t.id(), t.meta().version(),
                TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), "x")));
        assertFalse(n.talks.get(officeAdmin, t.id()).canEdit());
        assertTrue(n.talks.get(leader, t.id()).canEdit());
        Talk u = n.talks.update(leader, t.id(), t.meta().version(), TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), "新"));
        assertEquals("新", u.summary());
    }

    @Test
    public void aRecorderWhoMayNotReadTheContentCannotWipeIt() {
        // the office admin records a talk between others: the content is theirs, not the admin's
        Talk t = n.talks.create(officeAdmin, TalksNode.oneOnOne(n.leader, n.staffA, null, SECRET));
        assertNoContent(t);
        assertTrue(t.canEdit()); // as its recorder
        Talk u = n.talks.update(officeAdmin, t.id(), t.meta().version(), TalksNode.oneOnOne(n.leader, n.staffA, null, null));
        assertEquals(n.leader.name(), u.talkers().get(0).name());
        assertEquals(SECRET, n.talks.get(leader, t.id()).summary());
    }

    @Test
    public void concurrentEditIsRefused() {
        Talk t = normalTalk();
        n.talks.update(secretary, t.id(), t.meta().version(), TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), "一"));
        assertThrows(StaleRecordException.class, () -> n.talks.update(leader, t.id(), t.meta().version(),
                TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), "二")));
        assertEquals("一", n.talks.get(leader, t.id()).summary());
    }

    @Test
    public void participantsConfirmAndAChangedSummaryClearsConfirmations() {
        Talk t = normalTalk();
        Talk c1 = n.talks.confirm(staffA, t.id(), null);
        assertTrue(c1.targets().get(0).confirmed());
        assertFalse(c1.targets().get(0).confirmedOnBehalf());
        assertThrows(ValidationException.class, () -> n.talks.confirm(staffA, t.id(), null)); // twice
        assertThrows(ValidationException.class, () -> n.talks.confirm(staffC, t.id(), null)); // not a participant
        Talk c2 = n.talks.confirm(secretary, t.id(), n.leader.id()); // the recorder, on the leader's behalf
        assertTrue(c2.confirmedByAll());
        assertTrue(c2.talkers().get(0).confirmedOnBehalf());
        assertThrows(AccessDeniedException.class, () -> n.talks.confirm(staffC, t.id(), n.staffA.id()));
        Talk u = n.talks.update(secretary, t.id(), c2.meta().version(), TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(),
                "改过的内容"));
        assertFalse(u.confirmedByAll());
        assertFalse(u.targets().get(0).confirmed());
    }

    @Test
    public void followUpsWithOwnerAndDueDate() {
        Talk t = normalTalk();
        Talk f = n.talks.addFollowUp(secretary, t.id(), new FollowUpDraft("整改工作作风", n.staffA.id(), LocalDate.of(2026, 6, 30)));
        assertEquals(1, f.openFollowUps());
        assertEquals(n.staffA.name(), f.followUps().get(0).ownerName());
        assertThrows(ValidationException.class, () -> n.talks.addFollowUp(secretary, t.id(),
                new FollowUpDraft("早于谈话", null, LocalDate.of(2026, 2, 1))));
        // hidden from those not entitled, the count stays
        Talk seen = n.talks.get(staffC, t.id());
        assertTrue(seen.followUps().isEmpty());
        assertEquals(1, seen.openFollowUps());
        // the owner completes it
        var fu = f.followUps().get(0);
        Talk done = n.talks.completeFollowUp(staffA, t.id(), fu.id(), fu.version(), LocalDate.of(2026, 5, 1), "已整改");
        assertEquals(0, done.openFollowUps());
        assertThrows(ValidationException.class,
                () -> n.talks.completeFollowUp(staffA, t.id(), fu.id(), fu.version() + 1, LocalDate.of(2026, 5, 2), null));
    }

    @Test
    public void voidedTalksStayButCountNowhere() {
        Talk t = normalTalk();
        assertThrows(ValidationException.class, () -> n.talks.voidTalk(secretary, t.id(), t.meta().version(), " "));
        Talk v = n.talks.voidTalk(secretary, t.id(), t.meta().version(), "重复录入");
        assertEquals(TalkStatus.VOID, v.status());
        assertEquals(0, n.talks.statistics(secretary, "GN01", 2026).talks());
        assertThrows(ValidationException.class, () -> n.talks.update(secretary, t.id(), v.meta().version(),
                TalksNode.oneOnOne(n.leader, n.staffA, null, null)));
        assertEquals(1, n.talks.find(secretary, new TalkQuery(null, null, null, null, TalkStatus.VOID, null, null),
                PageRequest.first(5)).total());
    }

    @Test
    public void filtersOfTheList() {
        normalTalk();
        n.talks.create(secretary, TalksNode.draft(TalkKind.COLLECTIVE, LocalDate.of(2025, 6, 1), List.of(n.secretary),
                List.of(n.staffA, n.staffB, n.staffC), null, null));
        assertEquals(1, n.talks.find(secretary, new TalkQuery(null, 2025, null, null, null, null, null), PageRequest.first(5)).total());
        assertEquals(1, n.talks.find(secretary, new TalkQuery(null, null, TalkKind.ONE_ON_ONE, null, null, null, null),
                PageRequest.first(5)).total());
        assertEquals(1, n.talks.find(secretary, new TalkQuery(null, null, null, n.branch.id(), null, null, null),
                PageRequest.first(5)).total());
        assertEquals(2, n.talks.find(secretary, new TalkQuery(null, null, null, null, null, n.staffA.id(), null),
                PageRequest.first(5)).total());
        assertEquals(1, n.talks.find(secretary, new TalkQuery(null, null, null, null, null, null, "陈丙"),
                PageRequest.first(5)).total());
        Page<TalkRow> page = n.talks.find(secretary, TalkQuery.all(), new PageRequest(1, 1));
        assertEquals(2, page.total());
        assertEquals(1, page.items().size());
        assertEquals(LocalDate.of(2025, 6, 1), page.items().get(0).date());
    }

    @Test
    public void kindsAreReferenceData() {
        List<TalkKind> kinds = n.talks.kinds(false);
        assertEquals(7, kinds.size());
        assertEquals("集体谈话", kinds.get(0).nameZh());
        assertEquals(3, kinds.stream().filter(TalkKind::admonitory).count());
        assertThrows(AccessDeniedException.class, () -> n.talks.saveKind(secretary,
                new TalkKind("NEW_KIND", "新类型", "New", false, false, 80, true)));
        TalkKind k = n.talks.saveKind(central, new TalkKind("NEW_KIND", "新类型", "New", false, false, 80, true));
        assertNotNull(k);
        assertEquals(8, n.talks.kinds(false).size());
        normalTalk();
        assertThrows(ValidationException.class, () -> n.talks.saveKind(central,
                new TalkKind(TalkKind.ONE_ON_ONE, "一对一谈话", "One-on-one talk", true, false, 20, true)));
    }
}
