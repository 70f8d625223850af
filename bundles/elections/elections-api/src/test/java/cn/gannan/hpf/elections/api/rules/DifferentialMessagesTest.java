package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The differential refusal in the exact words of the brief; equal votes where allowed; no seats. */
public class DifferentialMessagesTest {

    @Test
    public void sevenSeatsEightCandidates() {
        RuleCheck c = ElectionRules.candidates(PARTY, ContestKind.COMMITTEE, 7, 8);
        assertFalse(c.passed());
        assertEquals("differential", c.rule());
        assertEquals(9, c.required());
        assertEquals(8, c.actual());
        assertEquals("差额不足：应选 7 人，候选人至少 9 人，现有 8 人", zh(c.message()));
    }

    @Test
    public void passedCheckStillSaysWhy() {
        RuleCheck c = ElectionRules.candidates(PARTY, ContestKind.COMMITTEE, 5, 6);
        assertTrue(c.passed());
        assertEquals("差额符合规定：应选 5 人，候选人至少 6 人（差额比例不少于 20%，向上取整），现有 6 人。", zh(c.message()));
        assertEquals("差额符合规定：应选 5 人，候选人至少 6 人（差额比例不少于 5%，向上取整），现有 6 人。",
                zh(ElectionRules.candidates(UNION, ContestKind.COMMITTEE, 5, 6).message()));
    }

    @Test
    public void committeeNeverAsManyCandidatesAsSeats() {
        assertFalse(ElectionRules.candidates(PARTY, ContestKind.COMMITTEE, 5, 5).passed());
        assertFalse(ElectionRules.candidates(UNION, ContestKind.COMMITTEE, 5, 5).passed());
    }

    @Test
    public void postsMayBeEqualButNotShort() {
        assertTrue(ElectionRules.candidates(PARTY, ContestKind.POSTS, 2, 2).passed());
        RuleCheck c = ElectionRules.candidates(PARTY, ContestKind.POSTS, 2, 1);
        assertFalse(c.passed());
        assertEquals("候选人不足：应选 2 人，候选人至少 2 人，现有 1 人", zh(c.message()));
    }

    @Test
    public void unionAuditCommitteeMayBeEqualPartyNot() {
        assertTrue(ElectionRules.candidates(UNION, ContestKind.AUDIT_COMMITTEE, 3, 3).passed());
        assertFalse(ElectionRules.candidates(PARTY, ContestKind.AUDIT_COMMITTEE, 3, 3).passed());
    }

    @Test
    public void noSeatsIsRefused() {
        RuleCheck c = ElectionRules.candidates(PARTY, ContestKind.COMMITTEE, 0, 3);
        assertFalse(c.passed());
        assertEquals("应选名额须至少 1 人（现为 0 人）。", zh(c.message()));
    }
}
