package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** The quorum refusal names the rule with the numbers, in both languages; odd inputs never pass. */
public class QuorumMessagesTest {

    @Test
    public void refusalNamesTheNumbers() {
        RuleCheck c = ElectionRules.quorum(PARTY, 50, 40);
        assertEquals("到会人数不足：应到会 50 人，实到 40 人，须超过应到会人数的 4/5，至少 41 人，不能进行选举。", zh(c.message()));
        assertEquals("Quorum not reached: 50 expected, 40 present; needs more than 4/5 of those expected, at least 41. No vote can be held.",
                en(c.message()));
        RuleCheck.RuleViolationException e = assertThrows(RuleCheck.RuleViolationException.class, c::orThrow);
        assertEquals("quorum", e.rule());
        assertEquals(422, e.httpStatus());
    }

    @Test
    public void unionSaysAtLeast() {
        assertEquals("到会人数符合规定：应到会 30 人，实到 20 人，须不少于应到会人数的 2/3，至少 20 人。",
                zh(ElectionRules.quorum(UNION, 30, 20).message()));
    }

    @Test
    public void nobodyExpectedNeverPasses() {
        RuleCheck c = ElectionRules.quorum(UNION, 0, 0);
        assertFalse(c.passed());
        assertEquals("没有应到会的选举人（应到会 0 人），不能进行选举。", zh(c.message()));
    }

    @Test
    public void morePresentThanExpectedIsRefused() {
        RuleCheck c = ElectionRules.quorum(PARTY, 10, 11);
        assertFalse(c.passed());
        assertEquals("实到 11 人，多于应到会 10 人，请核对签到和请假记录。", zh(c.message()));
    }
}
