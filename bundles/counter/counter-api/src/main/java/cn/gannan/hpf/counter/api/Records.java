package cn.gannan.hpf.counter.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.RecordMeta;
import cn.gannan.hpf.counter.api.rules.PaymentRules;
import cn.gannan.hpf.counter.api.rules.TimeLimits;
import cn.gannan.hpf.counter.api.rules.WorkCalendar;

/** The counter's records and drafts (namespaced here to keep the API in one place). */
public final class Records {

    private Records() {
    }

    /** A business type of the service catalogue (reference data maintained by the centre). */
    public record BusinessType(String id, String code, String nameZh, String nameEn, int legalDays, int promisedDays,
            PaymentRules.Cap paymentCap, String ticketPrefix, boolean active, int sortOrder, RecordMeta meta) {
        public String name(java.util.Locale l) {
            return l != null && "en".equals(l.getLanguage()) ? nameEn : nameZh;
        }
    }

    public record BusinessTypeDraft(String code, String nameZh, String nameEn, int legalDays, int promisedDays,
            PaymentRules.Cap paymentCap, String ticketPrefix, boolean active, int sortOrder) {
    }

    /** A document the business type requires, possibly only under a condition. */
    public record DocumentRequirement(String id, String businessCode, String name, DocCondition condition, int sortOrder,
            RecordMeta meta) {
    }

    public record DocumentRequirementDraft(String businessCode, String name, DocCondition condition, int sortOrder) {
    }

    /** A service window of an office and the business types it serves. */
    public record ServiceWindow(String id, String officeCode, int number, String name, List<String> businessCodes,
            boolean active, RecordMeta meta) {
    }

    public record ServiceWindowDraft(String officeCode, int number, String name, List<String> businessCodes, boolean active) {
    }

    /** One entered day of the holiday calendar. */
    public record HolidayEntry(String id, LocalDate date, WorkCalendar.DayKind kind, String name, RecordMeta meta) {
    }

    public record HolidayDraft(LocalDate date, WorkCalendar.DayKind kind, String name) {
    }

    /** A queue ticket. Times in seconds are null until known. */
    public record Ticket(String id, String officeCode, LocalDate day, String number, String businessCode, boolean priority,
            TicketStatus status, Integer windowNo, String clerk, String owner, Instant takenAt, Instant calledAt,
            int callCount, Instant servingAt, Instant finishedAt, String transferredFrom, RecordMeta meta) {

        /** From taking the ticket to the first call. */
        public Long waitSeconds() {
            return calledAt == null ? null : calledAt.getEpochSecond() - takenAt.getEpochSecond();
        }

        /** From the start of service to the finish. */
        public Long handleSeconds() {
            return servingAt == null || finishedAt == null ? null : finishedAt.getEpochSecond() - servingAt.getEpochSecond();
        }
    }

    /** The public hall display: no personal data, only numbers and windows. */
    public record HallBoard(String officeCode, String officeName, Instant at, List<HallWindow> windows, List<HallQueue> queues) {
    }

    public record HallWindow(int number, String name, String ticketNumber, TicketStatus status) {
    }

    public record HallQueue(String businessCode, String name, int waiting) {
    }

    /** One checklist line of an application. */
    public record AppDocument(String id, String name, boolean received, LocalDate receivedOn, int sortOrder) {
    }

    /** An application (办件). {@code idNumber} and {@code phone} are full; lists show them masked. */
    public record Application(String id, String officeCode, String number, String businessCode, String applicantName,
            String idNumber, String phone, boolean married, boolean agent, ApplicationStatus status, String owner,
            String ticketId, Instant receivedAt, LocalDate acceptedOn, LocalDate clockStart, LocalDate legalDue,
            LocalDate promisedDue, TimeLimits.State deadline, Boolean approved, String decisionReason, String decidedBy,
            Instant decidedAt, BigDecimal balance, BigDecimal basisAmount, BigDecimal paidAmount, Instant paidAt,
            Instant notifiedAt, Instant closedAt, List<AppDocument> documents, RecordMeta meta) {

        public List<String> missing() {
            return documents.stream().filter(d -> !d.received()).map(AppDocument::name).toList();
        }
    }

    /** What a clerk enters when an applicant hands in a request; married and agent default to false. */
    public record ApplicationDraft(String officeCode, String businessCode, String applicantName, String idNumber, String phone,
            Boolean married, Boolean agent, BigDecimal balance, BigDecimal basisAmount, String ticketId) {

        public boolean marriedOrFalse() {
            return Boolean.TRUE.equals(married);
        }

        public boolean agentOrFalse() {
            return Boolean.TRUE.equals(agent);
        }
    }

    /** Filters of the application list; null means any. */
    public record ApplicationQuery(String officeCode, Integer year, String businessCode, ApplicationStatus status,
            String text, boolean overdueOnly) {
        public static ApplicationQuery all() {
            return new ApplicationQuery(null, null, null, null, null, false);
        }
    }

    /** A one-time notice (一次性告知书): every missing item, at once. */
    public record Notice(String id, String applicationId, String number, Instant issuedAt, String issuedBy, List<String> items) {
    }

    /** A recorded hand-over of ownership (首问负责). */
    public record HandOver(String id, String subjectKind, String subjectId, String fromUser, String toUser, Instant at,
            String note) {
    }

    /** One SMS, as kept in the outbox. */
    public record SmsMessage(String id, String officeCode, String phone, String text, String subjectId, SmsStatus status,
            int attempts, String lastError, Instant nextAttemptAt, Instant sentAt, String gateway, Instant createdAt,
            RecordMeta meta) {
    }

    /** A rating (好差评) after a service. */
    public record Rating(String id, String officeCode, String ticketId, String applicationId, int score, String comment,
            String raterName, String raterPhone, Integer windowNo, String clerk, Instant ratedAt, RecordMeta meta) {
    }

    public record RatingDraft(String ticketId, String applicationId, int score, String comment, String raterName,
            String raterPhone) {
    }

    /** The rectification a bad rating opens: callback and fix by a working-day deadline. */
    public record Rectification(String id, String officeCode, String ratingId, int score, String comment, String raterName,
            String raterPhone, String clerk, LocalDate dueOn, RectificationStatus status, Instant callbackAt,
            String callbackBy, String callbackNote, String fixNote, Instant closedAt, RecordMeta meta) {
    }

    /** One line of the statistics, for a group (office, window, clerk or business type). */
    public record StatRow(String group, String key, String label, long tickets, Double avgWaitMinutes,
            Double avgHandleMinutes, long applications, long decided, Double avgAcceptToPayHours, Double onTimeRate,
            long ratings, Double avgRating, long badRatings) {
    }

    /** Statistics of a year for an office (or all offices, for central readers). */
    public record CounterStats(String officeCode, int year, List<StatRow> byOffice, List<StatRow> byWindow,
            List<StatRow> byClerk, List<StatRow> byBusiness) {
    }
}
