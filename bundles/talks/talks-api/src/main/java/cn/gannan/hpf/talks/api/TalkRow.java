package cn.gannan.hpf.talks.api;

import java.time.LocalDate;

/**
 * A talk in a list: that it happened, with whom and why, never its content.
 *
 * @param contentVisible whether the caller may open its summary
 */
public record TalkRow(String id, String officeCode, TalkKind kind, LocalDate date, String place, String talkerNames,
        String targetNames, int personTimes, String decidedBy, TalkTrigger trigger, TalkStatus status,
        int openFollowUps, boolean confirmedByAll, boolean contentVisible, long version) {
}
