package cn.gannan.hpf.counter.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.Records.ApplicationDraft;
import cn.gannan.hpf.counter.api.Records.ApplicationQuery;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.Notice;

/**
 * Applications (办件): checklist, one-time notice of every missing item, acceptance (the clock),
 * decision with reason, payment within the caps, notification by SMS; ownership from the moment an
 * application is taken, hand-overs recorded, nothing closed without an owner. Every mutating call
 * carries the version read (optimistic locking).
 */
@ProviderType
public interface ApplicationService {

    Application create(Caller caller, ApplicationDraft draft);

    Application get(Caller caller, String id);

    Page<Application> find(Caller caller, ApplicationQuery query, PageRequest page);

    /** Marks a checklist document received (on a day) or missing again. */
    Application setDocument(Caller caller, String id, long expectedVersion, String documentId, boolean received,
            LocalDate receivedOn);

    /** Issues the one-time notice listing all missing items; refused when nothing is missing. */
    Notice issueNotice(Caller caller, String id);

    List<Notice> notices(Caller caller, String id);

    /** The printable notice (latest, or the given one). */
    PrintDocument noticeDocument(Caller caller, String noticeId, Locale locale);

    /**
     * Accepts (受理) on a day: the clock starts the next day. With documents missing a one-time
     * notice must have been issued; the clock then starts after the last one arrives.
     */
    Application accept(Caller caller, String id, long expectedVersion, LocalDate acceptedOn);

    /** Decides: approve, or refuse with a reason. Needs the complete checklist. */
    Application decide(Caller caller, String id, long expectedVersion, boolean approve, String reason);

    /** Pays an approved withdrawal, within the caps of its business type. */
    Application pay(Caller caller, String id, long expectedVersion, BigDecimal amount);

    /** Tells the applicant the outcome by SMS (through the SmsGateway). */
    Application notifyApplicant(Caller caller, String id, long expectedVersion);

    /** Closes a decided (and, for approved withdrawals, paid) application that has an owner. */
    Application close(Caller caller, String id, long expectedVersion);

    Application handOver(Caller caller, String id, long expectedVersion, String toUser, String note);

    List<HandOver> handOvers(Caller caller, String id);

    /** Open applications past their legal or promised due date (office scope of the caller). */
    List<Application> overdue(Caller caller, String officeCode);

    /** Open applications due within the warning window. */
    List<Application> dueSoon(Caller caller, String officeCode);
}
