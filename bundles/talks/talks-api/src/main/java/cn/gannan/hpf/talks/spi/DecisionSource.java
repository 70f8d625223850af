package cn.gannan.hpf.talks.spi;

import java.time.LocalDate;

/**
 * A decision a talk can be linked to, e.g. a party-group meeting that decided the talk targets.
 * The talk stores {@code sourceId}, {@code refId} and {@code displayText}, so it still reads
 * correctly when the providing module is not installed.
 *
 * @param sourceId    the provider's id, e.g. {@code meetings}
 * @param refId       the decision's id in the provider (e.g. the meeting's UUID)
 * @param officeCode  office of the decision
 * @param date        date of the decision, may be null
 * @param orgUnitId   the deciding body (core org unit id), may be null
 * @param displayText what to show, e.g. "党组会议 2017年第3次（2017-04-12）"
 */
public record DecisionSource(String sourceId, String refId, String officeCode, LocalDate date, String orgUnitId,
        String displayText) {
}
