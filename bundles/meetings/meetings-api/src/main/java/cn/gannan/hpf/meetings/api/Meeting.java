package cn.gannan.hpf.meetings.api;

import java.time.LocalDateTime;
import java.util.List;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * A meeting with its attendance, topics and minutes.
 *
 * @param placeBookingId the booking made through a {@link cn.gannan.hpf.meetings.spi.MeetingPlaceProvider}, or null
 * @param number         the minutes number in its body and year, assigned at issue; null before
 * @param numberText     e.g. 〔2017〕9号
 * @param revision       1 for the original minutes, n for the n-th corrected version
 * @param correctionReason why the current revision was opened, null for revision 1
 */
public record Meeting(String id, String officeCode, String bodyId, String bodyName, MeetingType type,
        LocalDateTime startAt, LocalDateTime endAt, String place, String placeBookingId, String chairId,
        String chairName, String recorderId, String recorderName, String subject, String notes,
        MinutesStatus status, Integer number, String numberText, int revision, String correctionReason,
        List<Attendee> attendees, List<Topic> topics, List<Signature> signatures, QuorumCheck quorum,
        RecordMeta meta) {

    public Meeting {
        attendees = List.copyOf(attendees);
        topics = List.copyOf(topics);
        signatures = List.copyOf(signatures);
    }
}
