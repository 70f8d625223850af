package cn.gannan.hpf.elections.api;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.RuleMsg;
import cn.gannan.hpf.elections.api.rules.TermStatus;

/**
 * A body that elects its leadership and where it stands in its term.
 *
 * @param openElectionId the body's election in progress (planned, approved or elected), null when none
 * @param plannedDate    that election's planned date, null when none
 * @param planApproval   the superior's approval of that election's plan (for a delayed election, the approval of
 *                       the delay), null while not approved or when none
 */
public record BodyTerm(String orgUnitId, String orgUnitName, String officeCode, OrgKind kind, LocalDate lastElection,
        LocalDate termEnds, TermStatus status, String openElectionId, LocalDate plannedDate, Approval planApproval) {

    /**
     * The status as shown wherever terms are listed: an approved delay names the approval's document number and
     * the planned date ("延期换届（已批准）：州直工委〔2019〕2号，计划 2020-03-10 选举"), the others their label.
     */
    public Msg statusMessage() {
        if (status == TermStatus.DELAYED_APPROVED && planApproval != null && plannedDate != null) {
            return RuleMsg.of("termStatus.DELAYED_APPROVED.detail", planApproval.documentNo(), plannedDate.toString(),
                    planApproval.approvedBy());
        }
        return RuleMsg.of(status.messageKey());
    }
}
