package cn.gannan.hpf.elections.api.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import cn.gannan.hpf.core.api.OrgUnitType;

import org.junit.Test;

/** The shipped defaults as RULES.md §1–2 states them; editing is validated; fractions are exact. */
public class RuleSetTest {

    @Test
    public void partyDefaults() {
        RuleSet p = RuleSet.defaults(OrgKind.PARTY);
        assertEquals(Fraction.of(4, 5), p.quorum());
        assertEquals(Comparison.MORE_THAN, p.quorumComparison());
        assertEquals(QuorumBase.EXPECTED, p.quorumBase());
        assertEquals(Fraction.of(1, 5), p.differentialRatio());
        assertEquals(Rounding.UP, p.differentialRounding());
        assertTrue(p.differentialMoreThanSeats());
        assertEquals(Fraction.of(1, 2), p.majority());
        assertEquals(Comparison.MORE_THAN, p.majorityComparison());
        assertEquals(MajorityBase.PRESENT, p.majorityBase());
        assertEquals(WriteIns.ON_DISAPPROVAL, p.writeIns());
        assertEquals(3, p.termYears());
        assertEquals(5, p.primaryCommitteeTermYears());
        assertEquals(3, p.termYearsFor(OrgUnitType.GENERAL_BRANCH));
        assertEquals(3, p.termYearsFor(OrgUnitType.BRANCH));
        assertEquals(5, p.termYearsFor(OrgUnitType.PRIMARY_COMMITTEE));
        assertEquals(12, p.maxDeviationMonths());
        assertEquals(7, p.committeeMinMembers());
        assertEquals(3, p.committeeMinSeats());
        assertEquals(7, p.committeeMaxSeats());
        assertTrue(p.excusalNeedsApproval());
        assertEquals(1, p.version());
        assertTrue(p.problems().isEmpty());
    }

    @Test
    public void massOrganisationDefaults() {
        RuleSet u = RuleSet.defaults(OrgKind.TRADE_UNION);
        assertEquals(Fraction.of(2, 3), u.quorum());
        assertEquals(Comparison.AT_LEAST, u.quorumComparison());
        assertEquals(MajorityBase.EXPECTED, u.majorityBase());
        assertEquals(false, u.auditCommitteeDifferential());
        RuleSet l = RuleSet.defaults(OrgKind.YOUTH_LEAGUE);
        assertEquals(Fraction.of(4, 5), l.quorum());
        assertEquals(MajorityBase.PRESENT, l.majorityBase());
        assertEquals(false, l.proxiesAllowed());
        assertEquals(3, l.termYears());
        assertEquals(Fraction.of(1, 5), l.differentialRatio());
        RuleSet w = RuleSet.defaults(OrgKind.WOMENS_FEDERATION);
        assertEquals(Fraction.of(1, 2), w.quorum());
        assertEquals(Comparison.MORE_THAN, w.quorumComparison());
        assertEquals(MajorityBase.EXPECTED, w.majorityBase());
        assertTrue(w.overApprovalInvalid());
        for (OrgKind k : OrgKind.values()) {
            assertTrue(k.name(), RuleSet.defaults(k).problems().isEmpty());
            // RULES.md §1–2: every kind counts its quorum against those expected to attend (应到会)
            assertEquals(k.name(), QuorumBase.EXPECTED, RuleSet.defaults(k).quorumBase());
            assertEquals(k.name(), QuorumBase.EXPECTED, RuleSet.defaults(k).withVersion(4).quorumBase());
        }
    }

    @Test
    public void badEditsAreAllReported() {
        RuleSet p = RuleSet.defaults(OrgKind.PARTY);
        RuleSet bad = new RuleSet(p.kind(), 2, Fraction.of(6, 5), null, null, Fraction.of(3, 2), Rounding.UP, true, true,
                Fraction.of(0, 2), Comparison.MORE_THAN, null, true, WriteIns.NONE, false, 0, 0, 30, 6, true, 7, 9, 7);
        var problems = bad.problems();
        assertEquals(java.util.Set.of("quorum", "quorumComparison", "quorumBase", "differentialRatio", "majority", "majorityBase",
                "termYears", "primaryCommitteeTermYears", "maxDeviationMonths", "committeeMaxSeats"), problems.keySet());
        // the other kinds have no primary-level committee: 0 is their value
        RuleSet u = RuleSet.defaults(OrgKind.TRADE_UNION);
        assertEquals(0, u.primaryCommitteeTermYears());
        assertEquals(5, u.termYearsFor(OrgUnitType.PRIMARY_COMMITTEE));
        assertTrue(u.problems().isEmpty());
    }

    @Test
    public void orgUnitTypesThatElect() {
        assertEquals(OrgKind.PARTY, OrgKind.of(OrgUnitType.BRANCH));
        assertEquals(OrgKind.PARTY, OrgKind.of(OrgUnitType.GENERAL_BRANCH));
        assertEquals(OrgKind.PARTY, OrgKind.of(OrgUnitType.PRIMARY_COMMITTEE));
        assertEquals(null, OrgKind.of(OrgUnitType.PARTY_GROUP)); // appointed, not elected
        assertEquals(null, OrgKind.of(OrgUnitType.SECTION));
        assertEquals(OrgKind.WOMENS_FEDERATION, OrgKind.of(OrgUnitType.WOMENS_FEDERATION));
    }

    @Test
    public void fractionMinimumIsExactForEveryBase() {
        Fraction[] fs = {Fraction.of(4, 5), Fraction.of(2, 3), Fraction.of(1, 2), Fraction.of(3, 4), Fraction.of(1, 1)};
        for (Fraction f : fs) {
            for (Comparison c : Comparison.values()) {
                for (long base = 1; base <= 300; base++) {
                    long min = f.minimum(base, c);
                    assertTrue(f + " " + c + " " + base, f.reached(min, base, c));
                    assertTrue(f + " " + c + " " + base, min == 0 || !f.reached(min - 1, base, c));
                    // cross-check with exact decimal arithmetic
                    java.math.BigDecimal share = java.math.BigDecimal.valueOf(min).multiply(java.math.BigDecimal.valueOf(f.denominator()));
                    java.math.BigDecimal need = java.math.BigDecimal.valueOf(base).multiply(java.math.BigDecimal.valueOf(f.numerator()));
                    assertTrue(c == Comparison.MORE_THAN ? share.compareTo(need) > 0 : share.compareTo(need) >= 0);
                }
            }
        }
        assertEquals(Fraction.of(4, 5), Fraction.parse("4/5"));
        assertEquals(null, Fraction.parse("4/0"));
        assertEquals(null, Fraction.parse("x"));
    }

    @Test
    public void rounding() {
        assertEquals(9, Rounding.UP.apply(42, 5));      // 8.4
        assertEquals(8, Rounding.HALF_UP.apply(42, 5));
        assertEquals(9, Rounding.HALF_UP.apply(17, 2)); // 8.5
        assertEquals(8, Rounding.DOWN.apply(44, 5));    // 8.8
        assertEquals(6, Rounding.UP.apply(30, 5));      // exactly 6
    }
}
