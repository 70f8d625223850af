package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** The quorum refusal names the rule, the base and the numbers, in both languages; odd inputs never pass. */
public class QuorumMessagesTest {

    @Test
    public void refusalNamesTheNumbers() {
        RuleCheck c = ElectionRules.quorum(PARTY, 50, 0, 40);
        assertEquals("到会人数不足：应到会 50 人（有选举权 50 人，不计入应到会 0 人），实到 40 人，须超过应到会人数的 4/5，至少 41 人，不能进行选举。",
                zh(c.message()));
        assertEquals("Quorum not reached: 50 expected (50 entitled, 0 excused), 40 present; needs more than 4/5 of those expected"
                + " to attend, at least 41. No vote can be held.", en(c.message()));
        RuleCheck.RuleViolationException e = assertThrows(RuleCheck.RuleViolationException.class, c::orThrow);
        assertEquals("quorum", e.rule());
        assertEquals(422, e.httpStatus());
    }

    @Test
    public void unionSaysAtLeast() {
        assertEquals("到会人数符合规定：应到会 30 人（有选举权 33 人，不计入应到会 3 人），实到 20 人，须不少于应到会人数的 2/3，至少 20 人。",
                zh(ElectionRules.quorum(UNION, 33, 3, 20).message()));
    }

    @Test
    public void entitledBaseSaysSo() {
        RuleSet all = quorumBase(PARTY, QuorumBase.ENTITLED);
        RuleCheck c = ElectionRules.quorum(all, 20, 2, 16);
        assertEquals("到会人数不足：有选举权的 20 人（含不计入应到会的 2 人，应到会 18 人），实到 16 人，须超过有选举权的全体人数的 4/5，"
                + "至少 17 人，不能进行选举。", zh(c.message()));
        assertEquals("Quorum not reached: 20 entitled (2 of them excused, 18 expected), 16 present; needs more than 4/5 of all those"
                + " entitled to vote, at least 17. No vote can be held.", en(c.message()));
        // the same roll against those expected passes: 16 of 18 is more than 4/5
        assertEquals("到会人数符合规定：应到会 18 人（有选举权 20 人，不计入应到会 2 人），实到 16 人，须超过应到会人数的 4/5，至少 15 人。",
                zh(ElectionRules.quorum(PARTY, 20, 2, 16).message()));
    }

    @Test
    public void nobodyExpectedNeverPasses() {
        RuleCheck c = ElectionRules.quorum(UNION, 0, 0, 0);
        assertFalse(c.passed());
        assertEquals("没有应到会的选举人（应到会 0 人），不能进行选举。", zh(c.message()));
        // everyone excused: nobody can attend, whatever the base
        RuleCheck allExcused = ElectionRules.quorum(quorumBase(UNION, QuorumBase.ENTITLED), 3, 3, 0);
        assertFalse(allExcused.passed());
        assertEquals("没有应到会的选举人（应到会 0 人），不能进行选举。", zh(allExcused.message()));
    }

    @Test
    public void morePresentThanExpectedIsRefused() {
        RuleCheck c = ElectionRules.quorum(PARTY, 10, 0, 11);
        assertFalse(c.passed());
        assertEquals("实到 11 人，多于应到会 10 人，请核对签到和请假记录。", zh(c.message()));
        // an excused voter cannot also be present: 10 entitled, 2 excused, 9 present is refused under either base
        RuleCheck all = ElectionRules.quorum(quorumBase(PARTY, QuorumBase.ENTITLED), 10, 2, 9);
        assertFalse(all.passed());
        assertEquals("实到 9 人，多于应到会 8 人，请核对签到和请假记录。", zh(all.message()));
    }
}
