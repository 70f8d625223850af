package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.PoliticalStatus;

import org.junit.Test;

/** Seat reduction, branch structure, term and timing, eligibility, proxies. */
public class OtherRulesTest {

    @Test
    public void seatReductionNeedsMoreThanHalf() {
        assertFalse(ElectionRules.seatReduction(30, 15).passed());
        assertTrue(ElectionRules.seatReduction(30, 16).passed());
        assertFalse(ElectionRules.seatReduction(31, 15).passed());
        assertTrue(ElectionRules.seatReduction(31, 16).passed());
        assertFalse(ElectionRules.seatReduction(30, 31).passed());
        assertFalse(ElectionRules.seatReduction(0, 0).passed());
        assertEquals("减少名额须经超过半数的选举人同意：实到会选举人 30 人，同意 15 人，至少须 16 人。",
                zh(ElectionRules.seatReduction(30, 15).message()));
    }

    @Test
    public void branchStructure() {
        RuleCheck six = ElectionRules.committeeStructure(PARTY, 6, 3);
        assertFalse(six.passed());
        assertEquals("正式党员不足 7 人的党支部不设支部委员会（现有正式党员 6 人），由党员大会选举书记，必要时选举副书记。", zh(six.message()));
        assertTrue(ElectionRules.committeeStructure(PARTY, 7, 3).passed());
        assertFalse(ElectionRules.committeeStructure(PARTY, 7, 2).passed());
        assertTrue(ElectionRules.committeeStructure(PARTY, 30, 7).passed());
        RuleCheck eight = ElectionRules.committeeStructure(PARTY, 30, 8);
        assertFalse(eight.passed());
        assertEquals("支部委员会委员应为 3 至 7 人，方案为 8 人。", zh(eight.message()));
        assertTrue(ElectionRules.committeeStructure(UNION, 2, 15).passed());
    }

    @Test
    public void termStatusBoundaries() {
        LocalDate last = LocalDate.of(2017, 3, 2);
        assertEquals(LocalDate.of(2020, 3, 2), ElectionRules.termEnds(PARTY, last));
        assertEquals(TermStatus.CURRENT, ElectionRules.termStatus(PARTY, last, LocalDate.of(2019, 9, 1)));
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, last, LocalDate.of(2019, 9, 2)));
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, last, LocalDate.of(2020, 3, 2)));
        assertEquals(TermStatus.OVERDUE, ElectionRules.termStatus(PARTY, last, LocalDate.of(2020, 3, 3)));
        assertEquals(TermStatus.UNKNOWN, ElectionRules.termStatus(PARTY, null, LocalDate.of(2020, 3, 3)));
        assertEquals(LocalDate.of(2022, 3, 2), ElectionRules.termEnds(UNION, last)); // 5 years [D]
    }

    @Test
    public void advancingOrDelayingAtMostOneYear() {
        LocalDate last = LocalDate.of(2017, 3, 2);
        assertEquals(Timing.ON_TIME, ElectionRules.timing(PARTY, last, LocalDate.of(2020, 3, 2)));
        assertEquals(Timing.DELAYED, ElectionRules.timing(PARTY, last, LocalDate.of(2020, 3, 3)));
        assertEquals(Timing.ON_TIME, ElectionRules.timing(PARTY, last, LocalDate.of(2019, 9, 2)));
        assertEquals(Timing.ADVANCED, ElectionRules.timing(PARTY, last, LocalDate.of(2019, 9, 1)));
        assertTrue(ElectionRules.timingLimit(PARTY, last, LocalDate.of(2021, 3, 2)).passed());
        RuleCheck late = ElectionRules.timingLimit(PARTY, last, LocalDate.of(2021, 3, 3));
        assertFalse(late.passed());
        assertEquals("延期换届最长 12 个月：任期届满日 2020-03-02，最迟 2021-03-02，计划日期 2021-03-03。", zh(late.message()));
        assertTrue(ElectionRules.timingLimit(PARTY, last, LocalDate.of(2019, 3, 2)).passed());
        assertFalse(ElectionRules.timingLimit(PARTY, last, LocalDate.of(2019, 3, 1)).passed());
        assertTrue(ElectionRules.timingLimit(PARTY, null, LocalDate.of(2000, 1, 1)).passed());
    }

    @Test
    public void onlyFullMembersVoteInPartyElections() {
        assertNull(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.FULL_MEMBER, Gender.MALE, false));
        assertEquals("只有正式党员有表决权、选举权和被选举权（此人为预备党员）。",
                zh(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.PROBATIONARY_MEMBER, Gender.MALE, false)));
        assertNotNull(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.MASSES, Gender.MALE, false));
        assertNotNull(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.FULL_MEMBER, Gender.MALE, true));
        assertNotNull(ElectionRules.ineligibility(OrgKind.WOMENS_FEDERATION, PoliticalStatus.MASSES, Gender.MALE, false));
        assertNull(ElectionRules.ineligibility(OrgKind.WOMENS_FEDERATION, PoliticalStatus.MASSES, Gender.FEMALE, false));
        assertNull(ElectionRules.ineligibility(OrgKind.TRADE_UNION, PoliticalStatus.MASSES, Gender.MALE, false));
    }

    @Test
    public void noProxiesByDefault() {
        for (OrgKind k : OrgKind.values()) {
            assertFalse(ElectionRules.proxy(RuleSet.defaults(k)).passed());
        }
        assertEquals("共青团选举不得委托投票。", zh(ElectionRules.proxy(LEAGUE).message()));
    }
}
