package cn.gannan.hpf.elections.api.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnitType;

/**
 * Every threshold the elections of one organisation type run under. An admin changes them (each
 * change is a new version); an election keeps the version it was planned under.
 *
 * @param kind                      the organisation type
 * @param version                   1 for the shipped defaults, then one up per change
 * @param quorum                    share of the quorum base that must be present
 * @param quorumComparison          more than (超过) or at least (不少于) that share
 * @param quorumBase                those expected to attend (entitled less excused) or all those entitled
 * @param differentialRatio         extra candidates over seats for a differential vote (1/5 = 20%)
 * @param differentialRounding      how {@code seats × (1 + ratio)} is rounded to whole candidates
 * @param differentialMoreThanSeats a differential vote always has more candidates than seats
 * @param auditCommitteeDifferential whether the audit committee must be elected differentially too
 * @param majority                  share of the majority base a candidate's approvals must reach
 * @param majorityComparison        more than or at least that share
 * @param majorityBase              voters present or those expected to attend
 * @param overApprovalInvalid       a ballot approving more names than seats is invalid
 * @param writeIns                  whether and when a voter may write in another name
 * @param proxiesAllowed            whether a voter may vote by proxy
 * @param termYears                 length of a term (党组织: of a 党总支 or 党支部)
 * @param primaryCommitteeTermYears length of a term of a primary-level committee (党的基层委员会, e.g. 机关党委);
 *                                  party only, 0 for the other kinds (they have no such body)
 * @param maxDeviationMonths        at most this much earlier or later than due (with the superior's approval)
 * @param dueWarningMonths          warn this long before the term ends; earlier than that is "advanced"
 * @param excusalNeedsApproval      excusing someone from the expected count needs the superior's approval
 * @param committeeMinMembers       a branch with fewer full members than this has no committee (0 = no rule)
 * @param committeeMinSeats         smallest committee (0 = no rule)
 * @param committeeMaxSeats         largest committee (0 = no rule)
 */
public record RuleSet(OrgKind kind, int version, Fraction quorum, Comparison quorumComparison, QuorumBase quorumBase,
        Fraction differentialRatio, Rounding differentialRounding, boolean differentialMoreThanSeats,
        boolean auditCommitteeDifferential, Fraction majority, Comparison majorityComparison, MajorityBase majorityBase,
        boolean overApprovalInvalid, WriteIns writeIns, boolean proxiesAllowed, int termYears, int primaryCommitteeTermYears,
        int maxDeviationMonths,
        int dueWarningMonths, boolean excusalNeedsApproval, int committeeMinMembers, int committeeMinSeats,
        int committeeMaxSeats) {

    /**
     * The shipped defaults (RULES.md §1–2). Where the rules document is silent the value is a product
     * decision, marked [D] in the module README.
     */
    public static RuleSet defaults(OrgKind kind) {
        Fraction half = Fraction.of(1, 2);
        Fraction twentyPercent = Fraction.of(1, 5);
        QuorumBase expected = QuorumBase.EXPECTED;
        return switch (kind) {
            // Every kind counts its quorum against those expected to attend (应到会: entitled less excused).
            // 党组织: quorum > 4/5 of those expected (exactly 4/5 fails); candidates ≥ seats × 1.2 rounded up,
            // never as many as seats; elected with approvals > half of voters present; 3-year term for
            // 党总支/党支部, 5 years for a 基层委员会, ±1 year with approval; write-in only in place of a
            // disapproved candidate.
            case PARTY -> new RuleSet(kind, 1, Fraction.of(4, 5), Comparison.MORE_THAN, expected, twentyPercent, Rounding.UP,
                    true, true, half, Comparison.MORE_THAN, MajorityBase.PRESENT, true, WriteIns.ON_DISAPPROVAL, false, 3, 5,
                    12, 6, true, 7, 3, 7);
            // 工会: quorum ≥ 2/3 of those expected (exactly 2/3 passes); elected with > half of those expected;
            // committee differential, the audit committee may be equal.
            case TRADE_UNION -> new RuleSet(kind, 1, Fraction.of(2, 3), Comparison.AT_LEAST, expected, Fraction.of(1, 20),
                    Rounding.UP, true, false, half, Comparison.MORE_THAN, MajorityBase.EXPECTED, true, WriteIns.ON_DISAPPROVAL,
                    false, 5, 0, 12, 6, false, 0, 0, 0);
            // 共青团: quorum 4/5 (more than, as for the party: [D]); differential ≥ 20%; > half of those present;
            // no proxies; branch term 3 years.
            case YOUTH_LEAGUE -> new RuleSet(kind, 1, Fraction.of(4, 5), Comparison.MORE_THAN, expected, twentyPercent,
                    Rounding.UP, true, true, half, Comparison.MORE_THAN, MajorityBase.PRESENT, true, WriteIns.ON_DISAPPROVAL,
                    false, 3, 0, 12, 6, false, 0, 0, 0);
            // 妇联: quorum > half of those expected; elected with > half of those expected; a ballot approving
            // more than the seats is invalid.
            case WOMENS_FEDERATION -> new RuleSet(kind, 1, half, Comparison.MORE_THAN, expected, twentyPercent, Rounding.UP,
                    true, true, half, Comparison.MORE_THAN, MajorityBase.EXPECTED, true, WriteIns.ON_DISAPPROVAL, false, 5, 0,
                    12, 6, false, 0, 0, 0);
        };
    }

    /** The same rules under another version number. */
    public RuleSet withVersion(int newVersion) {
        return new RuleSet(kind, newVersion, quorum, quorumComparison, quorumBase, differentialRatio, differentialRounding,
                differentialMoreThanSeats, auditCommitteeDifferential, majority, majorityComparison, majorityBase,
                overApprovalInvalid, writeIns, proxiesAllowed, termYears, primaryCommitteeTermYears, maxDeviationMonths,
                dueWarningMonths, excusalNeedsApproval, committeeMinMembers, committeeMinSeats, committeeMaxSeats);
    }

    /**
     * The term of a body of this type: a primary-level party committee (基层委员会) has its own term (5 years
     * by default), every other body the kind's {@link #termYears()} (党总支/党支部 3 years).
     */
    public int termYearsFor(OrgUnitType body) {
        return body == OrgUnitType.PRIMARY_COMMITTEE && primaryCommitteeTermYears > 0 ? primaryCommitteeTermYears : termYears;
    }

    /** Field errors of an edited rule set (empty when it can be saved). */
    public Map<String, Msg> problems() {
        Map<String, Msg> e = new LinkedHashMap<>();
        if (kind == null) {
            e.put("kind", Msg.core("error.field.required", "kind"));
        }
        fraction(e, "quorum", quorum, true);
        required(e, "quorumComparison", quorumComparison);
        required(e, "quorumBase", quorumBase);
        fraction(e, "differentialRatio", differentialRatio, false);
        if (differentialRatio != null && differentialRatio.numerator() > differentialRatio.denominator()) {
            e.put("differentialRatio", RuleMsg.of("ruleset.error.ratio", differentialRatio));
        }
        required(e, "differentialRounding", differentialRounding);
        fraction(e, "majority", majority, true);
        required(e, "majorityComparison", majorityComparison);
        required(e, "majorityBase", majorityBase);
        required(e, "writeIns", writeIns);
        range(e, "termYears", termYears, 1, 10);
        range(e, "primaryCommitteeTermYears", primaryCommitteeTermYears, kind == OrgKind.PARTY ? 1 : 0, 10);
        range(e, "maxDeviationMonths", maxDeviationMonths, 0, 24);
        range(e, "dueWarningMonths", dueWarningMonths, 0, 24);
        range(e, "committeeMinMembers", committeeMinMembers, 0, 100);
        range(e, "committeeMinSeats", committeeMinSeats, 0, 100);
        range(e, "committeeMaxSeats", committeeMaxSeats, 0, 100);
        if (committeeMaxSeats > 0 && committeeMinSeats > committeeMaxSeats) {
            e.put("committeeMaxSeats", RuleMsg.of("ruleset.error.seats", committeeMinSeats, committeeMaxSeats));
        }
        return e;
    }

    private static void required(Map<String, Msg> e, String field, Object value) {
        if (value == null) {
            e.put(field, Msg.core("error.field.required", field));
        }
    }

    private static void fraction(Map<String, Msg> e, String field, Fraction f, boolean share) {
        if (f == null) {
            e.put(field, Msg.core("error.field.required", field));
        } else if (share && (f.numerator() == 0 || !f.atMostOne())) {
            e.put(field, RuleMsg.of("ruleset.error.share", f));
        }
    }

    private static void range(Map<String, Msg> e, String field, int value, int min, int max) {
        if (value < min || value > max) {
            e.put(field, RuleMsg.of("ruleset.error.range", value, min, max));
        }
    }
}
