package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The quorum base with excused voters: those expected to attend (应到会 = entitled less excused, the shipped
 * default) or everyone entitled (有选举权的全体人数). Exactly at the fraction under each base, strict (超过) and
 * not (不少于), and the counts that pass under one base and fail under the other.
 */
@RunWith(Parameterized.class)
public class QuorumBaseTest {

    private static final QuorumBase EXP = QuorumBase.EXPECTED;
    private static final QuorumBase ALL = QuorumBase.ENTITLED;
    private static final Fraction FOUR_FIFTHS = Fraction.of(4, 5);
    private static final Fraction TWO_THIRDS = Fraction.of(2, 3);

    @Parameters(name = "{0} {1} {2} {3}: entitled {4}, excused {5}, present {6} -> {7} (min {8})")
    public static Collection<Object[]> cases() {
        Comparison more = Comparison.MORE_THAN;
        Comparison least = Comparison.AT_LEAST;
        return Arrays.asList(new Object[][] {
            // party, more than 4/5. 20 entitled, 2 excused: 18 expected (4/5 = 14.4), 20 entitled (4/5 = 16)
            {"party", FOUR_FIFTHS, more, EXP, 20, 2, 14, false, 15},
            {"party", FOUR_FIFTHS, more, EXP, 20, 2, 15, true, 15},
            {"party", FOUR_FIFTHS, more, ALL, 20, 2, 15, false, 17},   // passes against those expected, not against all
            {"party", FOUR_FIFTHS, more, ALL, 20, 2, 16, false, 17},   // exactly 4/5 of the entitled
            {"party", FOUR_FIFTHS, more, ALL, 20, 2, 17, true, 17},
            // exactly 4/5 of those expected: 12 entitled, 2 excused, 10 expected
            {"party", FOUR_FIFTHS, more, EXP, 12, 2, 8, false, 9},
            {"party", FOUR_FIFTHS, more, EXP, 12, 2, 9, true, 9},
            {"party", FOUR_FIFTHS, more, ALL, 12, 2, 9, false, 10},    // 4/5 of 12 = 9.6
            {"party", FOUR_FIFTHS, more, ALL, 12, 2, 10, true, 10},    // everyone expected is there
            // exactly 4/5 of the entitled: 10 entitled, 1 excused
            {"party", FOUR_FIFTHS, more, ALL, 10, 1, 8, false, 9},
            {"party", FOUR_FIFTHS, more, ALL, 10, 1, 9, true, 9},
            {"party", FOUR_FIFTHS, more, EXP, 10, 1, 8, true, 8},      // 4/5 of 9 = 7.2
            // against all the entitled, too many excused: unreachable even with everyone expected present
            {"party", FOUR_FIFTHS, more, ALL, 10, 3, 7, false, 9},
            {"party", FOUR_FIFTHS, more, EXP, 10, 3, 7, true, 6},
            // at least 4/5 (not strict): exactly at the fraction passes under either base
            {"party", FOUR_FIFTHS, least, EXP, 11, 1, 8, true, 8},     // 4/5 of 10 = 8
            {"party", FOUR_FIFTHS, least, EXP, 11, 1, 7, false, 8},
            {"party", FOUR_FIFTHS, least, ALL, 11, 1, 8, false, 9},    // 4/5 of 11 = 8.8
            {"party", FOUR_FIFTHS, least, ALL, 10, 1, 8, true, 8},     // 4/5 of 10 = 8
            {"party", FOUR_FIFTHS, least, ALL, 10, 1, 7, false, 8},
            // trade union, at least 2/3. 33 entitled, 3 excused: 30 expected (2/3 = 20), 33 entitled (2/3 = 22)
            {"union", TWO_THIRDS, least, EXP, 33, 3, 20, true, 20},
            {"union", TWO_THIRDS, least, EXP, 33, 3, 19, false, 20},
            {"union", TWO_THIRDS, least, ALL, 33, 3, 20, false, 22},
            {"union", TWO_THIRDS, least, ALL, 33, 3, 21, false, 22},
            {"union", TWO_THIRDS, least, ALL, 33, 3, 22, true, 22},
            // the same with more than 2/3 (strict): exactly 2/3 fails under either base
            {"union", TWO_THIRDS, more, EXP, 33, 3, 20, false, 21},
            {"union", TWO_THIRDS, more, EXP, 33, 3, 21, true, 21},
            {"union", TWO_THIRDS, more, ALL, 33, 3, 22, false, 23},
            {"union", TWO_THIRDS, more, ALL, 33, 3, 23, true, 23},
            // women's federation, more than half. 12 entitled, 2 excused: 10 expected
            {"women", Fraction.of(1, 2), more, EXP, 12, 2, 5, false, 6},
            {"women", Fraction.of(1, 2), more, EXP, 12, 2, 6, true, 6},
            {"women", Fraction.of(1, 2), more, ALL, 12, 2, 6, false, 7},
            {"women", Fraction.of(1, 2), more, ALL, 12, 2, 7, true, 7},
        });
    }

    private final String kind;
    private final Fraction quorum;
    private final Comparison comparison;
    private final QuorumBase base;
    private final int entitled;
    private final int excused;
    private final int present;
    private final boolean passes;
    private final int minimum;

    public QuorumBaseTest(String kind, Fraction quorum, Comparison comparison, QuorumBase base, int entitled, int excused,
            int present, boolean passes, int minimum) {
        this.kind = kind;
        this.quorum = quorum;
        this.comparison = comparison;
        this.base = base;
        this.entitled = entitled;
        this.excused = excused;
        this.present = present;
        this.passes = passes;
        this.minimum = minimum;
    }

    private RuleSet rules() {
        RuleSet shipped = switch (kind) {
            case "party" -> PARTY;
            case "union" -> UNION;
            default -> WOMEN;
        };
        return quorumRule(shipped, quorum, comparison, base);
    }

    @Test
    public void boundary() {
        RuleCheck c = ElectionRules.quorum(rules(), entitled, excused, present);
        String zh = zh(c.message());
        assertEquals(zh, passes, c.passed());
        assertEquals(zh, minimum, c.required());
        assertEquals(present, c.actual());
        assertEquals("quorum", c.rule());
        // the message names the base, its numbers and the rule
        String rule = "须" + (comparison == Comparison.MORE_THAN ? "超过" : "不少于")
                + (base == QuorumBase.EXPECTED ? "应到会人数" : "有选举权的全体人数") + "的 " + quorum + "，至少 " + minimum + " 人";
        assertTrue(zh, zh.contains(rule));
        assertTrue(zh, zh.contains("实到 " + present + " 人"));
        assertTrue(zh, zh.contains(base == QuorumBase.EXPECTED
                ? "应到会 " + (entitled - excused) + " 人（有选举权 " + entitled + " 人，不计入应到会 " + excused + " 人）"
                : "有选举权的 " + entitled + " 人（含不计入应到会的 " + excused + " 人，应到会 " + (entitled - excused) + " 人）"));
        assertTrue(zh, zh.startsWith(passes ? "到会人数符合规定：" : "到会人数不足："));
    }
}
