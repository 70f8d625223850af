package cn.gannan.hpf.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

/** The status on a day, from a history of changes (what an election on that day goes by). */
public class StatusChangeTest {

    private static StatusChange change(PoliticalStatus from, PoliticalStatus to, LocalDate effective, int recordedSecond) {
        return new StatusChange("c" + recordedSecond, "p", from, to, effective, null, "u", Instant.ofEpochSecond(recordedSecond));
    }

    /** Entered on 2026-11-01 as a full member; 留党察看 from 2025-03-10 (backdated); rights restored on 2026-03-10. */
    private static final List<StatusChange> PROBATION = List.of(
            change(null, PoliticalStatus.FULL_MEMBER, LocalDate.of(2026, 11, 1), 1),
            change(PoliticalStatus.FULL_MEMBER, PoliticalStatus.PARTY_PROBATION, LocalDate.of(2025, 3, 10), 2),
            change(PoliticalStatus.PARTY_PROBATION, PoliticalStatus.FULL_MEMBER, LocalDate.of(2026, 3, 10), 3));

    @Test
    public void theChangeCountsFromItsEffectiveDay() {
        assertEquals(PoliticalStatus.FULL_MEMBER, StatusChange.statusOn(PROBATION, LocalDate.of(2025, 3, 9)));
        assertEquals(PoliticalStatus.PARTY_PROBATION, StatusChange.statusOn(PROBATION, LocalDate.of(2025, 3, 10)));
        assertEquals(PoliticalStatus.PARTY_PROBATION, StatusChange.statusOn(PROBATION, LocalDate.of(2026, 3, 9)));
        assertEquals(PoliticalStatus.FULL_MEMBER, StatusChange.statusOn(PROBATION, LocalDate.of(2026, 3, 10)));
    }

    @Test
    public void theEntryRecordIsTheStatusBeforeEveryChangeNotAChangeOnItsDay() {
        // the day of entry (2026-11-01) is after the restoration: still a full member, not "changed" then
        assertEquals(PoliticalStatus.FULL_MEMBER, StatusChange.statusOn(PROBATION, LocalDate.of(2026, 12, 1)));
        List<StatusChange> onlyEntry = List.of(change(null, PoliticalStatus.PROBATIONARY_MEMBER, LocalDate.of(2026, 11, 1), 1));
        assertEquals(PoliticalStatus.PROBATIONARY_MEMBER, StatusChange.statusOn(onlyEntry, LocalDate.of(2000, 1, 1)));
        assertNull(StatusChange.statusOn(List.of(), LocalDate.of(2000, 1, 1)));
    }

    @Test
    public void sameDayChangesInTheOrderRecorded() {
        List<StatusChange> h = List.of(
                change(null, PoliticalStatus.PROBATIONARY_MEMBER, LocalDate.of(2020, 1, 1), 1),
                change(PoliticalStatus.PROBATIONARY_MEMBER, PoliticalStatus.FULL_MEMBER, LocalDate.of(2021, 1, 1), 2),
                change(PoliticalStatus.FULL_MEMBER, PoliticalStatus.PARTY_PROBATION, LocalDate.of(2021, 1, 1), 3));
        assertEquals(PoliticalStatus.PROBATIONARY_MEMBER, StatusChange.statusOn(h, LocalDate.of(2020, 12, 31)));
        assertEquals(PoliticalStatus.PARTY_PROBATION, StatusChange.statusOn(h, LocalDate.of(2021, 1, 1)));
    }

    @Test
    public void probationKeepsTheMembershipButNotTheRights() {
        assertEquals(true, PoliticalStatus.PARTY_PROBATION.partyMember());
        assertEquals(false, PoliticalStatus.PARTY_PROBATION.fullRights());
        assertEquals(false, PoliticalStatus.PROBATIONARY_MEMBER.fullRights());
        assertEquals(true, PoliticalStatus.FULL_MEMBER.fullRights());
    }
}
