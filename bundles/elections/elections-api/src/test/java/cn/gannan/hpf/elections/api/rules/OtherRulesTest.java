package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.core.api.OrgUnitType.BRANCH;
import static cn.gannan.hpf.core.api.OrgUnitType.GENERAL_BRANCH;
import static cn.gannan.hpf.core.api.OrgUnitType.PRIMARY_COMMITTEE;
import static cn.gannan.hpf.core.api.OrgUnitType.TRADE_UNION;
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
        assertEquals(LocalDate.of(2020, 3, 2), ElectionRules.termEnds(PARTY, BRANCH, last));
        assertEquals(LocalDate.of(2020, 3, 2), ElectionRules.termEnds(PARTY, GENERAL_BRANCH, last));
        assertEquals(TermStatus.CURRENT, ElectionRules.termStatus(PARTY, BRANCH, last, LocalDate.of(2019, 9, 1)));
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, BRANCH, last, LocalDate.of(2019, 9, 2)));
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, BRANCH, last, LocalDate.of(2020, 3, 2)));
        assertEquals(TermStatus.OVERDUE, ElectionRules.termStatus(PARTY, BRANCH, last, LocalDate.of(2020, 3, 3)));
        assertEquals(TermStatus.UNKNOWN, ElectionRules.termStatus(PARTY, BRANCH, null, LocalDate.of(2020, 3, 3)));
        assertEquals(LocalDate.of(2022, 3, 2), ElectionRules.termEnds(UNION, TRADE_UNION, last)); // 5 years [D]
        assertEquals(LocalDate.of(2020, 3, 2), ElectionRules.termEnds(PARTY, null, last)); // body unknown: the kind's term
    }

    @Test
    public void aPrimaryLevelCommitteeServesFiveYearsABranchThree() {
        LocalDate last = LocalDate.of(2017, 3, 2);
        assertEquals(5, PARTY.termYearsFor(PRIMARY_COMMITTEE));
        assertEquals(3, PARTY.termYearsFor(BRANCH));
        assertEquals(LocalDate.of(2022, 3, 2), ElectionRules.termEnds(PARTY, PRIMARY_COMMITTEE, last));
        // the day after a branch's term ends the committee is still in its term
        assertEquals(TermStatus.OVERDUE, ElectionRules.termStatus(PARTY, BRANCH, last, LocalDate.of(2020, 3, 3)));
        assertEquals(TermStatus.CURRENT, ElectionRules.termStatus(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2020, 3, 3)));
        assertEquals(TermStatus.CURRENT, ElectionRules.termStatus(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2021, 9, 1)));
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2021, 9, 2)));
        assertEquals(TermStatus.DUE_SOON, ElectionRules.termStatus(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2022, 3, 2)));
        assertEquals(TermStatus.OVERDUE, ElectionRules.termStatus(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2022, 3, 3)));
        assertEquals(Timing.ON_TIME, ElectionRules.timing(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2022, 3, 2)));
        assertEquals(Timing.DELAYED, ElectionRules.timing(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2022, 3, 3)));
        assertEquals(Timing.ADVANCED, ElectionRules.timing(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2021, 9, 1)));
        assertEquals(Timing.DELAYED, ElectionRules.timing(PARTY, BRANCH, last, LocalDate.of(2021, 9, 1)));
        // at most one year either side of the five-year term: exactly one year passes, a day more is refused
        assertTrue(ElectionRules.timingLimit(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2023, 3, 2)).passed());
        RuleCheck late = ElectionRules.timingLimit(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2023, 3, 3));
        assertFalse(late.passed());
        assertEquals("延期换届最长 12 个月：任期届满日 2022-03-02（党的基层委员会（机关党委）任期 5 年），最迟 2023-03-02，计划日期 2023-03-03。",
                zh(late.message()));
        assertEquals("An election may be delayed by at most 12 months: the term ends 2022-03-02 (Primary-level party committee"
                + " (机关党委): term of 5 years), latest 2023-03-02, planned 2023-03-03.", en(late.message()));
        assertTrue(ElectionRules.timingLimit(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2021, 3, 2)).passed());
        RuleCheck early = ElectionRules.timingLimit(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2021, 3, 1));
        assertFalse(early.passed());
        assertEquals("提前换届最长 12 个月：任期届满日 2022-03-02（党的基层委员会（机关党委）任期 5 年），最早 2021-03-02，计划日期 2021-03-01。",
                zh(early.message()));
        // a branch planned for that day would be refused (a year and a day after its 3-year term)
        assertFalse(ElectionRules.timingLimit(PARTY, BRANCH, last, LocalDate.of(2021, 3, 3)).passed());
    }

    @Test
    public void advancingOrDelayingAtMostOneYear() {
        LocalDate last = LocalDate.of(2017, 3, 2);
        assertEquals(Timing.ON_TIME, ElectionRules.timing(PARTY, BRANCH, last, LocalDate.of(2020, 3, 2)));
        assertEquals(Timing.DELAYED, ElectionRules.timing(PARTY, BRANCH, last, LocalDate.of(2020, 3, 3)));
        assertEquals(Timing.ON_TIME, ElectionRules.timing(PARTY, BRANCH, last, LocalDate.of(2019, 9, 2)));
        assertEquals(Timing.ADVANCED, ElectionRules.timing(PARTY, BRANCH, last, LocalDate.of(2019, 9, 1)));
        assertTrue(ElectionRules.timingLimit(PARTY, BRANCH, last, LocalDate.of(2021, 3, 2)).passed());
        RuleCheck late = ElectionRules.timingLimit(PARTY, BRANCH, last, LocalDate.of(2021, 3, 3));
        assertFalse(late.passed());
        assertEquals("延期换届最长 12 个月：任期届满日 2020-03-02（党支部任期 3 年），最迟 2021-03-02，计划日期 2021-03-03。", zh(late.message()));
        assertTrue(ElectionRules.timingLimit(PARTY, BRANCH, last, LocalDate.of(2019, 3, 2)).passed());
        assertFalse(ElectionRules.timingLimit(PARTY, BRANCH, last, LocalDate.of(2019, 3, 1)).passed());
        assertTrue(ElectionRules.timingLimit(PARTY, BRANCH, null, LocalDate.of(2000, 1, 1)).passed());
        // elected on 29 February 2020: the term ends on 28 February 2023, a year later is 28 February 2024, not the 29th
        LocalDate leap = LocalDate.of(2020, 2, 29);
        assertEquals(LocalDate.of(2023, 2, 28), ElectionRules.termEnds(PARTY, BRANCH, leap));
        assertTrue(ElectionRules.timingLimit(PARTY, BRANCH, leap, LocalDate.of(2024, 2, 28)).passed());
        assertFalse(ElectionRules.timingLimit(PARTY, BRANCH, leap, LocalDate.of(2024, 2, 29)).passed());
        assertEquals("任期届满日 2020-03-02（党支部任期 3 年）：延期换届。",
                zh(ElectionRules.timingLimit(PARTY, BRANCH, last, LocalDate.of(2021, 3, 2)).message()));
    }

    @Test
    public void advancingOrDelayingNeedsTheSuperiorsApproval() {
        LocalDate last = LocalDate.of(2017, 3, 2);
        RuleCheck onTime = ElectionRules.timingApproval(PARTY, BRANCH, last, LocalDate.of(2020, 3, 2), null);
        assertTrue(onTime.passed());
        assertEquals("按期换届，不涉及提前或延期换届的批准。", zh(onTime.message()));
        RuleCheck delayed = ElectionRules.timingApproval(PARTY, BRANCH, last, LocalDate.of(2020, 4, 1), null);
        assertFalse(delayed.passed());
        assertEquals("延期换届须经上级批准：任期届满日 2020-03-02，计划日期 2020-04-01，相差 30 天；上级批复记录前不能投票。",
                zh(delayed.message()));
        RuleCheck approved = ElectionRules.timingApproval(PARTY, BRANCH, last, LocalDate.of(2020, 4, 1),
                "州直工委，2020-02-20，州直工委〔2020〕3号");
        assertTrue(approved.passed());
        assertEquals("延期换届已经上级批准：任期届满日 2020-03-02，计划日期 2020-04-01，相差 30 天；批准：州直工委，2020-02-20，"
                + "州直工委〔2020〕3号。", zh(approved.message()));
        assertFalse(ElectionRules.timingApproval(PARTY, BRANCH, last, LocalDate.of(2019, 9, 1), " ").passed()); // advanced
        // the same day is on time for a 5-year committee: nothing to approve
        assertTrue(ElectionRules.timingApproval(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2022, 3, 2), null).passed());
        assertFalse(ElectionRules.timingApproval(PARTY, PRIMARY_COMMITTEE, last, LocalDate.of(2022, 3, 3), null).passed());
    }

    @Test
    public void onlyFullMembersVoteInPartyElections() {
        LocalDate day = LocalDate.of(2017, 3, 2);
        assertNull(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.FULL_MEMBER, Gender.MALE, day));
        assertEquals("只有正式党员有表决权、选举权和被选举权（此人在选举日 2017-03-02 为预备党员）。",
                zh(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.PROBATIONARY_MEMBER, Gender.MALE, day)));
        assertEquals("受留党察看处分的党员在察看期间没有表决权、选举权和被选举权，不计入选举人，也不能作为候选人（此人在选举日 2017-03-02"
                + " 处于留党察看期间）。", zh(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.PARTY_PROBATION, Gender.MALE, day)));
        assertTrue(en(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.PARTY_PROBATION, Gender.MALE, day))
                .startsWith("A member under probation within the party (留党察看) has no right to vote, elect or stand"));
        assertNotNull(ElectionRules.ineligibility(OrgKind.PARTY, PoliticalStatus.MASSES, Gender.MALE, day));
        assertNotNull(ElectionRules.ineligibility(OrgKind.PARTY, null, Gender.MALE, day));
        // 留党察看 is party discipline: the same member votes in the trade union
        assertNull(ElectionRules.ineligibility(OrgKind.TRADE_UNION, PoliticalStatus.PARTY_PROBATION, Gender.MALE, day));
        assertNotNull(ElectionRules.ineligibility(OrgKind.WOMENS_FEDERATION, PoliticalStatus.MASSES, Gender.MALE, day));
        assertNull(ElectionRules.ineligibility(OrgKind.WOMENS_FEDERATION, PoliticalStatus.MASSES, Gender.FEMALE, day));
        assertNull(ElectionRules.ineligibility(OrgKind.TRADE_UNION, PoliticalStatus.MASSES, Gender.MALE, day));
    }

    @Test
    public void noProxiesByDefault() {
        for (OrgKind k : OrgKind.values()) {
            assertFalse(ElectionRules.proxy(RuleSet.defaults(k)).passed());
        }
        assertEquals("共青团选举不得委托投票。", zh(ElectionRules.proxy(LEAGUE).message()));
    }
}
