package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The election majority: fraction, base (present or expected), exactly half. */
@RunWith(Parameterized.class)
public class MajorityTest {

    @Parameters(name = "{0}: present {1}, expected {2}, approvals {3} -> {4} (min {5})")
    public static Collection<Object[]> cases() {
        return Arrays.asList(new Object[][] {
            // party: more than half of voters present; exactly half is not elected
            {"party", 30, 40, 15, false, 16},
            {"party", 30, 40, 16, true, 16},
            {"party", 31, 40, 15, false, 16},
            {"party", 31, 40, 16, true, 16},
            {"party", 1, 1, 1, true, 1},
            {"party", 1, 1, 0, false, 1},
            // union: more than half of those EXPECTED, not of those present
            {"union", 30, 40, 20, false, 21},  // 20 is more than half of the 30 present, still not elected
            {"union", 30, 40, 21, true, 21},
            {"union", 30, 41, 20, false, 21},
            {"union", 30, 41, 21, true, 21},
            // league: of those present
            {"league", 30, 40, 15, false, 16},
            {"league", 30, 40, 16, true, 16},
            // women: of those expected
            {"women", 30, 40, 20, false, 21},
            {"women", 30, 40, 21, true, 21},
        });
    }

    private final String kind;
    private final int present;
    private final int expected;
    private final int approvals;
    private final boolean elected;
    private final int minimum;

    public MajorityTest(String kind, int present, int expected, int approvals, boolean elected, int minimum) {
        this.kind = kind;
        this.present = present;
        this.expected = expected;
        this.approvals = approvals;
        this.elected = elected;
        this.minimum = minimum;
    }

    @Test
    public void boundary() {
        RuleSet rs = DifferentialTest.rules(kind);
        RuleCheck c = ElectionRules.majority(rs, approvals, present, expected);
        assertEquals(zh(c.message()), elected, c.passed());
        assertEquals(minimum, ElectionRules.majorityRequired(rs, present, expected));
    }

    @Test
    public void messages() {
        assertEquals("赞成 15 票，未达到规定（当选须获赞成票超过实到会有选举权人数 30 人的 1/2，即至少 16 票），不能当选。",
                zh(ElectionRules.majority(PARTY, 15, 30, 40).message()));
        assertEquals("赞成 20 票，未达到规定（当选须获赞成票超过应到会人数 40 人的 1/2，即至少 21 票），不能当选。",
                zh(ElectionRules.majority(UNION, 20, 30, 40).message()));
    }
}
