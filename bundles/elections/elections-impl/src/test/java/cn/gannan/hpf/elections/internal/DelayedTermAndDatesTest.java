package cn.gannan.hpf.elections.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionStats;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.VoterStatus;
import cn.gannan.hpf.elections.api.rules.RoundKind;
import cn.gannan.hpf.elections.api.rules.TermStatus;
import cn.gannan.hpf.elections.api.rules.Timing;

import org.junit.Before;
import org.junit.Test;

/**
 * Over real Derby: a body whose election is delayed with the superior's approval is not overdue in term tracking
 * (terms, statistics, the workbook) until its planned date passes; the superior's approvals, the sign-in and the
 * vote keep their order with the election day, and a refusal writes nothing.
 */
public class DelayedTermAndDatesTest {

    /** Elected 2017-03-10: the general branch's term ends 2020-03-10. */
    private static final LocalDate LAST = LocalDate.of(2017, 3, 10);
    private static final LocalDate PLANNED = LocalDate.of(2020, 9, 10);
    private static final Approval DELAY_OK = new Approval("州直工委", LocalDate.of(2020, 2, 20), "州直工委〔2020〕3号");

    private Node n;
    private OrgUnit general;
    private final List<Person> members = new ArrayList<>();
    private final Caller secretary = Node.caller("GN00", Role.BRANCH_SECRETARY);
    private final Caller leader = Node.caller("GN00", Role.LEADER);
    private final Caller admin = Node.caller("GN00", Role.OFFICE_ADMIN);

    @Before
    public void setUp() {
        n = new Node();
        general = n.unit("GN00", OrgUnitType.GENERAL_BRANCH, "中心机关总支部委员会");
        for (int i = 0; i < 8; i++) {
            members.add(n.person("GN00", "党员" + i, PoliticalStatus.FULL_MEMBER, Gender.MALE));
        }
        n.elections.recordTerm(admin, general.id(), LAST);
    }

    /** A plan for {@code planned} with 4 candidates for 3 seats and the roll built. */
    private Election plan(LocalDate planned) {
        Election e = n.elections.createPlan(secretary, new PlanDraft(general.id(), "总支换届", null, planned, 3, 0, 0, null));
        Contest committee = e.contests().get(0);
        for (int i = 0; i < 4; i++) {
            n.elections.addCandidate(secretary, committee.id(), members.get(i).id());
        }
        n.elections.buildRoll(secretary, e.id());
        return n.elections.get(secretary, e.id());
    }

    private BodyTerm term(LocalDate day) {
        return n.elections.terms(secretary, "GN00", day).stream().filter(t -> t.orgUnitId().equals(general.id())).findFirst()
                .orElseThrow();
    }

    @Test
    public void aDelayApprovedByTheSuperiorIsNotOverdueUntilThePlannedDatePasses() throws IOException {
        LocalDate june = LocalDate.of(2020, 6, 1);
        assertEquals(TermStatus.OVERDUE, term(june).status());
        Election e = plan(PLANNED);
        assertEquals(Timing.DELAYED, e.timing());
        // planned, not yet approved: still overdue
        assertEquals(TermStatus.OVERDUE, term(june).status());
        assertEquals(PLANNED, term(june).plannedDate());
        assertNull(term(june).planApproval());
        n.elections.approvePlan(leader, e.id(), e.meta().version(), DELAY_OK);

        BodyTerm t = term(june);
        assertEquals(TermStatus.DELAYED_APPROVED, t.status());
        assertEquals(LocalDate.of(2020, 3, 10), t.termEnds());
        assertEquals(e.id(), t.openElectionId());
        assertEquals(DELAY_OK, t.planApproval());
        assertEquals("延期换届（已批准）：州直工委 州直工委〔2020〕3号，计划于 2020-09-10 选举", t.statusMessage().format(Msg.ZH_CN));
        assertEquals(TermStatus.DELAYED_APPROVED, term(PLANNED).status());

        // statistics: not counted as overdue, listed as delayed with approval
        ElectionStats s = n.elections.statistics(secretary, 2020, "GN00", june);
        assertEquals(0, s.lines().stream().mapToInt(ElectionStats.Line::overdue).sum());
        assertEquals(1, s.lines().stream().mapToInt(ElectionStats.Line::delayed).sum());
        assertEquals(1, s.lines().stream().mapToInt(ElectionStats.Line::due).sum());
        assertTrue(s.overdue().isEmpty());
        assertEquals(List.of(general.id()), s.delayed().stream().map(BodyTerm::orgUnitId).toList());
        String workbook = text(n.elections.statisticsXlsx(secretary, 2020, "GN00", june));
        assertTrue(workbook, workbook.contains("延期换届（已批准）"));
        assertTrue(workbook, workbook.contains("州直工委 2020-02-20 州直工委〔2020〕3号"));

        // the planned date passed without the election held: overdue again, everywhere
        LocalDate after = PLANNED.plusDays(1);
        assertEquals(TermStatus.OVERDUE, term(after).status());
        ElectionStats late = n.elections.statistics(secretary, 2020, "GN00", after);
        assertEquals(1, late.lines().stream().mapToInt(ElectionStats.Line::overdue).sum());
        assertEquals(0, late.lines().stream().mapToInt(ElectionStats.Line::delayed).sum());
        assertEquals(List.of(general.id()), late.overdue().stream().map(BodyTerm::orgUnitId).toList());
        assertTrue(late.delayed().isEmpty());
    }

    @Test
    public void anApprovedElectionOnTimeThatDidNotTakePlaceIsOverdue() {
        Election e = plan(LocalDate.of(2020, 3, 1));
        assertEquals(Timing.ON_TIME, e.timing());
        n.elections.approvePlan(leader, e.id(), e.meta().version(), new Approval("州直工委", LocalDate.of(2020, 2, 20), "州直工委〔2020〕2号"));
        assertEquals(TermStatus.DUE_SOON, term(LocalDate.of(2020, 3, 1)).status());
        assertEquals(TermStatus.OVERDUE, term(LocalDate.of(2020, 3, 11)).status());
    }

    @Test
    public void thePlanIsNotApprovedAfterTheElectionDay() {
        Election e = plan(PLANNED);
        Approval late = new Approval("州直工委", PLANNED.plusDays(1), "州直工委〔2020〕9号");
        ValidationException refused = assertThrows(ValidationException.class, () -> n.elections.approvePlan(leader, e.id(),
                e.meta().version(), late));
        assertEquals(422, refused.httpStatus());
        assertEquals("上级对换届方案的批复日期 2020-09-11 不能晚于选举日期 2020-09-10：换届方案须在选举前批复。",
                refused.fieldErrors().get("approvedOn").format(Msg.ZH_CN));
        assertEquals("The superior’s approval of the plan, dated 2020-09-11, cannot be later than the election date 2020-09-10:"
                + " the plan is approved before the election.", refused.fieldErrors().get("approvedOn").format(Locale.ENGLISH));
        Election unchanged = n.elections.get(leader, e.id());
        assertEquals(ElectionStatus.PLANNED, unchanged.status());
        assertNull(unchanged.planApproval());
        assertEquals(e.meta().version(), unchanged.meta().version());
        // on the election day itself is fine
        Election ok = n.elections.approvePlan(leader, e.id(), e.meta().version(), new Approval("州直工委", PLANNED, "州直工委〔2020〕9号"));
        assertEquals(ElectionStatus.APPROVED, ok.status());
    }

    @Test
    public void anApprovalIsNotDatedInTheFuture() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        n.elections.recordTerm(admin, general.id(), today.minusYears(3).plusDays(30));
        Election e = plan(today.plusDays(30));
        ValidationException refused = assertThrows(ValidationException.class, () -> n.elections.approvePlan(leader, e.id(),
                e.meta().version(), new Approval("州直工委", today.plusDays(1), "州直工委〔2026〕2号")));
        assertEquals("批复日期 " + today.plusDays(1) + " 不能晚于今天 " + today + "：请在收到上级批复后登记。",
                refused.fieldErrors().get("approvedOn").format(Msg.ZH_CN));
        assertEquals(ElectionStatus.PLANNED, n.elections.get(leader, e.id()).status());
        assertEquals(ElectionStatus.APPROVED, n.elections.approvePlan(leader, e.id(), e.meta().version(),
                new Approval("州直工委", today, "州直工委〔2026〕2号")).status());
    }

    @Test
    public void theLastElectionIsBeforeThePlannedOne() {
        ValidationException refused = assertThrows(ValidationException.class, () -> n.elections.createPlan(secretary,
                new PlanDraft(general.id(), "总支换届", PLANNED, PLANNED, 3, 0, 0, null)));
        assertEquals("上次换届日期 2020-09-10 须早于本次选举日期 2020-09-10。", refused.fieldErrors().get("termStart").format(Msg.ZH_CN));
        assertTrue(n.elections.find(secretary, null, null).items().isEmpty());
    }

    @Test
    public void noSignInAndNoVoteBeforeTheElectionDay() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate day = today.plusDays(3);
        // a first election (no term on record for this unit) three days from now
        n.elections.recordTerm(admin, general.id(), today.minusYears(3).plusDays(3));
        Election e = plan(day);
        e = n.elections.approvePlan(leader, e.id(), e.meta().version(), new Approval("州直工委", today, "州直工委〔2026〕1号"));
        Voter v = n.elections.roll(secretary, e.id(), Roll.GENERAL).get(0);
        ValidationException early = assertThrows(ValidationException.class, () -> n.elections.signIn(secretary, v.id(), v.version()));
        assertEquals("选举日 " + day + " 之前不能签到（今天是 " + today + "）：签到登记的是选举大会的实到人员。", early.localized(Msg.ZH_CN));
        assertEquals(VoterStatus.EXPECTED, n.elections.roll(secretary, e.id(), Roll.GENERAL).get(0).status());
        String cid = e.contests().get(0).id();
        ValidationException vote = assertThrows(ValidationException.class, () -> n.elections.openRound(secretary, cid,
                new RoundOpening(RoundKind.REGULAR, 8, "甲", "乙", false)));
        assertEquals("选举日 " + day + " 之前不能开始投票（今天是 " + today + "）。", vote.localized(Msg.ZH_CN));
        assertTrue(n.elections.get(secretary, e.id()).contests().get(0).rounds().isEmpty());
        // excusing someone ahead of the meeting is still possible
        assertEquals(VoterStatus.EXCUSED, n.elections.excuse(secretary, v.id(), v.version(),
                cn.gannan.hpf.elections.api.ExcuseReason.ABROAD_OVER_6_MONTHS, null, "州直工委").status());
    }

    /** The text of every part of an .xlsx (sheet names and shared strings). */
    private static String text(byte[] xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
