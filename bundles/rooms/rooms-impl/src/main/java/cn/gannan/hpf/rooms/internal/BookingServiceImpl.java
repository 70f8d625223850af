package cn.gannan.hpf.rooms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.Booking;
import cn.gannan.hpf.rooms.api.BookingDraft;
import cn.gannan.hpf.rooms.api.BookingQuery;
import cn.gannan.hpf.rooms.api.BookingService;
import cn.gannan.hpf.rooms.api.BookingStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomBookingService;
import cn.gannan.hpf.rooms.api.RoomsMsg;
import cn.gannan.hpf.rooms.api.UsageDraft;
import cn.gannan.hpf.rooms.api.UsageEntry;

/**
 * Bookings without overlaps and the usage log. A slot is [start, end): two bookings clash when
 * each starts before the other ends. Bookings of one room are serialised by locking the room's row
 * first, so two concurrent requests for the same slot cannot both pass the check.
 */
@Component(service = { BookingService.class, RoomBookingService.class })
public class BookingServiceImpl implements BookingService, RoomBookingService {

    /** Longest booking or usage entry. */
    static final Duration MAX_LENGTH = Duration.ofHours(24);
    /** How far ahead a booking may be made. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

    private static final String BOOKING_SELECT = "SELECT B.ID, B.OFFICE_CODE, B.ROOM_ID, R.NAME AS ROOM_NAME, B.STARTS_AT,"
            + " B.ENDS_AT, B.PURPOSE, B.ORGANIZER, B.EXTERNAL_REF, B.STATUS, B.CANCEL_REASON, B.CREATED_BY, B.CREATED_AT,"
            + " B.UPDATED_BY, B.UPDATED_AT, B.VERSION FROM ROOMS_BOOKING B JOIN ROOMS_ROOM R ON R.ID = B.ROOM_ID";
    private static final String USAGE_COLUMNS = "ID, OFFICE_CODE, ROOM_ID, STARTS_AT, ENDS_AT, PURPOSE, USED_BY, PARTICIPANTS,"
            + " BOOKING_ID, " + Rows.META;

    private final Database db;

    @Activate
    public BookingServiceImpl(@Reference Database db, @Reference RoomsSchema schema) {
        this.db = db;
    }

    // ---------------------------------------------------------------- bookings

    @Override
    public Page<Booking> find(Caller caller, BookingQuery q, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(caller, q, "B.", params);
        if (q != null && q.status() != null) {
            where += " AND B.STATUS = ?";
            params.add(q.status());
        }
        if (q != null && Store.blankToNull(q.text()) != null) {
            where += " AND (LOWER(B.PURPOSE) LIKE ? OR LOWER(B.ORGANIZER) LIKE ?)";
            String like = "%" + q.text().strip().toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        String w = where;
        return db.read(caller, tx -> Store.page(tx, "ROOMS_BOOKING B", BOOKING_SELECT, w, "B.STARTS_AT, B.OFFICE_CODE",
                params, BookingServiceImpl::mapBooking, page));
    }

    private String where(Caller caller, BookingQuery q, String alias, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (q != null && q.roomId() != null) {
            Room r = db.read(caller, tx -> RoomServiceImpl.loadRoom(tx, q.roomId()));
            caller.requireRead(r.officeCode());
            where.append(" AND ").append(alias).append("ROOM_ID = ?");
            params.add(q.roomId());
        } else {
            String office = caller.scopeOffice(q == null ? null : q.officeCode());
            if (office != null) {
                where.append(" AND ").append(alias).append("OFFICE_CODE = ?");
                params.add(office);
            }
        }
        if (q != null && q.to() != null) {
            where.append(" AND ").append(alias).append("STARTS_AT < ?");
            params.add(q.to());
        }
        if (q != null && q.from() != null) {
            where.append(" AND ").append(alias).append("ENDS_AT > ?");
            params.add(q.from());
        }
        return where.toString();
    }

    @Override
    public Booking get(Caller caller, String id) {
        Booking b = db.read(caller, tx -> load(tx, id));
        caller.requireRead(b.officeCode());
        return b;
    }

    @Override
    public Booking book(Caller caller, BookingDraft draft) {
        Validator v = new Validator();
        String roomId = v.text("roomId", draft.roomId(), 36, true);
        Instant start = v.required("startsAt", draft.startsAt());
        Instant end = v.required("endsAt", draft.endsAt());
        String purpose = v.text("purpose", draft.purpose(), 200, true);
        String organizer = v.text("organizer", draft.organizer(), 50, false);
        String ref = v.text("externalRef", draft.externalRef(), 100, false);
        v.throwIfInvalid();
        checkSlot(start, end);
        return db.tx(caller, tx -> {
            Room room = lockRoom(tx, roomId);
            caller.requireWrite(room.officeCode());
            if (!room.bookable()) {
                throw new ValidationException(RoomsMsg.of("error.booking.notBookable", room.name()));
            }
            if (start.isBefore(tx.now())) {
                throw ValidationException.field("startsAt", RoomsMsg.of("error.booking.past", SHOWN.format(start)));
            }
            if (start.isAfter(tx.now().plus(MAX_AHEAD))) {
                throw ValidationException.field("startsAt", RoomsMsg.of("error.booking.tooFar", MAX_AHEAD.toDays()));
            }
            Optional<Booking> clash = tx.queryOne(BOOKING_SELECT + " WHERE B.ROOM_ID = ? AND B.STATUS = 'BOOKED'"
                    + " AND B.STARTS_AT < ? AND B.ENDS_AT > ? ORDER BY B.STARTS_AT", BookingServiceImpl::mapBooking, roomId,
                    end, start);
            if (clash.isPresent()) {
                Booking c = clash.get();
                throw ValidationException.field("startsAt", RoomsMsg.of("error.booking.clash", c.purpose(),
                        SHOWN.format(c.startsAt()), SHOWN_TIME.format(c.endsAt()),
                        c.organizer() == null ? c.meta().createdBy() : c.organizer()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_BOOKING (ID, OFFICE_CODE, ROOM_ID, STARTS_AT, ENDS_AT, PURPOSE, ORGANIZER, EXTERNAL_REF,"
                    + " STATUS, CANCEL_REASON, " + Rows.META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 1)", id,
                    room.officeCode(), roomId, start, end, purpose, organizer == null ? caller.displayName() : organizer, ref,
                    BookingStatus.BOOKED, caller.username(), tx.now(), caller.username(), tx.now());
            Map<String, Object[]> c = Store.changes();
            c.put("room", new Object[] {null, room.name()});
            c.put("slot", new Object[] {null, SHOWN.format(start) + "–" + SHOWN.format(end)});
            c.put("purpose", new Object[] {null, purpose});
            if (ref != null) {
                c.put("externalRef", new Object[] {null, ref});
            }
            tx.audit(Store.MODULE, "booking", id, room.officeCode(), AuditAction.CREATE, c);
            return load(tx, id);
        });
    }

    /** Start before end, at most {@link #MAX_LENGTH}. */
    static void checkSlot(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ValidationException.field("endsAt", RoomsMsg.of("error.slot.order", SHOWN.format(start), SHOWN.format(end)));
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw ValidationException.field("endsAt", RoomsMsg.of("error.slot.tooLong", MAX_LENGTH.toHours()));
        }
    }

    /** Locks the room's row for the rest of the transaction, so bookings of one room run one at a time. */
    private static Room lockRoom(Tx tx, String roomId) throws SQLException {
        if (tx.update("UPDATE ROOMS_ROOM SET BOOKING_SEQ = BOOKING_SEQ + 1 WHERE ID = ?", roomId) == 0) {
            throw Store.notFound("entity.room", roomId);
        }
        return RoomServiceImpl.loadRoom(tx, roomId);
    }

    @Override
    public Booking cancel(Caller caller, String id, long expectedVersion, String reason) {
        Validator v = new Validator();
        String r = v.text("reason", reason, 200, true);
        v.throwIfInvalid();
        return db.tx(caller, tx -> cancel(tx, caller, load(tx, id), expectedVersion, r));
    }

    private static Booking cancel(Tx tx, Caller caller, Booking b, long expectedVersion, String reason) throws SQLException {
        caller.requireWrite(b.officeCode());
        boolean own = caller.username().equals(b.meta().createdBy());
        if (!own && !caller.hasAny(Store.MANAGERS)) {
            throw new cn.gannan.hpf.core.api.AccessDeniedException(RoomsMsg.of("error.booking.notYours", b.meta().createdBy()));
        }
        if (b.status() == BookingStatus.CANCELLED) {
            throw new ValidationException(RoomsMsg.of("error.booking.cancelled", b.purpose()));
        }
        int rows = tx.update("UPDATE ROOMS_BOOKING SET STATUS = ?, CANCEL_REASON = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", BookingStatus.CANCELLED, reason, caller.username(),
                tx.now(), b.id(), expectedVersion);
        Store.requireUpdated(tx, rows, "ROOMS_BOOKING", b.id(), "entity.booking");
        tx.audit(Store.MODULE, "booking", b.id(), b.officeCode(), AuditAction.UPDATE,
                Map.of("status", new Object[] {BookingStatus.BOOKED, BookingStatus.CANCELLED},
                        "reason", new Object[] {null, reason}));
        return load(tx, b.id());
    }

    // ---------------------------------------------------------------- the narrow contract for other modules

    @Override
    public List<Room> bookableRooms(Caller caller, String officeCode) {
        caller.requireRead(officeCode);
        return db.read(caller, tx -> RoomServiceImpl.roomOf(tx, officeCode).filter(Room::bookable).map(List::of)
                .orElse(List.of()));
    }

    @Override
    public Booking book(Caller caller, String roomId, Instant start, Instant end, String purpose, String externalRef) {
        return book(caller, new BookingDraft(roomId, start, end, purpose, null, externalRef));
    }

    @Override
    public int cancelByReference(Caller caller, String externalRef, String reason) {
        Validator v = new Validator();
        String ref = v.text("externalRef", externalRef, 100, true);
        String r = v.text("reason", reason, 200, true);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            int n = 0;
            for (Booking b : tx.query(BOOKING_SELECT + " WHERE B.EXTERNAL_REF = ? AND B.STATUS = 'BOOKED'",
                    BookingServiceImpl::mapBooking, ref)) {
                cancel(tx, caller, b, b.meta().version(), r);
                n++;
            }
            return n;
        });
    }

    @Override
    public List<Booking> bookingsByReference(Caller caller, String externalRef) {
        return db.read(caller, tx -> tx.query(BOOKING_SELECT + " WHERE B.EXTERNAL_REF = ? ORDER BY B.CREATED_AT",
                BookingServiceImpl::mapBooking, externalRef)).stream().filter(b -> caller.canRead(b.officeCode())).toList();
    }

    // ---------------------------------------------------------------- usage log

    @Override
    public Page<UsageEntry> usage(Caller caller, BookingQuery q, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(caller, q, "", params);
        if (q != null && Store.blankToNull(q.text()) != null) {
            where += " AND (LOWER(PURPOSE) LIKE ? OR LOWER(USED_BY) LIKE ?)";
            String like = "%" + q.text().strip().toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        String w = where;
        return db.read(caller, tx -> Store.page(tx, "ROOMS_USAGE", "SELECT " + USAGE_COLUMNS + " FROM ROOMS_USAGE", w,
                "STARTS_AT DESC", params, BookingServiceImpl::mapUsage, page));
    }

    @Override
    public UsageEntry recordUsage(Caller caller, UsageDraft draft) {
        Validator v = new Validator();
        String roomId = v.text("roomId", draft.roomId(), 36, true);
        Instant start = v.required("startsAt", draft.startsAt());
        Instant end = v.required("endsAt", draft.endsAt());
        String purpose = v.text("purpose", draft.purpose(), 200, true);
        String usedBy = v.text("usedBy", draft.usedBy(), 100, true);
        if (draft.participants() != null) {
            v.check(draft.participants() >= 0 && draft.participants() <= 10000, "participants",
                    RoomsMsg.of("error.usage.participants", draft.participants()));
        }
        String bookingId = Store.blankToNull(draft.bookingId());
        v.throwIfInvalid();
        checkSlot(start, end);
        return db.tx(caller, tx -> {
            Room room = lockRoom(tx, roomId);
            caller.requireWrite(room.officeCode());
            if (start.isAfter(tx.now())) {
                throw ValidationException.field("startsAt", RoomsMsg.of("error.usage.future", SHOWN.format(start)));
            }
            if (bookingId != null) {
                Booking b = load(tx, bookingId);
                if (!b.roomId().equals(roomId)) {
                    throw ValidationException.field("bookingId", RoomsMsg.of("error.usage.bookingRoom", b.purpose()));
                }
            }
            Optional<UsageEntry> clash = tx.queryOne("SELECT " + USAGE_COLUMNS + " FROM ROOMS_USAGE WHERE ROOM_ID = ?"
                    + " AND STARTS_AT < ? AND ENDS_AT > ? ORDER BY STARTS_AT", BookingServiceImpl::mapUsage, roomId, end, start);
            if (clash.isPresent()) {
                UsageEntry u = clash.get();
                throw ValidationException.field("startsAt", RoomsMsg.of("error.usage.clash", u.purpose(),
                        SHOWN.format(u.startsAt()), SHOWN_TIME.format(u.endsAt()), u.usedBy()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_USAGE (" + USAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id,
                    room.officeCode(), roomId, start, end, purpose, usedBy, draft.participants(), bookingId,
                    caller.username(), tx.now(), caller.username(), tx.now());
            tx.audit(Store.MODULE, "usage", id, room.officeCode(), AuditAction.CREATE,
                    Map.of("slot", new Object[] {null, SHOWN.format(start) + "–" + SHOWN.format(end)},
                            "purpose", new Object[] {null, purpose}, "usedBy", new Object[] {null, usedBy}));
            return tx.queryOne("SELECT " + USAGE_COLUMNS + " FROM ROOMS_USAGE WHERE ID = ?", BookingServiceImpl::mapUsage, id)
                    .orElseThrow();
        });
    }

    static Booking load(Tx tx, String id) throws SQLException {
        return tx.queryOne(BOOKING_SELECT + " WHERE B.ID = ?", BookingServiceImpl::mapBooking, id)
                .orElseThrow(() -> Store.notFound("entity.booking", id));
    }

    static Booking mapBooking(ResultSet rs) throws SQLException {
        return new Booking(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("ROOM_ID"), rs.getString("ROOM_NAME"),
                Rows.instant(rs, "STARTS_AT"), Rows.instant(rs, "ENDS_AT"), rs.getString("PURPOSE"), rs.getString("ORGANIZER"),
                rs.getString("EXTERNAL_REF"), Rows.enumValue(rs, "STATUS", BookingStatus.class), rs.getString("CANCEL_REASON"),
                Rows.meta(rs));
    }

    static UsageEntry mapUsage(ResultSet rs) throws SQLException {
        int p = rs.getInt("PARTICIPANTS");
        Integer participants = rs.wasNull() ? null : p;
        return new UsageEntry(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("ROOM_ID"),
                Rows.instant(rs, "STARTS_AT"), Rows.instant(rs, "ENDS_AT"), rs.getString("PURPOSE"), rs.getString("USED_BY"),
                participants, rs.getString("BOOKING_ID"), Rows.meta(rs));
    }
}
