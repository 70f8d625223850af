package cn.gannan.hpf.talks.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.talks.spi.DecisionSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The talk log. Every method checks the caller's role and office; the content of a talk (topics,
 * summary, follow-ups) is returned only to those entitled:
 * <ul>
 * <li>its talkers and targets, the secretary of the body that decided it, and the auditor role;</li>
 * <li>for admonitory kinds (提醒、函询、诫勉) further restricted to the leader and auditor roles: the
 * auditor role, or a leader who is a talker, target or the deciding body's secretary.</li>
 * </ul>
 * Lists ({@link #find}) never carry content. Writing needs the leader, branch secretary, office
 * admin or central admin role; admonitory kinds need the leader role.
 */
@ProviderType
public interface TalkService {

    /** The kinds of talk (reference data), in display order. */
    List<TalkKind> kinds(boolean includeInactive);

    /** Adds or changes a kind (central admin only); the collective and admonitory flags of a used kind are fixed. */
    TalkKind saveKind(Caller caller, TalkKind kind);

    Page<TalkRow> find(Caller caller, TalkQuery query, PageRequest page);

    /** One talk; its content only when the caller is entitled. */
    Talk get(Caller caller, String id);

    Talk create(Caller caller, TalkDraft draft);

    /** Changes a talk; confirmations are cleared when topics or summary change. */
    Talk update(Caller caller, String id, long expectedVersion, TalkDraft draft);

    /** Voids a talk with a reason; it stays on record but counts nowhere. */
    Talk voidTalk(Caller caller, String id, long expectedVersion, String reason);

    /**
     * A participant confirms the record: the caller's own person, or a recorder confirming on a
     * participant's behalf.
     */
    Talk confirm(Caller caller, String talkId, String personId);

    Talk addFollowUp(Caller caller, String talkId, FollowUpDraft draft);

    Talk completeFollowUp(Caller caller, String talkId, String followUpId, long expectedVersion, LocalDate doneOn,
            String note);

    /** Decisions (meetings) the talk may be linked to, from the installed providers; empty when none. */
    List<DecisionSource> decisionSources(Caller caller, String officeCode, int year);

    /** Figures of a year for one office, or all offices the caller reads when {@code officeCode} is null. */
    TalkStatistics statistics(Caller caller, String officeCode, int year);

    /** The statistics as an Excel workbook (.xlsx), texts in the given language. */
    byte[] statisticsXlsx(Caller caller, String officeCode, int year, Locale locale);
}
