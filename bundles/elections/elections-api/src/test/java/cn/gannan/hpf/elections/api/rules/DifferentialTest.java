package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Minimum candidates per seats: ratio, rounding, "never as many candidates as seats", equal votes. */
@RunWith(Parameterized.class)
public class DifferentialTest {

    @Parameters(name = "{0} {1} seats {2} -> at least {3}")
    public static Collection<Object[]> cases() {
        return Arrays.asList(new Object[][] {
            // party committee: seats × 1.2 rounded up, always more than the seats
            {"party", ContestKind.COMMITTEE, 1, 2},   // 1.2 -> 2
            {"party", ContestKind.COMMITTEE, 2, 3},   // 2.4 -> 3
            {"party", ContestKind.COMMITTEE, 3, 4},   // 3.6 -> 4
            {"party", ContestKind.COMMITTEE, 4, 5},   // 4.8 -> 5
            {"party", ContestKind.COMMITTEE, 5, 6},   // exactly 6
            {"party", ContestKind.COMMITTEE, 6, 8},   // 7.2 -> 8
            {"party", ContestKind.COMMITTEE, 7, 9},   // 8.4 -> 9
            {"party", ContestKind.COMMITTEE, 8, 10},  // 9.6 -> 10
            {"party", ContestKind.COMMITTEE, 9, 11},  // 10.8 -> 11
            {"party", ContestKind.COMMITTEE, 10, 12}, // exactly 12
            {"party", ContestKind.COMMITTEE, 11, 14}, // 13.2 -> 14
            {"party", ContestKind.POSTS, 1, 1},       // secretary: equal allowed
            {"party", ContestKind.POSTS, 2, 2},
            {"party", ContestKind.AUDIT_COMMITTEE, 5, 6},
            // trade union: 5% [D], more than seats; the audit committee may be equal
            {"union", ContestKind.COMMITTEE, 5, 6},   // 5.25 -> 6
            {"union", ContestKind.COMMITTEE, 7, 8},   // 7.35 -> 8
            {"union", ContestKind.COMMITTEE, 20, 21}, // exactly 21
            {"union", ContestKind.COMMITTEE, 21, 23}, // 22.05 -> 23
            {"union", ContestKind.AUDIT_COMMITTEE, 3, 3},
            // youth league: ≥ 20%
            {"league", ContestKind.COMMITTEE, 5, 6},
            {"league", ContestKind.COMMITTEE, 7, 9},
            // women's federation [D]: 20%
            {"women", ContestKind.COMMITTEE, 7, 9},
            // other roundings (configurable): half up and down, still more than the seats
            {"halfUp", ContestKind.COMMITTEE, 7, 8},   // 8.4 -> 8
            {"halfUp", ContestKind.COMMITTEE, 8, 10},  // 9.6 -> 10
            {"halfUp", ContestKind.COMMITTEE, 5, 6},
            {"halfUp", ContestKind.COMMITTEE, 1, 2},   // 1.2 -> 1, but more than seats -> 2
            {"down", ContestKind.COMMITTEE, 7, 8},     // 8.4 -> 8
            {"down", ContestKind.COMMITTEE, 9, 10},    // 10.8 -> 10
            {"down", ContestKind.COMMITTEE, 3, 4},     // 3.6 -> 3 -> more than seats -> 4
            {"equalOk", ContestKind.COMMITTEE, 3, 3},  // ratio 0, not forced above seats
        });
    }

    private final String kind;
    private final ContestKind contest;
    private final int seats;
    private final int minimum;

    public DifferentialTest(String kind, ContestKind contest, int seats, int minimum) {
        this.kind = kind;
        this.contest = contest;
        this.seats = seats;
        this.minimum = minimum;
    }

    static RuleSet rules(String kind) {
        RuleSet p = PARTY;
        return switch (kind) {
            case "party" -> PARTY;
            case "union" -> UNION;
            case "league" -> LEAGUE;
            case "women" -> WOMEN;
            case "halfUp" -> with(p, p.differentialRatio(), Rounding.HALF_UP, true);
            case "down" -> with(p, p.differentialRatio(), Rounding.DOWN, true);
            default -> with(p, Fraction.of(0, 1), Rounding.UP, false);
        };
    }

    static RuleSet with(RuleSet p, Fraction ratio, Rounding rounding, boolean moreThanSeats) {
        return new RuleSet(p.kind(), 2, p.quorum(), p.quorumComparison(), p.quorumBase(), ratio, rounding, moreThanSeats,
                p.auditCommitteeDifferential(), p.majority(), p.majorityComparison(), p.majorityBase(),
                p.overApprovalInvalid(), p.writeIns(), p.proxiesAllowed(), p.termYears(), p.primaryCommitteeTermYears(), p.maxDeviationMonths(),
                p.dueWarningMonths(), p.excusalNeedsApproval(), p.committeeMinMembers(), p.committeeMinSeats(),
                p.committeeMaxSeats());
    }

    @Test
    public void minimum() {
        RuleSet rs = rules(kind);
        assertEquals(minimum, ElectionRules.minimumCandidates(rs, contest, seats));
        // one short fails, exactly the minimum passes
        assertEquals(false, ElectionRules.candidates(rs, contest, seats, minimum - 1).passed());
        assertEquals(true, ElectionRules.candidates(rs, contest, seats, minimum).passed());
        assertEquals(true, ElectionRules.candidates(rs, contest, seats, minimum + 1).passed());
    }
}
