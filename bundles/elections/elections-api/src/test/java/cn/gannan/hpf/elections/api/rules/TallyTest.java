package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gannan.hpf.core.api.ValidationException;

import org.junit.Test;

/** Counting a round: winners, ties at the cut-off, shortfalls, invalid ballots, run-offs, write-ins. */
public class TallyTest {

    private static Tally party(RoundKind round, int seats, int present, Map<String, Integer> votes) {
        List<String> ids = new ArrayList<>(votes.keySet());
        return ElectionRules.tally(PARTY, round, seats, ids, ballots(present, seats, votes), present, present + 5);
    }

    private static int approvals(Tally t, String id) {
        return t.rows().stream().filter(r -> r.candidateId().equals(id)).findFirst().orElseThrow().approvals();
    }

    private static Outcome outcome(Tally t, String id) {
        return t.rows().stream().filter(r -> r.candidateId().equals(id)).findFirst().orElseThrow().outcome();
    }

    @Test
    public void topOfTheMajorityFillTheSeats() {
        // the seed's story: 5 seats, 6 candidates, 30 voters present
        Tally t = party(RoundKind.REGULAR, 5, 30, votes("a", 29, "b", 27, "c", 26, "d", 24, "e", 22, "f", 18));
        assertEquals(List.of("a", "b", "c", "d", "e"), t.elected());
        assertEquals(Outcome.OUTRANKED, outcome(t, "f"));
        assertEquals(16, t.majorityRequired());
        assertEquals(30, t.validBallots());
        assertEquals(0, t.shortfall());
        assertTrue(t.complete());
        assertEquals(29, approvals(t, "a"));
    }

    @Test
    public void tieAtTheCutOffGoesToARunoffAmongTheTiedOnly() {
        Tally t = party(RoundKind.REGULAR, 3, 30, votes("a", 20, "b", 19, "c", 18, "d", 18, "e", 5));
        assertEquals(List.of("a", "b"), t.elected());
        assertEquals(List.of("c", "d"), t.tied());
        assertEquals(1, t.runoffSeats());
        assertEquals(0, t.shortfall());
        assertEquals(Outcome.TIED, outcome(t, "c"));
        assertEquals(Outcome.NO_MAJORITY, outcome(t, "e"));
        assertFalse(t.complete());
    }

    @Test
    public void tieInsideTheSeatsIsNoProblem() {
        Tally t = party(RoundKind.REGULAR, 3, 30, votes("a", 20, "b", 18, "c", 18, "d", 10));
        assertEquals(List.of("a", "b", "c"), t.elected());
        assertTrue(t.tied().isEmpty());
    }

    @Test
    public void tieBelowTheCutOffIsNoProblem() {
        Tally t = party(RoundKind.REGULAR, 3, 30, votes("a", 20, "b", 19, "c", 18, "d", 16, "e", 16));
        assertEquals(List.of("a", "b", "c"), t.elected());
        assertTrue(t.tied().isEmpty());
    }

    @Test
    public void threeTiedForTwoSeats() {
        Tally t = party(RoundKind.REGULAR, 4, 30, votes("a", 25, "b", 25, "c", 20, "d", 20, "e", 20, "f", 3));
        assertEquals(List.of("a", "b"), t.elected());
        assertEquals(List.of("c", "d", "e"), t.tied());
        assertEquals(2, t.runoffSeats());
    }

    @Test
    public void allTiedForTwoSeats() {
        // with one seat two candidates can never both pass half; with two seats three can tie
        Tally t = party(RoundKind.REGULAR, 2, 30, votes("a", 20, "b", 20, "c", 20));
        assertTrue(t.elected().isEmpty());
        assertEquals(List.of("a", "b", "c"), t.tied());
        assertEquals(2, t.runoffSeats());
    }

    @Test
    public void shortfallNeverFilledFromExactlyHalf() {
        Tally t = party(RoundKind.REGULAR, 3, 30, votes("a", 20, "b", 16, "c", 15, "d", 2));
        assertEquals(List.of("a", "b"), t.elected());
        assertEquals(1, t.shortfall());
        assertEquals(Outcome.NO_MAJORITY, outcome(t, "c"));
        assertTrue(t.tied().isEmpty());
    }

    @Test
    public void nobodyElected() {
        Tally t = party(RoundKind.REGULAR, 3, 30, votes("a", 15, "b", 15, "c", 15, "d", 15));
        assertTrue(t.elected().isEmpty());
        assertEquals(3, t.shortfall());
        assertTrue(t.tied().isEmpty()); // a tie below the majority is not a run-off
    }

    @Test
    public void invalidBallotsDoNotCount() {
        List<BallotInput> ballots = new ArrayList<>(ballots(16, 2, votes("a", 16, "b", 16, "c", 0)));
        ballots.add(approving("a", "b", "c")); // over-approval: invalid
        ballots.add(new BallotInput(Map.of("a", Mark.APPROVE), List.of(), true)); // spoiled
        Tally t = ElectionRules.tally(PARTY, RoundKind.REGULAR, 2, List.of("a", "b", "c"), ballots, 30, 30);
        assertEquals(16, t.validBallots());
        assertEquals(2, t.invalidBallots());
        assertEquals(16, approvals(t, "a"));
        assertEquals(List.of("a", "b"), t.elected());
    }

    @Test
    public void majorityOfThoseExpectedForTheUnion() {
        // 30 present of 40 expected: 20 approvals is more than half of those present, not of those expected
        Map<String, Integer> v = votes("a", 21, "b", 20, "c", 3);
        Tally t = ElectionRules.tally(UNION, RoundKind.REGULAR, 2, List.of("a", "b", "c"), ballots(30, 2, v), 30, 40);
        assertEquals(List.of("a"), t.elected());
        assertEquals(1, t.shortfall());
        assertEquals(21, t.majorityRequired());
    }

    @Test
    public void runoffMostVotesWin() {
        Tally t = ElectionRules.tally(PARTY, RoundKind.RUNOFF, 1, List.of("c", "d"), ballots(30, 1, votes("c", 10, "d", 12)), 30, 30);
        assertEquals(List.of("d"), t.elected());
        assertEquals(0, t.majorityRequired());
        assertEquals(Outcome.OUTRANKED, outcome(t, "c"));
    }

    @Test
    public void runoffTiedAgain() {
        Tally t = ElectionRules.tally(PARTY, RoundKind.RUNOFF, 1, List.of("c", "d"), ballots(30, 1, votes("c", 11, "d", 11)), 30, 30);
        assertTrue(t.elected().isEmpty());
        assertEquals(List.of("c", "d"), t.tied());
        assertEquals(1, t.runoffSeats());
    }

    @Test
    public void writeInWithTheMajorityIsElected() {
        List<BallotInput> ballots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ballots.add(new BallotInput(Map.of("a", Mark.APPROVE, "b", Mark.DISAPPROVE), List.of("x"), false));
        }
        for (int i = 0; i < 10; i++) {
            ballots.add(approving("a", "b"));
        }
        Tally t = ElectionRules.tally(PARTY, RoundKind.REGULAR, 2, List.of("a", "b", "c"), ballots, 30, 30);
        assertEquals(List.of("a", "x"), t.elected());
        assertTrue(t.rows().stream().filter(r -> r.candidateId().equals("x")).findFirst().orElseThrow().writeIn());
        assertEquals(Outcome.NO_MAJORITY, outcome(t, "b"));
    }

    @Test
    public void unmarkedCountsAsAbstention() {
        Tally t = ElectionRules.tally(PARTY, RoundKind.REGULAR, 1, List.of("a", "b"), List.of(approving("a")), 1, 1);
        Tally.Row b = t.rows().stream().filter(r -> r.candidateId().equals("b")).findFirst().orElseThrow();
        assertEquals(1, b.abstentions());
        assertEquals(0, b.disapprovals());
    }

    @Test
    public void zeroSeatsIsRefused() {
        assertThrows(ValidationException.class,
                () -> ElectionRules.tally(PARTY, RoundKind.REGULAR, 0, List.of("a"), List.of(), 1, 1));
    }
}
