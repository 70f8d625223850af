package cn.gannan.hpf.counter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.QueueService;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.HallBoard;
import cn.gannan.hpf.counter.api.Records.HallQueue;
import cn.gannan.hpf.counter.api.Records.HallWindow;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.ServiceWindow;
import cn.gannan.hpf.counter.api.Records.Ticket;
import cn.gannan.hpf.counter.api.TicketStatus;

/**
 * The hall queue. State changes are serialized per node (one office per node), and every update
 * also checks the status it expects, so two windows never call the same ticket.
 */
@Component(service = QueueService.class)
public class QueueServiceImpl implements QueueService {

    static final String COLS = "ID, OFFICE_CODE, DAY, TICKET_NO, BUSINESS_CODE, PRIORITY, STATUS, WINDOW_NO, CLERK, OWNER,"
            + " TAKEN_AT, CALLED_AT, CALL_COUNT, SERVING_AT, FINISHED_AT, TRANSFERRED_FROM, " + Rows.META;

    private final Database db;
    private final OfficeService offices;
    private final UserService users;
    private final Object lock = new Object();

    @Activate
    public QueueServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            @Reference UserService users) {
        this.db = db;
        this.offices = offices;
        this.users = users;
        migrations.migrate(Support.MODULE, QueueServiceImpl.class, Support.MIGRATIONS);
    }

    @Override
    public Ticket take(Caller caller, String businessCode, boolean priority) {
        caller.requireAnyRole(Support.CLERKS);
        String office = caller.officeCode();
        caller.requireWrite(office);
        if (businessCode == null || businessCode.isBlank()) {
            throw Support.refused("businessCode", "error.required.businessCode");
        }
        synchronized (lock) {
            return db.tx(caller, tx -> {
                BusinessType type = CatalogServiceImpl.loadType(tx, businessCode.strip());
                if (!type.active()) {
                    throw Support.refused("businessCode", "error.type.inactive", type.nameZh());
                }
                LocalDate day = Support.day(tx.now());
                long seq = tx.count("SELECT COALESCE(MAX(SEQ), 0) FROM CTR_TICKET WHERE OFFICE_CODE = ? AND DAY = ? AND PREFIX = ?",
                        office, day, type.ticketPrefix()) + 1;
                if (seq > 999) {
                    throw Support.refused("businessCode", "error.ticket.full", type.ticketPrefix(), 999);
                }
                String number = type.ticketPrefix() + String.format("%03d", seq);
                String id = UUID.randomUUID().toString();
                tx.update("INSERT INTO CTR_TICKET (ID, OFFICE_CODE, DAY, PREFIX, SEQ, TICKET_NO, BUSINESS_CODE, PRIORITY, STATUS,"
                        + " OWNER, TAKEN_AT, CALL_COUNT, " + Rows.META + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,1)", id, office,
                        day, type.ticketPrefix(), (int) seq, number, type.code(), Support.flag(priority), TicketStatus.WAITING,
                        caller.username(), tx.now(), caller.username(), tx.now(), caller.username(), tx.now());
                Map<String, Object[]> c = new LinkedHashMap<>();
                c.put("number", new Object[] {null, number});
                c.put("businessCode", new Object[] {null, type.code()});
                c.put("priority", new Object[] {null, priority});
                c.put("owner", new Object[] {null, caller.username()});
                tx.audit(Support.MODULE, "ticket", id, office, AuditAction.CREATE, c);
                return load(tx, id);
            });
        }
    }

    @Override
    public Optional<Ticket> callNext(Caller caller, int windowNo) {
        caller.requireAnyRole(Support.CLERKS);
        String office = caller.officeCode();
        caller.requireWrite(office);
        synchronized (lock) {
            return db.tx(caller, tx -> {
                ServiceWindow w = window(tx, office, windowNo);
                LocalDate day = Support.day(tx.now());
                Optional<Ticket> current = tx.queryOne("SELECT " + COLS + " FROM CTR_TICKET WHERE OFFICE_CODE = ? AND DAY = ?"
                        + " AND WINDOW_NO = ? AND STATUS IN ('CALLED', 'SERVING') FETCH FIRST 1 ROWS ONLY",
                        QueueServiceImpl::map, office, day, windowNo);
                if (current.isPresent()) {
                    throw Support.refused(null, "error.queue.windowBusy", windowNo, current.get().number(),
                            Support.m("TicketStatus." + current.get().status().name()));
                }
                StringBuilder in = new StringBuilder();
                List<Object> params = new ArrayList<>(List.of(office, day));
                for (String code : w.businessCodes()) {
                    in.append(in.length() == 0 ? "?" : ", ?");
                    params.add(code);
                }
                Optional<Ticket> next = tx.queryOne("SELECT " + COLS + " FROM CTR_TICKET WHERE OFFICE_CODE = ? AND DAY = ?"
                        + " AND STATUS = 'WAITING' AND BUSINESS_CODE IN (" + in + ") ORDER BY PRIORITY DESC, TAKEN_AT, SEQ"
                        + " FETCH FIRST 1 ROWS ONLY", QueueServiceImpl::map, params.toArray());
                if (next.isEmpty()) {
                    return Optional.<Ticket>empty();
                }
                Ticket t = next.get();
                int rows = tx.update("UPDATE CTR_TICKET SET STATUS = ?, WINDOW_NO = ?, CLERK = ?, OWNER = ?, CALLED_AT = ?,"
                        + " CALL_COUNT = 1, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?",
                        TicketStatus.CALLED, windowNo, caller.username(), caller.username(), tx.now(), caller.username(), tx.now(),
                        t.id(), TicketStatus.WAITING);
                Support.requireUpdated(tx, rows, "CTR_TICKET", t.id(), "entity.ticket");
                if (!caller.username().equals(t.owner())) {
                    recordHandOver(tx, caller, office, "TICKET", t.id(), t.owner(), caller.username(), "call");
                }
                Map<String, Object[]> c = new LinkedHashMap<>();
                c.put("status", new Object[] {t.status(), TicketStatus.CALLED});
                c.put("window", new Object[] {null, windowNo});
                c.put("owner", new Object[] {t.owner(), caller.username()});
                tx.audit(Support.MODULE, "ticket", t.id(), office, AuditAction.UPDATE, c);
                return Optional.of(load(tx, t.id()));
            });
        }
    }

    private static ServiceWindow window(Tx tx, String office, int windowNo) throws SQLException {
        ServiceWindow w = CatalogServiceImpl.windows(tx, office).stream().filter(x -> x.number() == windowNo).findFirst()
                .orElseThrow(() -> Support.refused("windowNo", "error.window.unknown", windowNo));
        if (!w.active()) {
            throw Support.refused("windowNo", "error.window.inactive", windowNo);
        }
        return w;
    }

    @Override
    public Ticket recall(Caller caller, String ticketId) {
        return change(caller, ticketId, TicketStatus.CALLED, TicketStatus.CALLED, "CALL_COUNT = CALL_COUNT + 1, CALLED_AT = CALLED_AT");
    }

    @Override
    public Ticket noShow(Caller caller, String ticketId) {
        return change(caller, ticketId, TicketStatus.CALLED, TicketStatus.NO_SHOW, "FINISHED_AT = ?");
    }

    @Override
    public Ticket serve(Caller caller, String ticketId) {
        return change(caller, ticketId, TicketStatus.CALLED, TicketStatus.SERVING, "SERVING_AT = ?");
    }

    @Override
    public Ticket finish(Caller caller, String ticketId) {
        return change(caller, ticketId, TicketStatus.SERVING, TicketStatus.DONE, "FINISHED_AT = ?");
    }

    /** A status step: from the expected status to the next, setting one more column (with tx.now() for "?"). */
    private Ticket change(Caller caller, String ticketId, TicketStatus from, TicketStatus to, String extra) {
        caller.requireAnyRole(Support.CLERKS);
        synchronized (lock) {
            return db.tx(caller, tx -> {
                Ticket t = load(tx, ticketId);
                caller.requireWrite(t.officeCode());
                if (t.status() != from) {
                    throw Support.refused(null, "error.ticket.status", t.number(), Support.m("TicketStatus." + t.status().name()),
                            Support.m("TicketStatus." + from.name()));
                }
                if (t.owner() == null || t.owner().isBlank()) {
                    throw Support.refused(null, "error.owner.missing", t.number());
                }
                boolean withTime = extra.contains("?");
                List<Object> params = new ArrayList<>(List.of(to));
                if (withTime) {
                    params.add(tx.now());
                }
                params.addAll(List.of(caller.username(), tx.now(), ticketId, from));
                int rows = tx.update("UPDATE CTR_TICKET SET STATUS = ?, " + extra + ", UPDATED_BY = ?, UPDATED_AT = ?,"
                        + " VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?", params.toArray());
                Support.requireUpdated(tx, rows, "CTR_TICKET", ticketId, "entity.ticket");
                tx.audit(Support.MODULE, "ticket", ticketId, t.officeCode(), AuditAction.UPDATE,
                        from == to ? Map.of("callCount", new Object[] {t.callCount(), t.callCount() + 1})
                                : Map.of("status", new Object[] {from, to}));
                return load(tx, ticketId);
            });
        }
    }

    @Override
    public Ticket transfer(Caller caller, String ticketId, String toBusinessCode) {
        caller.requireAnyRole(Support.CLERKS);
        synchronized (lock) {
            return db.tx(caller, tx -> {
                Ticket t = load(tx, ticketId);
                caller.requireWrite(t.officeCode());
                if (!t.status().open()) {
                    throw Support.refused(null, "error.ticket.closed", t.number(), Support.m("TicketStatus." + t.status().name()));
                }
                BusinessType to = CatalogServiceImpl.loadType(tx, toBusinessCode == null ? "" : toBusinessCode.strip());
                if (to.code().equals(t.businessCode())) {
                    throw Support.refused("businessCode", "error.ticket.sameQueue", t.number());
                }
                if (!to.active()) {
                    throw Support.refused("businessCode", "error.type.inactive", to.nameZh());
                }
                int rows = tx.update("UPDATE CTR_TICKET SET STATUS = ?, BUSINESS_CODE = ?, TRANSFERRED_FROM = ?, WINDOW_NO = NULL,"
                        + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", TicketStatus.WAITING,
                        to.code(), t.businessCode(), caller.username(), tx.now(), ticketId, t.meta().version());
                Support.requireUpdated(tx, rows, "CTR_TICKET", ticketId, "entity.ticket");
                tx.audit(Support.MODULE, "ticket", ticketId, t.officeCode(), AuditAction.UPDATE,
                        Map.of("businessCode", new Object[] {t.businessCode(), to.code()}, "status",
                                new Object[] {t.status(), TicketStatus.WAITING}));
                return load(tx, ticketId);
            });
        }
    }

    @Override
    public Ticket handOver(Caller caller, String ticketId, String toUser, String note) {
        caller.requireAnyRole(Support.CLERKS);
        String to = Support.blankToNull(toUser);
        if (to == null) {
            throw Support.refused("toUser", "error.handover.toUser");
        }
        synchronized (lock) {
            return db.tx(caller, tx -> {
                Ticket t = load(tx, ticketId);
                caller.requireWrite(t.officeCode());
                checkUser(users, t.officeCode(), to, t.owner());
                int rows = tx.update("UPDATE CTR_TICKET SET OWNER = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                        + " WHERE ID = ? AND VERSION = ?", to, caller.username(), tx.now(), ticketId, t.meta().version());
                Support.requireUpdated(tx, rows, "CTR_TICKET", ticketId, "entity.ticket");
                recordHandOver(tx, caller, t.officeCode(), "TICKET", ticketId, t.owner(), to, note);
                tx.audit(Support.MODULE, "ticket", ticketId, t.officeCode(), AuditAction.UPDATE,
                        Map.of("owner", new Object[] {t.owner(), to}));
                return load(tx, ticketId);
            });
        }
    }

    /** The receiving user must exist in the record's office and differ from the current owner. */
    static void checkUser(UserService users, String office, String to, String currentOwner) {
        if (to.equals(currentOwner)) {
            throw Support.refused("toUser", "error.handover.same", to);
        }
        cn.gannan.hpf.core.api.UserAccount u;
        try {
            u = users.byUsername(Caller.system(office), to);
        } catch (cn.gannan.hpf.core.api.NotFoundException e) {
            throw Support.refused("toUser", "error.handover.unknownUser", to);
        }
        if (!office.equals(u.officeCode())) {
            throw Support.refused("toUser", "error.handover.otherOffice", to, u.officeCode());
        }
    }

    static void recordHandOver(Tx tx, Caller caller, String office, String kind, String subjectId, String from, String to,
            String note) throws SQLException {
        String id = UUID.randomUUID().toString();
        String n = note == null ? null : (note.length() > 500 ? note.substring(0, 500) : note);
        if (n == null) {
            tx.update("INSERT INTO CTR_HANDOVER (ID, OFFICE_CODE, SUBJECT_KIND, SUBJECT_ID, FROM_USER, TO_USER, " + Rows.META
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,1)", id, office, kind, subjectId, from, to, caller.username(), tx.now(),
                    caller.username(), tx.now());
        } else {
            tx.update("INSERT INTO CTR_HANDOVER (ID, OFFICE_CODE, SUBJECT_KIND, SUBJECT_ID, FROM_USER, TO_USER, NOTE, " + Rows.META
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,1)", id, office, kind, subjectId, from, to, n, caller.username(), tx.now(),
                    caller.username(), tx.now());
        }
        tx.audit(Support.MODULE, "handOver", id, office, AuditAction.CREATE, Map.of("subject", new Object[] {null, kind + " " + subjectId},
                "from", new Object[] {null, from}, "to", new Object[] {null, to}));
    }

    static List<HandOver> handOvers(Tx tx, String subjectId) throws SQLException {
        return tx.query("SELECT ID, SUBJECT_KIND, SUBJECT_ID, FROM_USER, TO_USER, CREATED_AT, NOTE FROM CTR_HANDOVER"
                + " WHERE SUBJECT_ID = ? ORDER BY CREATED_AT", rs -> new HandOver(rs.getString("ID"), rs.getString("SUBJECT_KIND"),
                        rs.getString("SUBJECT_ID"), rs.getString("FROM_USER"), rs.getString("TO_USER"),
                        Rows.instant(rs, "CREATED_AT"), rs.getString("NOTE")), subjectId);
    }

    @Override
    public Ticket ticket(Caller caller, String ticketId) {
        Ticket t = db.read(caller, tx -> load(tx, ticketId));
        caller.requireRead(t.officeCode());
        return t;
    }

    @Override
    public List<Ticket> tickets(Caller caller, String officeCode, LocalDate day) {
        String office = officeCode == null || officeCode.isBlank() ? caller.officeCode() : officeCode;
        caller.requireRead(office);
        return db.read(caller, tx -> tx.query("SELECT " + COLS + " FROM CTR_TICKET WHERE OFFICE_CODE = ? AND DAY = ?"
                + " ORDER BY TAKEN_AT, SEQ", QueueServiceImpl::map, office, day == null ? Support.day(tx.now()) : day));
    }

    @Override
    public List<HandOver> handOvers(Caller caller, String subjectId) {
        ticket(caller, subjectId);
        return db.read(caller, tx -> handOvers(tx, subjectId));
    }

    @Override
    public HallBoard hallBoard(String officeCode) {
        String office = officeCode == null || officeCode.isBlank() ? offices.current().code() : officeCode;
        Office o = offices.find(office).orElseThrow(() -> Support.notFound("entity.office", office));
        Caller system = Caller.system(office);
        return db.read(system, tx -> {
            LocalDate day = Support.day(tx.now());
            List<HallWindow> windows = new ArrayList<>();
            for (ServiceWindow w : CatalogServiceImpl.windows(tx, office)) {
                if (!w.active()) {
                    continue;
                }
                Optional<Ticket> t = tx.queryOne("SELECT " + COLS + " FROM CTR_TICKET WHERE OFFICE_CODE = ? AND DAY = ? AND WINDOW_NO = ?"
                        + " AND CALLED_AT IS NOT NULL ORDER BY CASE WHEN STATUS IN ('CALLED', 'SERVING') THEN 0 ELSE 1 END, CALLED_AT DESC"
                        + " FETCH FIRST 1 ROWS ONLY", QueueServiceImpl::map,
                        office, day, w.number());
                windows.add(new HallWindow(w.number(), w.name(), t.map(Ticket::number).orElse(null), t.map(Ticket::status).orElse(null)));
            }
            Map<String, Integer> waiting = new LinkedHashMap<>();
            tx.query("SELECT BUSINESS_CODE, COUNT(*) AS N FROM CTR_TICKET WHERE OFFICE_CODE = ? AND DAY = ? AND STATUS = 'WAITING'"
                    + " GROUP BY BUSINESS_CODE", rs -> waiting.put(rs.getString("BUSINESS_CODE"), rs.getInt("N")), office, day);
            List<HallQueue> queues = new ArrayList<>();
            for (BusinessType bt : tx.query("SELECT " + "ID, CODE, NAME_ZH, NAME_EN, LEGAL_DAYS, PROMISED_DAYS, PAYMENT_CAP,"
                    + " TICKET_PREFIX, ACTIVE, SORT_ORDER, " + Rows.META + " FROM CTR_BUSINESS_TYPE WHERE ACTIVE = 1 ORDER BY SORT_ORDER",
                    CatalogServiceImpl::mapType)) {
                queues.add(new HallQueue(bt.code(), bt.nameZh(), waiting.getOrDefault(bt.code(), 0)));
            }
            return new HallBoard(office, o.nameZh(), tx.now(), Collections.unmodifiableList(windows), queues);
        });
    }

    static Ticket load(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLS + " FROM CTR_TICKET WHERE ID = ?", QueueServiceImpl::map, id)
                .orElseThrow(() -> Support.notFound("entity.ticket", id));
    }

    static Ticket map(ResultSet rs) throws SQLException {
        int w = rs.getInt("WINDOW_NO");
        Integer window = rs.wasNull() ? null : w;
        return new Ticket(rs.getString("ID"), rs.getString("OFFICE_CODE"), Rows.date(rs, "DAY"), rs.getString("TICKET_NO"),
                rs.getString("BUSINESS_CODE"), rs.getInt("PRIORITY") == 1, Rows.enumValue(rs, "STATUS", TicketStatus.class), window,
                rs.getString("CLERK"), rs.getString("OWNER"), Rows.instant(rs, "TAKEN_AT"), Rows.instant(rs, "CALLED_AT"),
                rs.getInt("CALL_COUNT"), Rows.instant(rs, "SERVING_AT"), Rows.instant(rs, "FINISHED_AT"),
                rs.getString("TRANSFERRED_FROM"), Rows.meta(rs));
    }
}
