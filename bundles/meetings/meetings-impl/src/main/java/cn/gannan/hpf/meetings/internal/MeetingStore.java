package cn.gannan.hpf.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.meetings.api.ActionStatus;
import cn.gannan.hpf.meetings.api.Attendee;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.Cadence;
import cn.gannan.hpf.meetings.api.Category;
import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.MeetingRule;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.meetings.api.Revision;
import cn.gannan.hpf.meetings.api.Signature;
import cn.gannan.hpf.meetings.api.Threshold;
import cn.gannan.hpf.meetings.api.Topic;
import cn.gannan.hpf.meetings.api.VoteBase;
import cn.gannan.hpf.meetings.api.VoteResult;

/** SQL of the module's tables: row mapping and the few statements used in several places. */
final class MeetingStore {

    static final String MEETING_COLUMNS = "ID, OFFICE_CODE, BODY_ID, BODY_NAME, MEETING_TYPE, START_AT, END_AT, MEETING_YEAR,"
            + " PLACE, PLACE_BOOKING_ID, CHAIR_ID, CHAIR_NAME, RECORDER_ID, RECORDER_NAME, SUBJECT, NOTES, STATUS, MINUTES_NO,"
            + " REVISION_NO, CORRECTION_REASON, CANCEL_REASON, " + Rows.META;
    static final String ACTION_SELECT = "SELECT A.ID, A.OFFICE_CODE, A.MEETING_ID, A.TOPIC_ID, T.TITLE AS TOPIC_TITLE, A.TITLE,"
            + " A.OWNER_ID, A.OWNER_NAME, A.DUE_DATE, A.STATUS, A.EVIDENCE, A.DONE_ON, A.CREATED_BY, A.CREATED_AT,"
            + " A.UPDATED_BY, A.UPDATED_AT, A.VERSION FROM MTG_ACTION A JOIN MTG_TOPIC T ON T.ID = A.TOPIC_ID";

    private MeetingStore() {
    }

    /** A meeting row without its children. */
    record Row(String id, String officeCode, String bodyId, String bodyName, MeetingType type, LocalDateTime startAt,
            LocalDateTime endAt, int year, String place, String placeBookingId, String chairId, String chairName,
            String recorderId, String recorderName, String subject, String notes, MinutesStatus status, Integer number,
            int revision, String correctionReason, String cancelReason, cn.gannan.hpf.core.api.RecordMeta meta) {
    }

    static Row loadRow(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + MEETING_COLUMNS + " FROM MTG_MEETING WHERE ID = ?", MeetingStore::mapRow, id)
                .orElseThrow(() -> notFound("entity.meeting", id));
    }

    static Row mapRow(ResultSet rs) throws SQLException {
        int no = rs.getInt("MINUTES_NO");
        Integer number = rs.wasNull() ? null : no;
        return new Row(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("BODY_ID"), rs.getString("BODY_NAME"),
                Rows.enumValue(rs, "MEETING_TYPE", MeetingType.class), dateTime(rs, "START_AT"), dateTime(rs, "END_AT"),
                rs.getInt("MEETING_YEAR"), rs.getString("PLACE"), rs.getString("PLACE_BOOKING_ID"), rs.getString("CHAIR_ID"),
                rs.getString("CHAIR_NAME"), rs.getString("RECORDER_ID"), rs.getString("RECORDER_NAME"),
                rs.getString("SUBJECT"), rs.getString("NOTES"), Rows.enumValue(rs, "STATUS", MinutesStatus.class), number,
                rs.getInt("REVISION_NO"), rs.getString("CORRECTION_REASON"), rs.getString("CANCEL_REASON"), Rows.meta(rs));
    }

    static List<Attendee> attendees(Tx tx, String meetingId) throws SQLException {
        return tx.query("SELECT PERSON_ID, NAME, KIND, PRESENT, ABSENCE_REASON, LEADERSHIP FROM MTG_ATTENDEE"
                + " WHERE MEETING_ID = ? ORDER BY SEQ", rs -> new Attendee(rs.getString("PERSON_ID"), rs.getString("NAME"),
                        Rows.enumValue(rs, "KIND", AttendeeKind.class), rs.getInt("PRESENT") == 1,
                        rs.getString("ABSENCE_REASON"), rs.getInt("LEADERSHIP") == 1), meetingId);
    }

    static List<Topic> topics(Tx tx, String meetingId) throws SQLException {
        return tx.query("SELECT ID, SEQ, TITLE, CATEGORY_CODE, SUBMITTED_BY, PRESENTER, SUMMARY, DECISION, PERSONNEL,"
                + " VOTES_FOR, VOTES_AGAINST, VOTES_ABSTAIN, VOTE_RESULT FROM MTG_TOPIC WHERE MEETING_ID = ? ORDER BY SEQ",
                rs -> new Topic(rs.getString("ID"), rs.getInt("SEQ"), rs.getString("TITLE"), rs.getString("CATEGORY_CODE"),
                        rs.getString("SUBMITTED_BY"), rs.getString("PRESENTER"), rs.getString("SUMMARY"),
                        rs.getString("DECISION"), rs.getInt("PERSONNEL") == 1, integer(rs, "VOTES_FOR"),
                        integer(rs, "VOTES_AGAINST"), integer(rs, "VOTES_ABSTAIN"),
                        Rows.enumValue(rs, "VOTE_RESULT", VoteResult.class)), meetingId);
    }

    static List<Signature> signatures(Tx tx, String meetingId, int revision) throws SQLException {
        return tx.query("SELECT PERSON_ID, NAME, REVISION_NO, SIGNED_AT, RECORDED_BY FROM MTG_SIGNATURE"
                + " WHERE MEETING_ID = ? AND REVISION_NO = ? ORDER BY SIGNED_AT, NAME",
                rs -> new Signature(rs.getString("PERSON_ID"), rs.getString("NAME"), rs.getInt("REVISION_NO"),
                        Rows.instant(rs, "SIGNED_AT"), rs.getString("RECORDED_BY")), meetingId, revision);
    }

    static List<Revision> revisions(Tx tx, String meetingId) throws SQLException {
        return tx.query("SELECT REVISION_NO, NUMBER_TEXT, ISSUED_AT, ISSUED_BY, REASON, CONTENT FROM MTG_REVISION"
                + " WHERE MEETING_ID = ? ORDER BY REVISION_NO", rs -> new Revision(rs.getInt("REVISION_NO"),
                        rs.getString("NUMBER_TEXT"), Rows.instant(rs, "ISSUED_AT"), rs.getString("ISSUED_BY"),
                        rs.getString("REASON"), rs.getString("CONTENT")), meetingId);
    }

    static List<MeetingRule> rules(Tx tx) throws SQLException {
        return tx.query("SELECT * FROM MTG_RULE", MeetingStore::mapRule);
    }

    static MeetingRule rule(Tx tx, MeetingType type) throws SQLException {
        return tx.queryOne("SELECT * FROM MTG_RULE WHERE MEETING_TYPE = ?", MeetingStore::mapRule, type)
                .orElseThrow(() -> notFound("entity.rule", type.name()));
    }

    static MeetingRule mapRule(ResultSet rs) throws SQLException {
        String base = rs.getString("VOTE_BASE");
        String applies = rs.getString("APPLIES_TO");
        return new MeetingRule(Rows.enumValue(rs, "MEETING_TYPE", MeetingType.class), threshold(rs, "QUORUM"),
                threshold(rs, "PERSONNEL"), threshold(rs, "VOTE"), base == null ? null : VoteBase.valueOf(base.trim()),
                Rows.enumValue(rs, "CADENCE", Cadence.class), applies == null ? null : OrgUnitType.valueOf(applies.trim()),
                rs.getLong("VERSION"));
    }

    private static Threshold threshold(ResultSet rs, String prefix) throws SQLException {
        int num = rs.getInt(prefix + "_NUM");
        if (rs.wasNull()) {
            return null;
        }
        return new Threshold(num, rs.getInt(prefix + "_DEN"), rs.getInt(prefix + "_STRICT") == 1);
    }

    static Category mapCategory(ResultSet rs) throws SQLException {
        return new Category(rs.getString("CODE"), rs.getString("NAME_ZH"), rs.getString("NAME_EN"), rs.getInt("SORT_ORDER"),
                rs.getInt("ACTIVE") == 1, rs.getLong("VERSION"));
    }

    static FollowUp mapAction(ResultSet rs, LocalDate today) throws SQLException {
        ActionStatus status = Rows.enumValue(rs, "STATUS", ActionStatus.class);
        LocalDate due = Rows.date(rs, "DUE_DATE");
        return new FollowUp(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("MEETING_ID"),
                rs.getString("TOPIC_ID"), rs.getString("TOPIC_TITLE"), rs.getString("TITLE"), rs.getString("OWNER_ID"),
                rs.getString("OWNER_NAME"), due, status, rs.getString("EVIDENCE"), Rows.date(rs, "DONE_ON"),
                Rules.overdue(status == ActionStatus.OPEN, due, today), Rows.meta(rs));
    }

    static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static LocalDateTime dateTime(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toLocalDateTime();
    }

    static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    static int flag(boolean b) {
        return b ? 1 : 0;
    }

    /** After an {@code UPDATE ... WHERE ID = ? AND VERSION = ?}: 0 rows means gone or changed by someone else. */
    static void requireUpdated(Tx tx, int rows, String table, String id, String entityKey) throws SQLException {
        if (rows == 1) {
            return;
        }
        if (tx.count("SELECT COUNT(*) FROM " + table + " WHERE ID = ?", id) == 0) {
            throw notFound(entityKey, id);
        }
        throw new StaleRecordException(Msg.core("error.stale"));
    }

    static NotFoundException notFound(String entityKey, String id) {
        return new NotFoundException(Msg.core("error.notFound", Texts.msg(entityKey), id));
    }

    static Map<String, Object[]> change(String field, Object before, Object after) {
        return Map.of(field, new Object[] {before, after});
    }
}
