package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.core.api.OrgUnitType.BRANCH;
import static cn.gannan.hpf.elections.api.rules.Fixtures.PARTY;
import static cn.gannan.hpf.elections.api.rules.Fixtures.zh;
import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Locale;

import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.BodyTerm;

import org.junit.Test;

/**
 * Term tracking of a body whose election is delayed with the superior's approval (RULES.md §1: delaying needs the
 * superior's approval, at most a year): not overdue up to its planned date, overdue again once that date passes
 * without the election held.
 */
public class DelayedTermTest {

    /** A branch elected 2017-03-10: its term ends 2020-03-10. */
    private static final LocalDate LAST = LocalDate.of(2017, 3, 10);
    private static final LocalDate PLANNED = LocalDate.of(2020, 9, 10); // delayed six months

    private static TermStatus status(LocalDate today, LocalDate planned, boolean approved, boolean held) {
        return ElectionRules.termStatus(PARTY, BRANCH, LAST, today, planned, approved, held);
    }

    @Test
    public void anApprovedDelayIsNotOverdueUpToThePlannedDate() {
        assertEquals(TermStatus.OVERDUE, ElectionRules.termStatus(PARTY, BRANCH, LAST, LocalDate.of(2020, 6, 1)));
        assertEquals(TermStatus.DELAYED_APPROVED, status(LocalDate.of(2020, 3, 11), PLANNED, true, false));
        assertEquals(TermStatus.DELAYED_APPROVED, status(LocalDate.of(2020, 6, 1), PLANNED, true, false));
        assertEquals(TermStatus.DELAYED_APPROVED, status(PLANNED, PLANNED, true, false));
        // the planned date passed without the election held: overdue again
        assertEquals(TermStatus.OVERDUE, status(PLANNED.plusDays(1), PLANNED, true, false));
        // held, the result awaiting the superior's approval: still not overdue
        assertEquals(TermStatus.DELAYED_APPROVED, status(PLANNED.plusDays(10), PLANNED, true, true));
        // approved before the term ended: shown as an approved delay rather than due soon
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, BRANCH, LAST, LocalDate.of(2020, 1, 1)));
        assertEquals(TermStatus.DELAYED_APPROVED, status(LocalDate.of(2020, 1, 1), PLANNED, true, false));
    }

    @Test
    public void withoutTheApprovalOrADelayNothingChanges() {
        // a delay not (yet) approved is overdue
        assertEquals(TermStatus.OVERDUE, status(LocalDate.of(2020, 6, 1), PLANNED, false, false));
        assertEquals(TermStatus.DUE_SOON, status(LocalDate.of(2020, 1, 1), PLANNED, false, false));
        // an approved election on time that did not take place: overdue the day after the term ends
        assertEquals(TermStatus.OVERDUE, status(LocalDate.of(2020, 3, 11), LocalDate.of(2020, 3, 1), true, false));
        assertEquals(TermStatus.DUE_SOON, status(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 1), true, false));
        // no election in progress, no term on record
        assertEquals(TermStatus.OVERDUE, status(LocalDate.of(2020, 6, 1), null, false, false));
        assertEquals(TermStatus.UNKNOWN, ElectionRules.termStatus(PARTY, BRANCH, null, LocalDate.of(2020, 6, 1), PLANNED, true, false));
    }

    @Test
    public void onlyWithinTheOneYearLimit() {
        LocalDate limit = LocalDate.of(2021, 3, 10); // exactly twelve months after the term end passes
        assertEquals(TermStatus.DELAYED_APPROVED, status(LocalDate.of(2020, 6, 1), limit, true, false));
        assertEquals(TermStatus.DELAYED_APPROVED, status(limit, limit, true, false));
        assertEquals(TermStatus.OVERDUE, status(LocalDate.of(2020, 6, 1), limit.plusDays(1), true, false));
    }

    @Test
    public void theStatusNamesTheApprovalAndThePlannedDate() {
        Approval a = new Approval("州直工委", LocalDate.of(2020, 2, 20), "州直工委〔2020〕3号");
        BodyTerm t = new BodyTerm("u", "第二党支部", "GN02", OrgKind.PARTY, LAST, LocalDate.of(2020, 3, 10),
                TermStatus.DELAYED_APPROVED, "e", PLANNED, a);
        assertEquals("延期换届（已批准）：州直工委 州直工委〔2020〕3号，计划于 2020-09-10 选举", zh(t.statusMessage()));
        assertEquals("delayed with approval (州直工委, 州直工委〔2020〕3号); election planned for 2020-09-10",
                t.statusMessage().format(Locale.ENGLISH));
        BodyTerm overdue = new BodyTerm("u", "第二党支部", "GN02", OrgKind.PARTY, LAST, LocalDate.of(2020, 3, 10), TermStatus.OVERDUE,
                "e", PLANNED, null);
        assertEquals("已超期", zh(overdue.statusMessage()));
        assertEquals("overdue", overdue.statusMessage().format(Locale.ENGLISH));
    }
}
