package cn.gannan.hpf.talks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.talks.api.Coverage;
import cn.gannan.hpf.talks.api.CoverageWarning;
import cn.gannan.hpf.talks.api.PairCategory;
import cn.gannan.hpf.talks.api.PairDraft;
import cn.gannan.hpf.talks.api.PlanDraft;
import cn.gannan.hpf.talks.api.PlanPair;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.api.TalkStatistics;

/** Plans generated from a body's members, coverage (collective talks count for everyone), warnings, statistics. */
public class TalkPlanServiceTest {

    private TalksNode n;
    private Caller secretary;
    private Caller staff;
    private Caller county2Leader;

    @Before
    public void setUp() {
        n = new TalksNode();
        secretary = n.login("p.secretary", n.secretary, "GN01", Role.BRANCH_SECRETARY);
        staff = n.login("p.staff", n.staffA, "GN01", Role.STAFF);
        county2Leader = n.login("p.county2", n.county2, "GN02", Role.LEADER);
    }

    private static boolean has(List<PlanPair> pairs, String a, String b) {
        return pairs.stream().anyMatch(p -> (p.personA().equals(a) && p.personB().equals(b))
                || (p.personA().equals(b) && p.personB().equals(a)));
    }

    @Test
    public void planFromMembers() {
        // branch: secretary + leader (leadership), staff A, B, C (members)
        TalkPlan without = n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, "年度计划", false));
        assertEquals(1 + 2 * 3, without.pairs().size()); // 1 leadership pair + 2 x 3 committee-member pairs
        assertEquals(1, without.pairs().stream().filter(p -> p.category() == PairCategory.LEADERSHIP).count());
        assertEquals("GN01", without.officeCode());
        assertThrows(ValidationException.class, () -> n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, null, true)));
        TalkPlan with = n.plans.create(secretary, new PlanDraft(n.branch.id(), 2025, null, true));
        assertEquals(1 + 6 + 3, with.pairs().size());
        assertThrows(AccessDeniedException.class, () -> n.plans.create(staff, new PlanDraft(n.branch.id(), 2024, null, false)));
        assertThrows(AccessDeniedException.class,
                () -> n.plans.create(county2Leader, new PlanDraft(n.branch.id(), 2024, null, false)));
        ValidationException e = assertThrows(ValidationException.class,
                () -> n.plans.create(secretary, new PlanDraft(n.branch.id(), 2028, null, false)));
        assertEquals("计划年度须在 2,000 至 2,027 之间（填写的是 2,028）。".replace(",", ""),
                e.fieldErrors().get("year").format(Locale.SIMPLIFIED_CHINESE).replace(",", ""));
    }

    @Test
    public void coverageCountsCollectiveTalksForEveryParticipant() {
        TalkPlan plan = n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, null, true));
        Coverage empty = n.plans.coverage(staff, plan.id(), TalksNode.TODAY);
        assertEquals(10, empty.totalPairs());
        assertEquals(0, empty.coveredPairs());
        assertEquals(10, empty.uncovered().size());
        assertEquals(33, empty.daysLeft());

        // one-on-one: secretary with staff A covers that one pair
        n.talks.create(secretary, TalksNode.oneOnOne(n.secretary, n.staffA, n.branch.id(), null));
        Coverage one = n.plans.coverage(staff, plan.id(), TalksNode.TODAY);
        assertEquals(1, one.coveredPairs());
        assertTrue(!has(one.uncovered(), n.secretary.id(), n.staffA.id()));

        // a talk of the previous year does not count
        n.talks.create(secretary, TalksNode.draft(TalkKind.ONE_ON_ONE, LocalDate.of(2025, 12, 31), List.of(n.leader),
                List.of(n.staffB), null, null));
        assertEquals(1, n.plans.coverage(staff, plan.id(), TalksNode.TODAY).coveredPairs());

        // collective talk: leader with A, B, C covers leader-member pairs and the member pairs among A, B, C
        n.talks.create(secretary, TalksNode.draft(TalkKind.COLLECTIVE, LocalDate.of(2026, 5, 1), List.of(n.leader),
                List.of(n.staffA, n.staffB, n.staffC), n.branch.id(), null));
        Coverage c = n.plans.coverage(staff, plan.id(), TalksNode.TODAY);
        assertEquals(1 + 3 + 3, c.coveredPairs());
        assertEquals(70.0, c.ratePercent(), 0.001);
        // still uncovered: secretary-leader, secretary-B, secretary-C
        assertEquals(3, c.uncovered().size());
        assertTrue(has(c.uncovered(), n.secretary.id(), n.leader.id()));

        // two talkers on the same side of a one-on-one do not cover each other
        n.talks.create(secretary, TalksNode.draft(TalkKind.ONE_ON_ONE, LocalDate.of(2026, 6, 1),
                List.of(n.secretary, n.leader), List.of(n.staffB), null, null));
        Coverage d = n.plans.coverage(staff, plan.id(), TalksNode.TODAY);
        assertTrue(has(d.uncovered(), n.secretary.id(), n.leader.id()));
        assertEquals(2, d.uncovered().size());
    }

    @Test
    public void voidedTalksDoNotCover() {
        TalkPlan plan = n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, null, false));
        Talk t = n.talks.create(secretary, TalksNode.oneOnOne(n.secretary, n.leader, null, null));
        assertEquals(1, n.plans.coverage(secretary, plan.id(), TalksNode.TODAY).coveredPairs());
        n.talks.voidTalk(secretary, t.id(), t.meta().version(), "录错");
        assertEquals(0, n.plans.coverage(secretary, plan.id(), TalksNode.TODAY).coveredPairs());
    }

    @Test
    public void warningsAsTheYearRunsOut() {
        TalkPlan plan = n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, null, false));
        List<CoverageWarning> w = n.plans.warnings(staff, null, TalksNode.TODAY, 60);
        assertEquals(1, w.size());
        assertEquals(7, w.get(0).uncoveredPairs());
        assertEquals(33, w.get(0).daysLeft());
        assertEquals(List.of(), n.plans.warnings(staff, null, TalksNode.TODAY, 32)); // boundary: 33 days left
        assertEquals(1, n.plans.warnings(staff, null, TalksNode.TODAY, 33).size());
        assertEquals(0, n.plans.warnings(county2Leader, null, TalksNode.TODAY, 60).size()); // other office
        // every pair covered: no warning
        n.talks.create(secretary, TalksNode.draft(TalkKind.COLLECTIVE, LocalDate.of(2026, 5, 1), List.of(n.secretary),
                List.of(n.leader, n.staffA, n.staffB, n.staffC), null, null));
        assertEquals(0, n.plans.warnings(staff, null, TalksNode.TODAY, 60).size());
        assertEquals(100.0, n.plans.coverage(staff, plan.id(), TalksNode.TODAY).ratePercent(), 0.001);
    }

    @Test
    public void pairsAreEditedWithOptimisticLocking() {
        TalkPlan plan = n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, null, false));
        TalkPlan added = n.plans.addPair(secretary, plan.id(), plan.meta().version(),
                new PairDraft(n.staffA.id(), n.staffB.id(), PairCategory.MEMBER_MEMBER));
        assertEquals(8, added.pairs().size());
        assertThrows(StaleRecordException.class, () -> n.plans.addPair(secretary, plan.id(), plan.meta().version(),
                new PairDraft(n.staffA.id(), n.staffC.id(), PairCategory.MEMBER_MEMBER)));
        assertThrows(ValidationException.class, () -> n.plans.addPair(secretary, plan.id(), added.meta().version(),
                new PairDraft(n.staffB.id(), n.staffA.id(), PairCategory.MEMBER_MEMBER)));
        assertThrows(ValidationException.class, () -> n.plans.addPair(secretary, plan.id(), added.meta().version(),
                new PairDraft(n.staffB.id(), n.staffB.id(), PairCategory.MEMBER_MEMBER)));
        PlanPair first = added.pairs().get(0);
        TalkPlan removed = n.plans.removePair(secretary, plan.id(), added.meta().version(), first.id());
        assertEquals(7, removed.pairs().size());
        assertThrows(AccessDeniedException.class, () -> n.plans.delete(staff, plan.id(), removed.meta().version()));
        n.plans.delete(secretary, plan.id(), removed.meta().version());
        assertEquals(0, n.plans.plans(secretary, null, null).size());
    }

    @Test
    public void statisticsFromTheRecords() throws IOException {
        n.plans.create(secretary, new PlanDraft(n.branch.id(), 2026, null, false));
        n.talks.create(secretary, TalksNode.draft(TalkKind.COLLECTIVE, LocalDate.of(2026, 5, 1), List.of(n.secretary),
                List.of(n.leader, n.staffA, n.staffB, n.staffC), n.branch.id(), null));
        n.talks.create(secretary, TalksNode.oneOnOne(n.secretary, n.staffA, n.branch.id(), null));
        Talk t = n.talks.create(secretary, TalksNode.oneOnOne(n.leader, n.staffB, null, null));
        n.talks.addFollowUp(secretary, t.id(), new cn.gannan.hpf.talks.api.FollowUpDraft("跟进", null, LocalDate.of(2026, 4, 1)));
        Talk voided = n.talks.create(secretary, TalksNode.oneOnOne(n.leader, n.staffC, null, null));
        n.talks.voidTalk(secretary, voided.id(), voided.meta().version(), "重复");
        n.talks.create(secretary, TalksNode.draft(TalkKind.ONE_ON_ONE, LocalDate.of(2025, 3, 1), List.of(n.leader),
                List.of(n.staffB), null, null));

        TalkStatistics s = n.talks.statistics(secretary, null, 2026);
        assertEquals("GN01", s.officeCode()); // office-bound: scoped to own office
        assertEquals(3, s.talks());
        assertEquals(1, s.collective());
        assertEquals(2, s.oneOnOne());
        assertEquals(5 + 2 + 2, s.personTimes());
        assertEquals(Integer.valueOf(1), s.byKind().get(TalkKind.COLLECTIVE));
        assertEquals(Integer.valueOf(2), s.byKind().get(TalkKind.ONE_ON_ONE));
        assertEquals(1, s.openFollowUps());
        assertEquals(1, s.overdueFollowUps());
        assertEquals(7, s.totalPairs());
        assertEquals(7, s.coveredPairs());
        assertEquals(100.0, s.coverageRate(), 0.001);
        var body = s.byBody().stream().filter(b -> n.branch.id().equals(b.orgUnitId())).findFirst().orElseThrow();
        assertEquals(2, body.talks());
        assertEquals(7, body.personTimes());
        var none = s.byBody().stream().filter(b -> b.orgUnitId() == null).findFirst().orElseThrow();
        assertEquals(1, none.talks());
        assertNull(none.coverageRate());
        assertThrows(AccessDeniedException.class, () -> n.talks.statistics(secretary, "GN02", 2026));

        byte[] xlsx = n.talks.statisticsXlsx(secretary, null, 2026, Locale.SIMPLIFIED_CHINESE);
        Set<String> entries = new HashSet<>();
        String sheet1 = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.add(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet1 = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(entries.contains("xl/workbook.xml"));
        assertTrue(entries.contains("xl/worksheets/sheet4.xml"));
        assertTrue(sheet1.contains("人次"));
        assertTrue(sheet1.contains("<v>9</v>"));
    }
}
