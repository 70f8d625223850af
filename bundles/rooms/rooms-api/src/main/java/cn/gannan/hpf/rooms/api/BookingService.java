package cn.gannan.hpf.rooms.api;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;

/** Bookings of the rooms (no overlaps) and the usage log (台账). */
@ProviderType
public interface BookingService {

    Page<Booking> find(Caller caller, BookingQuery query, PageRequest page);

    Booking get(Caller caller, String id);

    /**
     * Books a slot [start, end). Refused when it overlaps a booking of the same room, naming that
     * booking; a booking ending exactly when another starts is not a clash.
     */
    Booking book(Caller caller, BookingDraft draft);

    /** Cancels a booking (kept with the reason); the slot is free again. */
    Booking cancel(Caller caller, String id, long expectedVersion, String reason);

    Page<UsageEntry> usage(Caller caller, BookingQuery query, PageRequest page);

    UsageEntry recordUsage(Caller caller, UsageDraft draft);
}
