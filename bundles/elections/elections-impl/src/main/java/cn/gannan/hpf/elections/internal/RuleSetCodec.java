package cn.gannan.hpf.elections.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.gannan.hpf.elections.api.rules.Comparison;
import cn.gannan.hpf.elections.api.rules.Fraction;
import cn.gannan.hpf.elections.api.rules.MajorityBase;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.QuorumBase;
import cn.gannan.hpf.elections.api.rules.Rounding;
import cn.gannan.hpf.elections.api.rules.RuleSet;
import cn.gannan.hpf.elections.api.rules.WriteIns;

/** A rule set as one line of {@code key=value;} text in the database (readable in the audit log too). */
final class RuleSetCodec {

    private RuleSetCodec() {
    }

    static Map<String, String> fields(RuleSet r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quorum", r.quorum().toString());
        m.put("quorumComparison", r.quorumComparison().name());
        m.put("quorumBase", r.quorumBase().name());
        m.put("differentialRatio", r.differentialRatio().toString());
        m.put("differentialRounding", r.differentialRounding().name());
        m.put("differentialMoreThanSeats", Boolean.toString(r.differentialMoreThanSeats()));
        m.put("auditCommitteeDifferential", Boolean.toString(r.auditCommitteeDifferential()));
        m.put("majority", r.majority().toString());
        m.put("majorityComparison", r.majorityComparison().name());
        m.put("majorityBase", r.majorityBase().name());
        m.put("overApprovalInvalid", Boolean.toString(r.overApprovalInvalid()));
        m.put("writeIns", r.writeIns().name());
        m.put("proxiesAllowed", Boolean.toString(r.proxiesAllowed()));
        m.put("termYears", Integer.toString(r.termYears()));
        m.put("primaryCommitteeTermYears", Integer.toString(r.primaryCommitteeTermYears()));
        m.put("maxDeviationMonths", Integer.toString(r.maxDeviationMonths()));
        m.put("dueWarningMonths", Integer.toString(r.dueWarningMonths()));
        m.put("excusalNeedsApproval", Boolean.toString(r.excusalNeedsApproval()));
        m.put("committeeMinMembers", Integer.toString(r.committeeMinMembers()));
        m.put("committeeMinSeats", Integer.toString(r.committeeMinSeats()));
        m.put("committeeMaxSeats", Integer.toString(r.committeeMaxSeats()));
        return m;
    }

    static String encode(RuleSet r) {
        StringBuilder sb = new StringBuilder();
        fields(r).forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
        return sb.toString();
    }

    static RuleSet decode(OrgKind kind, int version, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        RuleSet d = RuleSet.defaults(kind);
        return new RuleSet(kind, version,
                frac(m, "quorum", d.quorum()),
                en(m, "quorumComparison", Comparison.class, d.quorumComparison()),
                en(m, "quorumBase", QuorumBase.class, d.quorumBase()), // V3 writes it into older rows
                frac(m, "differentialRatio", d.differentialRatio()),
                en(m, "differentialRounding", Rounding.class, d.differentialRounding()),
                bool(m, "differentialMoreThanSeats", d.differentialMoreThanSeats()),
                bool(m, "auditCommitteeDifferential", d.auditCommitteeDifferential()),
                frac(m, "majority", d.majority()),
                en(m, "majorityComparison", Comparison.class, d.majorityComparison()),
                en(m, "majorityBase", MajorityBase.class, d.majorityBase()),
                bool(m, "overApprovalInvalid", d.overApprovalInvalid()),
                en(m, "writeIns", WriteIns.class, d.writeIns()),
                bool(m, "proxiesAllowed", d.proxiesAllowed()),
                num(m, "termYears", d.termYears()),
                num(m, "primaryCommitteeTermYears", d.primaryCommitteeTermYears()), // absent before: the default
                num(m, "maxDeviationMonths", d.maxDeviationMonths()),
                num(m, "dueWarningMonths", d.dueWarningMonths()),
                bool(m, "excusalNeedsApproval", d.excusalNeedsApproval()),
                num(m, "committeeMinMembers", d.committeeMinMembers()),
                num(m, "committeeMinSeats", d.committeeMinSeats()),
                num(m, "committeeMaxSeats", d.committeeMaxSeats()));
    }

    private static Fraction frac(Map<String, String> m, String k, Fraction d) {
        Fraction f = Fraction.parse(m.get(k));
        return f == null ? d : f;
    }

    private static <E extends Enum<E>> E en(Map<String, String> m, String k, Class<E> type, E d) {
        String v = m.get(k);
        return v == null ? d : Enum.valueOf(type, v);
    }

    private static boolean bool(Map<String, String> m, String k, boolean d) {
        String v = m.get(k);
        return v == null ? d : Boolean.parseBoolean(v);
    }

    private static int num(Map<String, String> m, String k, int d) {
        String v = m.get(k);
        return v == null ? d : Integer.parseInt(v);
    }
}
