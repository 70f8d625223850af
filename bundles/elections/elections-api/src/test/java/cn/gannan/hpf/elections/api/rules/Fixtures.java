package cn.gannan.hpf.elections.api.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gannan.hpf.core.api.Msg;

/** Shared builders for the rules tests. */
final class Fixtures {

    static final RuleSet PARTY = RuleSet.defaults(OrgKind.PARTY);
    static final RuleSet UNION = RuleSet.defaults(OrgKind.TRADE_UNION);
    static final RuleSet LEAGUE = RuleSet.defaults(OrgKind.YOUTH_LEAGUE);
    static final RuleSet WOMEN = RuleSet.defaults(OrgKind.WOMENS_FEDERATION);

    private Fixtures() {
    }

    /** {@code p} with another quorum rule (fraction, comparison, base); everything else unchanged. */
    static RuleSet quorumRule(RuleSet p, Fraction quorum, Comparison comparison, QuorumBase base) {
        return new RuleSet(p.kind(), 2, quorum, comparison, base, p.differentialRatio(), p.differentialRounding(),
                p.differentialMoreThanSeats(), p.auditCommitteeDifferential(), p.majority(), p.majorityComparison(),
                p.majorityBase(), p.overApprovalInvalid(), p.writeIns(), p.proxiesAllowed(), p.termYears(),
                p.primaryCommitteeTermYears(), p.maxDeviationMonths(), p.dueWarningMonths(), p.excusalNeedsApproval(),
                p.committeeMinMembers(), p.committeeMinSeats(), p.committeeMaxSeats());
    }

    /** {@code p} counting its quorum against another base. */
    static RuleSet quorumBase(RuleSet p, QuorumBase base) {
        return quorumRule(p, p.quorum(), p.quorumComparison(), base);
    }

    static String zh(Msg m) {
        return m.format(Msg.ZH_CN);
    }

    static String en(Msg m) {
        return m.format(Locale.ENGLISH);
    }

    /** A ballot approving the given candidates and leaving the rest unmarked. */
    static BallotInput approving(String... ids) {
        Map<String, Mark> m = new HashMap<>();
        for (String id : ids) {
            m.put(id, Mark.APPROVE);
        }
        return new BallotInput(m, List.of(), false);
    }

    /**
     * {@code n} valid ballots (each approving at most {@code seats} names) that give every candidate
     * exactly its target number of approvals; the rest are marked disapprove.
     */
    static List<BallotInput> ballots(int n, int seats, Map<String, Integer> targets) {
        Map<String, Integer> left = new LinkedHashMap<>(targets);
        List<BallotInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> order = new ArrayList<>(left.keySet());
            order.sort(Comparator.comparingInt((String k) -> -left.get(k)));
            Map<String, Mark> marks = new HashMap<>();
            int approved = 0;
            for (String id : order) {
                if (approved < seats && left.get(id) > 0) {
                    marks.put(id, Mark.APPROVE);
                    left.put(id, left.get(id) - 1);
                    approved++;
                } else {
                    marks.put(id, Mark.DISAPPROVE);
                }
            }
            out.add(new BallotInput(marks, List.of(), false));
        }
        if (left.values().stream().anyMatch(v -> v != 0)) {
            throw new IllegalArgumentException("targets cannot be reached with " + n + " ballots of " + seats + " approvals");
        }
        return out;
    }

    static Map<String, Integer> votes(Object... idThenCount) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < idThenCount.length; i += 2) {
            m.put((String) idThenCount[i], (Integer) idThenCount[i + 1]);
        }
        return m;
    }
}
