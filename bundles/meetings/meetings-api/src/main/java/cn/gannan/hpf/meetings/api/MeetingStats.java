package cn.gannan.hpf.meetings.api;

import java.util.List;
import java.util.Map;

/**
 * Figures of a year, computed from the records.
 *
 * @param officeCode null for every office the caller reads
 * @param byBody     one line per body
 */
public record MeetingStats(int year, String officeCode, Map<MeetingType, Long> meetingsByType, long minutesIssued,
        long topics, Map<String, Long> topicsByCategory, long theoryStudySessions, long collectiveStudySessions,
        long actionsOpen, long actionsOverdue, long actionsDone, List<BodyLine> byBody) {

    public record BodyLine(String officeCode, String bodyId, String bodyName, long meetings, long minutesIssued,
            long topics, long studySessions) {
    }
}
