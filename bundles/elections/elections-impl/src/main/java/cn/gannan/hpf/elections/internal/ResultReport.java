package cn.gannan.hpf.elections.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundStatus;
import cn.gannan.hpf.elections.api.rules.ElectionRules;
import cn.gannan.hpf.elections.api.rules.RuleMsg;
import cn.gannan.hpf.elections.api.rules.RuleSet;

/** 选举结果报告: the result of an election for filing with the superior, always in Chinese. */
final class ResultReport {

    private ResultReport() {
    }

    static PrintDocument build(Election e, RuleSet rs) {
        List<PrintDocument.Block> b = new ArrayList<>();
        b.add(new PrintDocument.Paragraph(t("report.intro", e.orgUnitName(), date(e.plannedDate()), e.title())));
        b.add(new PrintDocument.Heading(t("report.plan")));
        b.add(new PrintDocument.Field(t("report.body"), e.orgUnitName() + "（" + t(e.kind().messageKey()) + "）"));
        if (e.termStart() != null) {
            b.add(new PrintDocument.Field(t("report.term"), date(e.termStart()) + " — " + date(e.termEnds()) + "（"
                    + t(e.timing().messageKey()) + "）"));
        }
        b.add(new PrintDocument.Field(t("report.seats"), t("report.seatsValue", e.committeeSeats(), e.auditSeats(), e.deputySeats())));
        if (e.candidateProduction() != null) {
            b.add(new PrintDocument.Field(t("report.production"), e.candidateProduction()));
        }
        b.add(new PrintDocument.Field(t("report.planApproval"), e.planApproval() == null ? t("report.none")
                : e.planApproval().approvedBy() + " " + date(e.planApproval().approvedOn()) + " " + e.planApproval().documentNo()));
        b.add(new PrintDocument.Field(t("report.rules"), t("report.rulesValue", rs.version(),
                t(rs.quorumComparison().messageKey()), rs.quorum().toString(), t(rs.majorityComparison().messageKey()),
                t(rs.majorityBase().messageKey()), rs.majority().toString(), t(rs.quorumBase().messageKey()))));
        b.add(new PrintDocument.Heading(t("report.attendance")));
        b.add(new PrintDocument.Paragraph(t("report.attendanceValue", e.general().entitled(), e.general().excused(),
                e.general().expected(), e.general().present())));
        if (e.general().expected() > 0) {
            b.add(new PrintDocument.Paragraph(ElectionServiceImpl.quorum(rs, e.general()).message()
                    .format(Msg.ZH_CN)));
        }
        for (Contest c : e.contests()) {
            String title = c.post() != null ? Msg.core(c.post().messageKey()).format(Msg.ZH_CN) : t(c.kind().messageKey());
            b.add(new PrintDocument.Heading(t("report.contest", title, c.seats())));
            if (c.consent() != null) {
                b.add(new PrintDocument.Paragraph(t("report.reduced", c.plannedSeats(), c.seats(), c.consent())));
            }
            for (Round r : c.rounds()) {
                if (r.status() == RoundStatus.OPEN) {
                    continue;
                }
                b.add(new PrintDocument.Paragraph(t("report.round", r.number(), t(r.kind().messageKey()), r.issued(),
                        r.returned() == null ? 0 : r.returned(), r.validBallots(), r.invalidBallots(), r.scrutineers(), r.tellers())));
                if (r.status() == RoundStatus.VOID) {
                    b.add(new PrintDocument.Paragraph(ElectionRules.returned(r.issued(), r.returned()).message().format(Msg.ZH_CN)));
                    continue;
                }
                List<List<String>> rows = new ArrayList<>();
                for (Round.Result res : r.results()) {
                    rows.add(List.of(res.personName() + (res.writeIn() ? t("report.writeIn") : ""), Integer.toString(res.approvals()),
                            Integer.toString(res.disapprovals()), Integer.toString(res.abstentions()), t(res.outcome().messageKey())));
                }
                b.add(new PrintDocument.Table(List.of(t("report.col.name"), t("mark.APPROVE"), t("mark.DISAPPROVE"),
                        t("mark.ABSTAIN"), t("report.col.outcome")), rows));
            }
            List<String> elected = c.candidates().stream().filter(Contest.Candidate::elected).map(Contest.Candidate::personName).toList();
            b.add(new PrintDocument.Field(t("report.elected"), elected.isEmpty() ? t("report.none") : String.join("、", elected)));
        }
        b.add(new PrintDocument.Heading(t("report.resultApproval")));
        b.add(new PrintDocument.Paragraph(e.resultApproval() == null ? t("report.pending")
                : t("report.approved", e.resultApproval().approvedBy(), date(e.resultApproval().approvedOn()),
                        e.resultApproval().documentNo())));
        b.add(new PrintDocument.Signatures(t("report.signatures"), List.of(t("report.sig.chair"), t("report.sig.scrutineer"),
                t("report.sig.teller")), List.of("", "", "")));
        return new PrintDocument(e.orgUnitName(), t("report.title", e.title()), null, b);
    }

    private static String t(String key, Object... args) {
        return RuleMsg.of(key, args).format(Msg.ZH_CN);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
