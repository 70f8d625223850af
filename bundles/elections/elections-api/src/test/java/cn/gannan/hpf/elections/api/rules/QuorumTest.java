package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Quorum per organisation type, at and around every boundary, with nobody excused (then both bases give the
 * same answer; {@link QuorumBaseTest} has the excused).
 */
@RunWith(Parameterized.class)
public class QuorumTest {

    @Parameters(name = "{0}: expected {1}, present {2} -> {3} (min {4})")
    public static Collection<Object[]> cases() {
        return Arrays.asList(new Object[][] {
            // party: more than 4/5; exactly 4/5 does not pass
            {"party", 50, 40, false, 41},
            {"party", 50, 41, true, 41},
            {"party", 50, 50, true, 41},
            {"party", 5, 4, false, 5},
            {"party", 5, 5, true, 5},
            {"party", 7, 5, false, 6},      // 4/5 of 7 = 5.6
            {"party", 7, 6, true, 6},
            {"party", 10, 8, false, 9},
            {"party", 10, 9, true, 9},
            {"party", 1, 1, true, 1},
            {"party", 1, 0, false, 1},
            // trade union: at least 2/3; exactly 2/3 passes
            {"union", 30, 20, true, 20},
            {"union", 30, 19, false, 20},
            {"union", 31, 20, false, 21},   // 2/3 of 31 = 20.67
            {"union", 31, 21, true, 21},
            {"union", 3, 2, true, 2},
            {"union", 3, 1, false, 2},
            // youth league: 4/5, more than [D]
            {"league", 10, 8, false, 9},
            {"league", 10, 9, true, 9},
            // women's federation: more than half; exactly half does not pass
            {"women", 10, 5, false, 6},
            {"women", 10, 6, true, 6},
            {"women", 11, 5, false, 6},
            {"women", 11, 6, true, 6},
            {"women", 2, 1, false, 2},
        });
    }

    private final String kind;
    private final int expected;
    private final int present;
    private final boolean passes;
    private final int minimum;

    public QuorumTest(String kind, int expected, int present, boolean passes, int minimum) {
        this.kind = kind;
        this.expected = expected;
        this.present = present;
        this.passes = passes;
        this.minimum = minimum;
    }

    private RuleSet rules() {
        return switch (kind) {
            case "party" -> PARTY;
            case "union" -> UNION;
            case "league" -> LEAGUE;
            default -> WOMEN;
        };
    }

    @Test
    public void boundary() {
        for (QuorumBase base : QuorumBase.values()) {
            RuleCheck c = ElectionRules.quorum(quorumBase(rules(), base), expected, 0, present);
            assertEquals(base + ": " + zh(c.message()), passes, c.passed());
            assertEquals(base.name(), minimum, c.required());
            assertEquals(present, c.actual());
            assertEquals("quorum", c.rule());
        }
    }
}
