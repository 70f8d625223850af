package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gannan.hpf.core.api.ValidationException;

import org.junit.Test;

/** Per-ballot validity: over-approval, write-ins, spoiled papers, run-offs. */
public class BallotValidityTest {

    private static final Set<String> CANDS = Set.of("a", "b", "c", "d");

    private static BallotVerdict check(RuleSet rs, RoundKind round, int seats, BallotInput b) {
        return ElectionRules.ballot(rs, round, seats, CANDS, b);
    }

    @Test
    public void approvingExactlyTheSeatsIsValid() {
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, approving("a", "b", "c")).valid());
    }

    @Test
    public void approvingMoreThanTheSeatsIsInvalid() {
        BallotVerdict v = check(PARTY, RoundKind.REGULAR, 3, approving("a", "b", "c", "d"));
        assertFalse(v.valid());
        assertEquals(List.of("赞成 4 人，多于应选 3 人，选票无效。"), v.reasons().stream().map(Fixtures::zh).toList());
        assertFalse(check(WOMEN, RoundKind.REGULAR, 3, approving("a", "b", "c", "d")).valid());
    }

    @Test
    public void fewerApprovalsAllAbstainAndBlankAreValid() {
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, approving("a")).valid());
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, new BallotInput(Map.of("a", Mark.ABSTAIN, "b", Mark.ABSTAIN), List.of(), false)).valid());
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, new BallotInput(Map.of(), List.of(), false)).valid());
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, new BallotInput(Map.of("a", Mark.DISAPPROVE, "b", Mark.DISAPPROVE,
                "c", Mark.DISAPPROVE, "d", Mark.DISAPPROVE), List.of(), false)).valid());
    }

    @Test
    public void writeInInPlaceOfADisapprovedCandidateIsValid() {
        BallotInput b = new BallotInput(Map.of("a", Mark.APPROVE, "b", Mark.APPROVE, "c", Mark.DISAPPROVE), List.of("x"), false);
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, b).valid());
    }

    @Test
    public void writeInCountsAgainstTheSeats() {
        BallotInput b = new BallotInput(Map.of("a", Mark.APPROVE, "b", Mark.APPROVE, "c", Mark.APPROVE, "d", Mark.DISAPPROVE),
                List.of("x"), false);
        BallotVerdict v = check(PARTY, RoundKind.REGULAR, 3, b);
        assertFalse(v.valid());
        assertEquals("赞成 4 人，多于应选 3 人，选票无效。", zh(v.reasons().get(0)));
    }

    @Test
    public void writeInWithoutDisapprovalIsInvalid() {
        BallotInput b = new BallotInput(Map.of("a", Mark.APPROVE, "b", Mark.ABSTAIN), List.of("x"), false);
        BallotVerdict v = check(PARTY, RoundKind.REGULAR, 3, b);
        assertFalse(v.valid());
        assertEquals("只有对候选人投不赞成票的，才可以另选他人：另选 1 人，不赞成仅 0 人，选票无效。", zh(v.reasons().get(0)));
        // two write-ins need two disapprovals
        BallotInput two = new BallotInput(Map.of("a", Mark.DISAPPROVE), List.of("x", "y"), false);
        assertFalse(check(PARTY, RoundKind.REGULAR, 3, two).valid());
        BallotInput twoOk = new BallotInput(Map.of("a", Mark.DISAPPROVE, "b", Mark.DISAPPROVE), List.of("x", "y"), false);
        assertTrue(check(PARTY, RoundKind.REGULAR, 3, twoOk).valid());
    }

    @Test
    public void writeInModesNoneAndAny() {
        RuleSet none = withWriteIns(WriteIns.NONE);
        RuleSet any = withWriteIns(WriteIns.ANY);
        BallotInput b = new BallotInput(Map.of("a", Mark.APPROVE), List.of("x"), false);
        assertFalse(check(none, RoundKind.REGULAR, 3, b).valid());
        assertEquals("本次选举不得另选他人（选票另选 1 人），选票无效。", zh(check(none, RoundKind.REGULAR, 3, b).reasons().get(0)));
        assertTrue(check(any, RoundKind.REGULAR, 3, b).valid());
    }

    @Test
    public void noWriteInsInARunoff() {
        BallotInput b = new BallotInput(Map.of("a", Mark.DISAPPROVE), List.of("x"), false);
        assertFalse(check(PARTY, RoundKind.RUNOFF, 1, b).valid());
        assertTrue(check(PARTY, RoundKind.FURTHER, 1, b).valid());
    }

    @Test
    public void writeInOfAListedCandidateOrTwiceIsInvalid() {
        assertFalse(check(PARTY, RoundKind.REGULAR, 3,
                new BallotInput(Map.of("a", Mark.DISAPPROVE), List.of("b"), false)).valid());
        assertFalse(check(PARTY, RoundKind.REGULAR, 3,
                new BallotInput(Map.of("a", Mark.DISAPPROVE, "b", Mark.DISAPPROVE), List.of("x", "x"), false)).valid());
    }

    @Test
    public void spoiledIsInvalidAndEveryReasonIsListed() {
        BallotInput b = new BallotInput(Map.of("a", Mark.APPROVE, "b", Mark.APPROVE, "c", Mark.APPROVE, "d", Mark.APPROVE),
                List.of(), true);
        BallotVerdict v = check(PARTY, RoundKind.REGULAR, 3, b);
        assertFalse(v.valid());
        assertEquals(2, v.reasons().size());
    }

    @Test
    public void markingSomeoneWhoIsNotACandidateIsAnInputError() {
        assertThrows(ValidationException.class,
                () -> check(PARTY, RoundKind.REGULAR, 3, approving("zz")));
    }

    static RuleSet withWriteIns(WriteIns w) {
        RuleSet p = PARTY;
        return new RuleSet(p.kind(), 2, p.quorum(), p.quorumComparison(), p.quorumBase(), p.differentialRatio(), p.differentialRounding(),
                p.differentialMoreThanSeats(), p.auditCommitteeDifferential(), p.majority(), p.majorityComparison(),
                p.majorityBase(), p.overApprovalInvalid(), w, p.proxiesAllowed(), p.termYears(), p.primaryCommitteeTermYears(), p.maxDeviationMonths(),
                p.dueWarningMonths(), p.excusalNeedsApproval(), p.committeeMinMembers(), p.committeeMinSeats(),
                p.committeeMaxSeats());
    }
}
