package cn.gannan.hpf.counter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.ApplicationStatus;
import cn.gannan.hpf.counter.api.CalendarService;
import cn.gannan.hpf.counter.api.RatingService;
import cn.gannan.hpf.counter.api.Records.Rating;
import cn.gannan.hpf.counter.api.Records.RatingDraft;
import cn.gannan.hpf.counter.api.Records.Rectification;
import cn.gannan.hpf.counter.api.Records.Ticket;
import cn.gannan.hpf.counter.api.RectificationStatus;
import cn.gannan.hpf.counter.api.TicketStatus;

/** 好差评: one rating per finished service; a bad one opens a rectification with a working-day deadline. */
@Component(service = RatingService.class, configurationPid = "cn.gannan.hpf.counter")
public class RatingServiceImpl implements RatingService {

    private static final String COLS = "ID, OFFICE_CODE, TICKET_ID, APPLICATION_ID, SCORE, COMMENT_TEXT, RATER_NAME, RATER_PHONE,"
            + " WINDOW_NO, CLERK, RATED_AT, " + Rows.META;
    private static final String RECT_SELECT = "SELECT X.ID, X.OFFICE_CODE, X.RATING_ID, R.SCORE, R.COMMENT_TEXT, R.RATER_NAME,"
            + " R.RATER_PHONE, R.CLERK, X.DUE_ON, X.STATUS, X.CALLBACK_AT, X.CALLBACK_BY, X.CALLBACK_NOTE, X.FIX_NOTE, X.CLOSED_AT,"
            + " X.CREATED_BY, X.CREATED_AT, X.UPDATED_BY, X.UPDATED_AT, X.VERSION FROM CTR_RECTIFICATION X"
            + " JOIN CTR_RATING R ON R.ID = X.RATING_ID";

    private final Database db;
    private final CalendarService calendar;
    private volatile int badMax;
    private volatile int fixDays;

    @Activate
    public RatingServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference CalendarService calendar,
            CounterConfig config) {
        this.db = db;
        this.calendar = calendar;
        migrations.migrate(Support.MODULE, RatingServiceImpl.class, Support.MIGRATIONS);
        modified(config);
    }

    @Modified
    void modified(CounterConfig config) {
        if (config.badRatingMax() < 1 || config.badRatingMax() > 4 || config.rectificationWorkingDays() < 1) {
            throw new IllegalArgumentException("badRatingMax must be 1..4 and rectificationWorkingDays at least 1");
        }
        badMax = config.badRatingMax();
        fixDays = config.rectificationWorkingDays();
    }

    @Override
    public Rating rate(Caller caller, RatingDraft draft) {
        caller.requireAnyRole(Support.CLERKS);
        if (draft == null) {
            throw Support.refused(null, "error.body.missing");
        }
        Validator v = new Validator();
        v.check(draft.score() >= 1 && draft.score() <= 5, "score", Support.m("error.rating.score", draft.score()));
        String comment = v.text("comment", draft.comment(), 1000, draft.score() >= 1 && draft.score() <= badMax);
        String name = v.text("raterName", draft.raterName(), 50, false);
        String phone = v.text("raterPhone", draft.raterPhone(), 20, false);
        v.check(Support.blankToNull(draft.ticketId()) != null || Support.blankToNull(draft.applicationId()) != null, "ticketId",
                Support.m("error.rating.subject"));
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            String office;
            Integer window = null;
            String clerk;
            String ticketId = Support.blankToNull(draft.ticketId());
            String appId = Support.blankToNull(draft.applicationId());
            if (ticketId != null) {
                Ticket t = QueueServiceImpl.load(tx, ticketId);
                if (t.status() != TicketStatus.DONE) {
                    throw Support.refused("ticketId", "error.rating.notFinished", t.number());
                }
                if (tx.count("SELECT COUNT(*) FROM CTR_RATING WHERE TICKET_ID = ?", ticketId) > 0) {
                    throw Support.refused("ticketId", "error.rating.duplicate", t.number());
                }
                office = t.officeCode();
                window = t.windowNo();
                clerk = t.clerk();
            } else {
                var row = tx.queryOne("SELECT OFFICE_CODE, OWNER, STATUS, APP_NO FROM CTR_APPLICATION WHERE ID = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, appId)
                        .orElseThrow(() -> Support.notFound("entity.application", appId));
                if (ApplicationStatus.valueOf(row[2]) == ApplicationStatus.RECEIVED) {
                    throw Support.refused("applicationId", "error.rating.notServed", row[3]);
                }
                if (tx.count("SELECT COUNT(*) FROM CTR_RATING WHERE APPLICATION_ID = ?", appId) > 0) {
                    throw Support.refused("applicationId", "error.rating.duplicate", row[3]);
                }
                office = row[0];
                clerk = row[1];
            }
            caller.requireWrite(office);
            String id = UUID.randomUUID().toString();
            StringBuilder cols = new StringBuilder("ID, OFFICE_CODE, SCORE, RATED_AT, " + Rows.META);
            List<Object> p = new ArrayList<>(List.of(id, office, draft.score(), tx.now(), caller.username(), tx.now(),
                    caller.username(), tx.now(), 1L));
            add(cols, p, "TICKET_ID", ticketId);
            add(cols, p, "APPLICATION_ID", appId);
            add(cols, p, "COMMENT_TEXT", comment);
            add(cols, p, "RATER_NAME", name);
            add(cols, p, "RATER_PHONE", phone);
            add(cols, p, "WINDOW_NO", window);
            add(cols, p, "CLERK", clerk);
            tx.update("INSERT INTO CTR_RATING (" + cols + ") VALUES (" + "?, ".repeat(p.size() - 1) + "?)", p.toArray());
            tx.audit(Support.MODULE, "rating", id, office, AuditAction.CREATE, Map.of("score", new Object[] {null, draft.score()}));
            if (draft.score() <= badMax) {
                String rid = UUID.randomUUID().toString();
                LocalDate due = calendar.addWorkingDays(Support.day(tx.now()), fixDays);
                tx.update("INSERT INTO CTR_RECTIFICATION (ID, OFFICE_CODE, RATING_ID, DUE_ON, STATUS, " + Rows.META
                        + ") VALUES (?,?,?,?,?,?,?,?,?,1)", rid, office, id, due, RectificationStatus.OPEN, caller.username(), tx.now(),
                        caller.username(), tx.now());
                tx.audit(Support.MODULE, "rectification", rid, office, AuditAction.CREATE,
                        Map.of("rating", new Object[] {null, draft.score()}, "dueOn", new Object[] {null, due}));
            }
            return tx.queryOne("SELECT " + COLS + " FROM CTR_RATING WHERE ID = ?", RatingServiceImpl::map, id).orElseThrow();
        });
    }

    private static void add(StringBuilder cols, List<Object> p, String col, Object v) {
        if (v != null) {
            cols.append(", ").append(col);
            p.add(v);
        }
    }

    @Override
    public Page<Rating> ratings(Caller caller, String officeCode, PageRequest page) {
        String office = caller.scopeOffice(officeCode);
        PageRequest p = page == null ? PageRequest.first(50) : page;
        return db.read(caller, tx -> {
            Object[] w = office == null ? new Object[0] : new Object[] {office};
            String where = office == null ? "" : " WHERE OFFICE_CODE = ?";
            long total = tx.count("SELECT COUNT(*) FROM CTR_RATING" + where, w);
            List<Object> all = new ArrayList<>(List.of(w));
            all.add(p.offset());
            all.add(p.limit());
            return new Page<>(tx.query("SELECT " + COLS + " FROM CTR_RATING" + where + " ORDER BY RATED_AT DESC OFFSET ? ROWS"
                    + " FETCH NEXT ? ROWS ONLY", RatingServiceImpl::map, all.toArray()), p.offset(), p.limit(), total);
        });
    }

    @Override
    public List<Rectification> rectifications(Caller caller, String officeCode, boolean openOnly) {
        String office = caller.scopeOffice(officeCode);
        List<Object> p = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (office != null) {
            where.append(" AND X.OFFICE_CODE = ?");
            p.add(office);
        }
        if (openOnly) {
            where.append(" AND X.STATUS <> 'CLOSED'");
        }
        return db.read(caller, tx -> tx.query(RECT_SELECT + where + " ORDER BY X.DUE_ON, X.CREATED_AT", RatingServiceImpl::mapRect,
                p.toArray()));
    }

    @Override
    public Rectification callback(Caller caller, String id, long expectedVersion, String note) {
        caller.requireAnyRole(Support.SUPERVISORS);
        String n = Support.blankToNull(note);
        if (n == null || n.length() > 1000) {
            throw Support.refused("note", n == null ? "error.rectification.noteRequired" : "error.text.tooLong", 1000,
                    n == null ? 0 : n.length());
        }
        return db.tx(caller, tx -> {
            Rectification r = loadRect(tx, id);
            caller.requireWrite(r.officeCode());
            if (r.status() != RectificationStatus.OPEN) {
                throw Support.refused(null, "error.rectification.status", Support.m("RectificationStatus." + r.status().name()));
            }
            int rows = tx.update("UPDATE CTR_RECTIFICATION SET STATUS = ?, CALLBACK_AT = ?, CALLBACK_BY = ?, CALLBACK_NOTE = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                    RectificationStatus.CALLED_BACK, tx.now(), caller.username(), n, caller.username(), tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_RECTIFICATION", id, "entity.rectification");
            Map<String, Object[]> c = new LinkedHashMap<>();
            c.put("status", new Object[] {r.status(), RectificationStatus.CALLED_BACK});
            c.put("callbackNote", new Object[] {null, n});
            tx.audit(Support.MODULE, "rectification", id, r.officeCode(), AuditAction.UPDATE, c);
            return loadRect(tx, id);
        });
    }

    @Override
    public Rectification close(Caller caller, String id, long expectedVersion, String fixNote) {
        caller.requireAnyRole(Support.SUPERVISORS);
        String n = Support.blankToNull(fixNote);
        if (n == null || n.length() > 1000) {
            throw Support.refused("fixNote", n == null ? "error.rectification.noteRequired" : "error.text.tooLong", 1000,
                    n == null ? 0 : n.length());
        }
        return db.tx(caller, tx -> {
            Rectification r = loadRect(tx, id);
            caller.requireWrite(r.officeCode());
            if (r.status() != RectificationStatus.CALLED_BACK) {
                throw Support.refused(null, "error.rectification.callbackFirst");
            }
            int rows = tx.update("UPDATE CTR_RECTIFICATION SET STATUS = ?, FIX_NOTE = ?, CLOSED_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", RectificationStatus.CLOSED, n, tx.now(), caller.username(),
                    tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_RECTIFICATION", id, "entity.rectification");
            tx.audit(Support.MODULE, "rectification", id, r.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {r.status(), RectificationStatus.CLOSED}, "fixNote", new Object[] {null, n}));
            return loadRect(tx, id);
        });
    }

    private static Rectification loadRect(Tx tx, String id) throws SQLException {
        return tx.queryOne(RECT_SELECT + " WHERE X.ID = ?", RatingServiceImpl::mapRect, id)
                .orElseThrow(() -> Support.notFound("entity.rectification", id));
    }

    static Rating map(ResultSet rs) throws SQLException {
        int w = rs.getInt("WINDOW_NO");
        Integer window = rs.wasNull() ? null : w;
        return new Rating(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("TICKET_ID"), rs.getString("APPLICATION_ID"),
                rs.getInt("SCORE"), rs.getString("COMMENT_TEXT"), rs.getString("RATER_NAME"), rs.getString("RATER_PHONE"), window,
                rs.getString("CLERK"), Rows.instant(rs, "RATED_AT"), Rows.meta(rs));
    }

    static Rectification mapRect(ResultSet rs) throws SQLException {
        return new Rectification(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("RATING_ID"), rs.getInt("SCORE"),
                rs.getString("COMMENT_TEXT"), rs.getString("RATER_NAME"), rs.getString("RATER_PHONE"), rs.getString("CLERK"),
                Rows.date(rs, "DUE_ON"), Rows.enumValue(rs, "STATUS", RectificationStatus.class), Rows.instant(rs, "CALLBACK_AT"),
                rs.getString("CALLBACK_BY"), rs.getString("CALLBACK_NOTE"), rs.getString("FIX_NOTE"), Rows.instant(rs, "CLOSED_AT"),
                Rows.meta(rs));
    }
}
