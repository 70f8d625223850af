package cn.gannan.hpf.counter.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.counter.api.Records.HallBoard;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.Ticket;

/**
 * The queue of an office's hall. Tickets are numbered per business type and day (prefix + 3
 * digits); priority tickets (elderly, disabled) are called first. The person who takes the ticket
 * owns it until a clerk calls it (a recorded hand-over); nothing finishes without an owner.
 */
@ProviderType
public interface QueueService {

    Ticket take(Caller caller, String businessCode, boolean priority);

    /** Calls the next ticket a window serves: priority first, then the oldest; empty when none waits. */
    java.util.Optional<Ticket> callNext(Caller caller, int windowNo);

    /** Calls the same ticket again (the display shows it again). */
    Ticket recall(Caller caller, String ticketId);

    /** Moves the ticket to another business type's queue, keeping its number and place in time. */
    Ticket transfer(Caller caller, String ticketId, String toBusinessCode);

    Ticket noShow(Caller caller, String ticketId);

    Ticket serve(Caller caller, String ticketId);

    Ticket finish(Caller caller, String ticketId);

    /** Hands ownership to another user (by username), recorded. */
    Ticket handOver(Caller caller, String ticketId, String toUser, String note);

    Ticket ticket(Caller caller, String ticketId);

    /** An office's tickets of a day (the caller's office and today when null). */
    List<Ticket> tickets(Caller caller, String officeCode, LocalDate day);

    List<HandOver> handOvers(Caller caller, String subjectId);

    /** The public board: current numbers per window and queue lengths; no personal data. */
    HallBoard hallBoard(String officeCode);
}
