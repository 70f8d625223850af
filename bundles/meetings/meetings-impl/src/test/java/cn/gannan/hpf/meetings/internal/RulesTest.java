package cn.gannan.hpf.meetings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.meetings.api.Cadence;
import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.CadenceReport.State;
import cn.gannan.hpf.meetings.api.MeetingRule;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.QuorumCheck;
import cn.gannan.hpf.meetings.api.Threshold;
import cn.gannan.hpf.meetings.api.VoteBase;
import cn.gannan.hpf.meetings.api.VoteResult;

/** Every rule alone, with its boundaries. */
public class RulesTest {

    static final Threshold MORE_THAN_HALF = new Threshold(1, 2, true);
    static final Threshold TWO_THIRDS = new Threshold(2, 3, false);
    static final MeetingRule PARTY_GROUP = new MeetingRule(MeetingType.PARTY_GROUP, MORE_THAN_HALF, TWO_THIRDS,
            MORE_THAN_HALF, VoteBase.EXPECTED, Cadence.NONE, null, 1);
    static final MeetingRule DEMOCRATIC_LIFE = new MeetingRule(MeetingType.DEMOCRATIC_LIFE, TWO_THIRDS, null, null, null,
            Cadence.YEAR, OrgUnitType.PARTY_GROUP, 1);
    static final MeetingRule APPRAISAL = new MeetingRule(MeetingType.MEMBER_APPRAISAL, MORE_THAN_HALF, null,
            MORE_THAN_HALF, VoteBase.PRESENT, Cadence.YEAR, OrgUnitType.BRANCH, 1);

    @Test
    public void moreThanHalfRefusesExactlyHalf() {
        assertFalse(MORE_THAN_HALF.passes(2, 4));
        assertTrue(MORE_THAN_HALF.passes(3, 4));
        assertFalse(MORE_THAN_HALF.passes(2, 5));
        assertTrue(MORE_THAN_HALF.passes(3, 5));
        assertEquals(3, MORE_THAN_HALF.minimum(4));
        assertEquals(3, MORE_THAN_HALF.minimum(5));
        assertEquals(1, MORE_THAN_HALF.minimum(1));
    }

    @Test
    public void atLeastTwoThirdsAcceptsExactlyTwoThirds() {
        assertTrue(TWO_THIRDS.passes(6, 9));
        assertFalse(TWO_THIRDS.passes(5, 9));
        assertTrue(TWO_THIRDS.passes(4, 6));
        assertFalse(TWO_THIRDS.passes(3, 5)); // 3/5 = 0.6 < 0.667
        assertTrue(TWO_THIRDS.passes(4, 5));
        assertEquals(6, TWO_THIRDS.minimum(9));
        assertEquals(4, TWO_THIRDS.minimum(5));
        assertEquals(">1/2", MORE_THAN_HALF.label());
        assertEquals("≥2/3", TWO_THIRDS.label());
    }

    @Test(expected = IllegalArgumentException.class)
    public void thresholdAboveOneIsRefused() {
        new Threshold(3, 2, false);
    }

    @Test
    public void partyGroupQuorumIsMoreThanHalfOfMembers() {
        QuorumCheck q = Rules.quorum(PARTY_GROUP, 5, 3, false);
        assertTrue(q.met());
        assertEquals(3, q.required());
        assertFalse(Rules.quorum(PARTY_GROUP, 4, 2, false).met()); // exactly half
        assertTrue(Rules.quorum(PARTY_GROUP, 4, 3, false).met());
    }

    @Test
    public void personnelTopicsNeedTwoThirds() {
        QuorumCheck q = Rules.quorum(PARTY_GROUP, 5, 3, true);
        assertFalse(q.met());
        assertTrue(q.personnel());
        assertEquals(4, q.required());
        assertTrue(Rules.quorum(PARTY_GROUP, 6, 4, true).met()); // exactly 2/3
        assertFalse(Rules.quorum(PARTY_GROUP, 6, 3, true).met());
    }

    @Test
    public void typesWithoutPersonnelRuleKeepTheirQuorum() {
        QuorumCheck q = Rules.quorum(DEMOCRATIC_LIFE, 9, 6, true);
        assertTrue(q.met()); // 民主生活会 ≥ 2/3, exactly 6 of 9 passes
        assertFalse(q.personnel());
        assertFalse(Rules.quorum(DEMOCRATIC_LIFE, 9, 5, false).met());
    }

    @Test
    public void nobodyExpectedNeverMeetsQuorum() {
        assertFalse(Rules.quorum(PARTY_GROUP, 0, 0, false).met());
    }

    @Test
    public void partyGroupVotesCountAgainstThoseExpected() {
        // 7 expected, 5 present: 4 approvals pass (4 > 3.5), 3 fail even though 3 > 5/2
        assertEquals(VoteResult.PASSED, Rules.vote(PARTY_GROUP, 4, 7, 5));
        assertEquals(VoteResult.FAILED, Rules.vote(PARTY_GROUP, 3, 7, 5));
        assertEquals(VoteResult.FAILED, Rules.vote(PARTY_GROUP, 2, 4, 4)); // exactly half
        assertEquals(VoteResult.NONE, Rules.vote(PARTY_GROUP, null, 4, 4));
    }

    @Test
    public void votesOfPresentBaseCountAgainstThosePresent() {
        assertEquals(VoteResult.PASSED, Rules.vote(APPRAISAL, 3, 7, 5));
        assertEquals(VoteResult.FAILED, Rules.vote(APPRAISAL, 2, 7, 4));
    }

    @Test
    public void monthlyCadenceStates() {
        List<CadenceReport.Cell> cells = Rules.cells(Cadence.MONTH, 2017, LocalDate.of(2017, 4, 15),
                List.of(LocalDate.of(2017, 1, 31), LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 20)));
        assertEquals(12, cells.size());
        assertEquals(State.HELD, cells.get(0).state());
        assertEquals(State.MISSING, cells.get(1).state());
        assertEquals(State.HELD, cells.get(2).state());
        assertEquals(2, cells.get(2).held());
        assertEquals(State.DUE, cells.get(3).state());
        assertEquals(State.FUTURE, cells.get(4).state());
        assertEquals(LocalDate.of(2017, 2, 28), cells.get(1).to());
    }

    @Test
    public void aPeriodEndingTodayIsDueNotMissing() {
        List<CadenceReport.Cell> q = Rules.cells(Cadence.QUARTER, 2017, LocalDate.of(2017, 3, 31), List.of());
        assertEquals(State.DUE, q.get(0).state());
        List<CadenceReport.Cell> next = Rules.cells(Cadence.QUARTER, 2017, LocalDate.of(2017, 4, 1), List.of());
        assertEquals(State.MISSING, next.get(0).state());
        assertEquals(State.DUE, next.get(1).state());
        assertEquals(LocalDate.of(2017, 4, 1), next.get(1).from());
    }

    @Test
    public void yearlyCadenceAndNone() {
        assertEquals(1, Rules.cells(Cadence.YEAR, 2017, LocalDate.of(2018, 1, 1), List.of()).size());
        assertEquals(State.MISSING, Rules.cells(Cadence.YEAR, 2017, LocalDate.of(2018, 1, 1), List.of()).get(0).state());
        assertEquals(State.HELD, Rules.cells(Cadence.YEAR, 2017, LocalDate.of(2018, 1, 1),
                List.of(LocalDate.of(2017, 12, 31))).get(0).state());
        assertTrue(Rules.cells(Cadence.NONE, 2017, LocalDate.of(2018, 1, 1), List.of()).isEmpty());
    }

    @Test
    public void overdueOnlyAfterTheDueDay() {
        LocalDate due = LocalDate.of(2017, 5, 31);
        assertFalse(Rules.overdue(true, due, due));
        assertTrue(Rules.overdue(true, due, due.plusDays(1)));
        assertFalse(Rules.overdue(false, due, due.plusDays(1)));
    }

    @Test
    public void bodiesAndNumbers() {
        assertTrue(Rules.bodyFits(MeetingType.PARTY_GROUP, OrgUnitType.PARTY_GROUP));
        assertFalse(Rules.bodyFits(MeetingType.PARTY_GROUP, OrgUnitType.BRANCH));
        assertTrue(Rules.bodyFits(MeetingType.PARTY_CELL, OrgUnitType.PARTY_CELL));
        for (MeetingType t : MeetingType.values()) {
            assertFalse(t + " has bodies", Rules.BODIES.get(t).isEmpty());
        }
        assertEquals("〔2017〕9号", Rules.numberText(2017, 9));
    }
}
