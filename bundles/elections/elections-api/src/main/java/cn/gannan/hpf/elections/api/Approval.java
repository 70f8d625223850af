package cn.gannan.hpf.elections.api;

import java.time.LocalDate;

/**
 * The superior organisation's approval (批复).
 *
 * @param approvedBy the approving body, e.g. 中共甘南州直属机关工作委员会
 * @param approvedOn the date of the approval
 * @param documentNo its document number, e.g. 州直工委〔2017〕12号
 */
public record Approval(String approvedBy, LocalDate approvedOn, String documentNo) {
}
