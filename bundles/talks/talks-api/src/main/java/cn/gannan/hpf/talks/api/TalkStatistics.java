package cn.gannan.hpf.talks.api;

import java.util.List;
import java.util.Map;

/**
 * Talk figures of a year, for one office or all offices the caller may read. Voided talks are not
 * counted. Person-times (人次) count each participant of each talk once.
 *
 * @param officeCode       null for all offices
 * @param byKind           talk count per kind code
 * @param coverageRate     covered pairs in percent over all plans of the year, null when there is no plan
 */
public record TalkStatistics(int year, String officeCode, int talks, int collective, int oneOnOne, int personTimes,
        Map<String, Integer> byKind, int openFollowUps, int overdueFollowUps, int plans, int totalPairs,
        int coveredPairs, Double coverageRate, List<OfficeFigures> byOffice, List<BodyFigures> byBody) {

    /** Figures of one office. */
    public record OfficeFigures(String officeCode, int talks, int collective, int oneOnOne, int personTimes,
            int openFollowUps) {
    }

    /**
     * Figures of one deciding body (talks it decided) and of its plan, if any.
     *
     * @param orgUnitId null for talks without a deciding body
     */
    public record BodyFigures(String officeCode, String orgUnitId, String orgUnitName, int talks, int personTimes,
            int totalPairs, int coveredPairs, Double coverageRate) {
    }
}
