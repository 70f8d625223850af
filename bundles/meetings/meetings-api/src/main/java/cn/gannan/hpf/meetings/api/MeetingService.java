package cn.gannan.hpf.meetings.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.doc.PrintDocument;

/**
 * The meeting register. Every rule (quorum, votes, numbering, co-signature, cadence) is checked here,
 * so the UI, the JSON API and the console get the same answer. Refusals are localized exceptions that
 * name the rule and the numbers.
 */
@ProviderType
public interface MeetingService {

    /** Module id in the audit log and the migrations. */
    String MODULE = "meetings";

    Page<MeetingSummary> find(Caller caller, MeetingQuery query, PageRequest page);

    Meeting get(Caller caller, String id);

    /** Current members of a body, the default attendance list. */
    List<ExpectedAttendee> expectedAttendees(Caller caller, String bodyId);

    /**
     * Places that meetings of an office can book, from the place provider (e.g. the rooms module);
     * empty when no provider is installed, and the place is then free text.
     */
    List<cn.gannan.hpf.meetings.spi.MeetingPlaceProvider.Place> places(Caller caller, String officeCode);

    /** Records a meeting; its minutes start as a draft. */
    Meeting create(Caller caller, MeetingDraft draft);

    /** Changes a meeting whose minutes are a draft. */
    Meeting update(Caller caller, String id, long expectedVersion, MeetingDraft draft);

    /** Draft → circulated for co-signature. Refused when decisions were taken below quorum. */
    Meeting circulate(Caller caller, String id, long expectedVersion);

    /** Circulated → draft again (to edit); the co-signatures given so far are withdrawn. */
    Meeting recall(Caller caller, String id, long expectedVersion);

    /** Records the co-signature of a leadership member present at the meeting. */
    Meeting sign(Caller caller, String id, long expectedVersion, String personId);

    /**
     * Circulated → issued, once every leadership member present has co-signed. The first issue assigns
     * the next number of the body and year, without gaps; a corrected revision keeps its number.
     */
    Meeting issue(Caller caller, String id, long expectedVersion);

    /** Opens a corrected revision of issued minutes (a new version, the issued one stays as it was). */
    Meeting startCorrection(Caller caller, String id, long expectedVersion, String reason);

    /** Cancels a meeting whose minutes were never issued (the record stays, with the reason). */
    Meeting cancel(Caller caller, String id, long expectedVersion, String reason);

    /** The issued revisions, oldest first. */
    List<Revision> revisions(Caller caller, String id);

    /** The minutes in the official layout, for the print view and the PDF. */
    PrintDocument print(Caller caller, String id, Locale locale);

    List<Category> categories(Caller caller, boolean activeOnly);

    /** Creates or changes a category (office and central admins); {@code expectedVersion} 0 to create. */
    Category saveCategory(Caller caller, Category category, long expectedVersion);

    List<MeetingRule> rules(Caller caller);

    /** Changes the rule set of one meeting type (office and central admins). */
    MeetingRule updateRule(Caller caller, MeetingRule rule, long expectedVersion);

    /** Adds a follow-up action to a topic that has a decision. */
    FollowUp addFollowUp(Caller caller, String meetingId, FollowUpDraft draft);

    /** Marks an action done, with its evidence of completion. */
    FollowUp completeFollowUp(Caller caller, String id, long expectedVersion, String evidence, LocalDate doneOn);

    FollowUp cancelFollowUp(Caller caller, String id, long expectedVersion, String reason);

    Page<FollowUp> followUps(Caller caller, FollowUpQuery query, LocalDate today, PageRequest page);

    /**
     * Overdue actions for the caller's dashboard: those the caller owns (through the user's person),
     * and every overdue action of the office for secretaries, leaders and admins.
     */
    List<FollowUp> overdueFor(Caller caller, LocalDate today);

    /** Cadence compliance of the branches of an office (or every readable office) in a year. */
    CadenceReport cadence(Caller caller, String officeCode, int year, LocalDate today);

    MeetingStats statistics(Caller caller, String officeCode, int year, LocalDate today);

    /** The statistics as an Excel workbook (.xlsx), texts in the given language. */
    byte[] statisticsXlsx(Caller caller, String officeCode, int year, LocalDate today, Locale locale);
}
