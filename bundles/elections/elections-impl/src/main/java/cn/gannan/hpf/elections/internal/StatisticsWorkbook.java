package cn.gannan.hpf.elections.internal;

import java.util.ArrayList;
import java.util.List;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.ElectionStats;
import cn.gannan.hpf.elections.api.rules.RuleMsg;

/**
 * The statistics as an .xlsx workbook (Chinese headers): one sheet per office and type, one of overdue bodies, one of
 * bodies whose election is delayed with the superior's approval (with the approval and the planned date).
 */
final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    static byte[] write(ElectionStats s, OfficeService offices) {
        List<List<?>> rows = new ArrayList<>();
        for (ElectionStats.Line l : s.lines()) {
            String office = offices.find(l.officeCode()).map(o -> o.nameZh()).orElse(l.officeCode());
            rows.add(List.of(office, t(l.kind().messageKey()), l.held(), l.due(), l.overdue(), l.delayed(), l.expected(), l.present(),
                    l.expected() == 0 ? "" : String.format("%.1f%%", 100.0 * l.present() / l.expected())));
        }
        List<List<?>> overdue = new ArrayList<>();
        for (BodyTerm b : s.overdue()) {
            overdue.add(body(b, offices));
        }
        List<List<?>> delayed = new ArrayList<>();
        for (BodyTerm b : s.delayed()) {
            List<Object> row = body(b, offices);
            row.add(b.plannedDate());
            row.add(b.planApproval().approvedBy() + " " + b.planApproval().approvedOn() + " " + b.planApproval().documentNo());
            delayed.add(row);
        }
        return Xlsx.write(List.of(
                new Xlsx.Sheet(t("stats.sheet", s.year()), List.of(t("stats.office"), t("stats.kind"), t("stats.held"), t("stats.due"),
                        t("stats.overdue"), t("stats.delayed"), t("stats.expected"), t("stats.present"), t("stats.turnout")), rows),
                new Xlsx.Sheet(t("stats.overdueSheet"), List.of(t("stats.office"), t("stats.body"), t("stats.kind"),
                        t("stats.lastElection"), t("stats.termEnds")), overdue),
                new Xlsx.Sheet(t("stats.delayedSheet"), List.of(t("stats.office"), t("stats.body"), t("stats.kind"),
                        t("stats.lastElection"), t("stats.termEnds"), t("stats.plannedDate"), t("stats.approval")), delayed)));
    }

    /** Office, body, type, last election, term end. */
    private static List<Object> body(BodyTerm b, OfficeService offices) {
        return new ArrayList<>(List.of(offices.find(b.officeCode()).map(o -> o.nameZh()).orElse(b.officeCode()), b.orgUnitName(),
                t(b.kind().messageKey()), b.lastElection(), b.termEnds()));
    }

    private static String t(String key, Object... args) {
        return RuleMsg.of(key, args).format(Msg.ZH_CN);
    }
}
