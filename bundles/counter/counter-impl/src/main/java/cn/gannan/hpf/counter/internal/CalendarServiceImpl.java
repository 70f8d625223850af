package cn.gannan.hpf.counter.internal;



import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.CalendarService;
import cn.gannan.hpf.counter.api.Records.HolidayDraft;
import cn.gannan.hpf.counter.api.Records.HolidayEntry;
import cn.gannan.hpf.counter.api.rules.HolidaySchedule;
import cn.gannan.hpf.counter.api.rules.WorkCalendar;
import cn.gannan.hpf.counter.api.rules.WorkCalendar.DayKind;

/**
 * The holiday calendar. The shipped official schedules are written once per year (recorded in
 * CTR_MARKER, so a day an admin deleted is not put back); the calendar is cached and rebuilt on change.
 */
@Component(service = CalendarService.class)
public class CalendarServiceImpl implements CalendarService {

    private static final String COLS = "ID, DAY, KIND, NAME, " + Rows.META;

    private final Database db;
    private final String centralOffice;
    private volatile WorkCalendar cached;

    @Activate
    public CalendarServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices) {
        this.db = db;
        this.centralOffice = offices.offices().stream().filter(o -> o.central()).map(o -> o.code()).findFirst().orElse("GN00");
        migrations.migrate(Support.MODULE, CalendarServiceImpl.class, Support.MIGRATIONS);
        Caller system = Caller.system(offices.current().code());
        db.tx(system, tx -> {
            for (int year : HolidaySchedule.years()) {
                String marker = "holidays.seeded." + year;
                if (tx.count("SELECT COUNT(*) FROM CTR_MARKER WHERE NAME = ?", marker) > 0) {
                    continue;
                }
                for (HolidaySchedule.Day d : HolidaySchedule.official(year)) {
                    if (tx.count("SELECT COUNT(*) FROM CTR_HOLIDAY WHERE DAY = ?", d.date()) == 0) {
                        insert(tx, system, new HolidayDraft(d.date(), d.kind(), d.nameZh()));
                    }
                }
                tx.update("INSERT INTO CTR_MARKER (NAME, VALUE_TEXT, CREATED_AT) VALUES (?, ?, ?)", marker, "official", tx.now());
            }
            return null;
        });
    }

    @Override
    public WorkCalendar calendar() {
        WorkCalendar c = cached;
        if (c == null) {
            c = db.read(Caller.system(centralOffice), tx -> {
                Map<LocalDate, DayKind> days = new HashMap<>();
                Set<Integer> years = new HashSet<>();
                for (HolidayEntry e : tx.query("SELECT " + COLS + " FROM CTR_HOLIDAY", CalendarServiceImpl::map)) {
                    days.put(e.date(), e.kind());
                    years.add(e.date().getYear());
                }
                return new WorkCalendar(days, years);
            });
            cached = c;
        }
        return c;
    }

    @Override
    public List<HolidayEntry> entries(Caller caller, int year) {
        return db.read(caller, tx -> tx.query("SELECT " + COLS + " FROM CTR_HOLIDAY WHERE DAY >= ? AND DAY < ? ORDER BY DAY",
                CalendarServiceImpl::map, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
    }

    @Override
    public List<Integer> years(Caller caller) {
        return calendar().years().stream().sorted().toList();
    }

    @Override
    public HolidayEntry add(Caller caller, HolidayDraft draft) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        if (draft == null) {
            throw Support.refused(null, "error.body.missing");
        }
        Validator v = new Validator();
        v.required("date", draft.date());
        v.required("kind", draft.kind());
        String name = v.text("name", draft.name(), 100, true);
        v.throwIfInvalid();
        boolean weekend = draft.date().getDayOfWeek().getValue() >= 6;
        if (draft.kind() == DayKind.WORK && !weekend) {
            throw Support.refused("kind", "error.holiday.workOnWeekday", draft.date());
        }
        if (draft.kind() == DayKind.OFF && weekend) {
            throw Support.refused("kind", "error.holiday.offOnWeekend", draft.date());
        }
        HolidayEntry e = db.tx(caller, tx -> {
            if (tx.count("SELECT COUNT(*) FROM CTR_HOLIDAY WHERE DAY = ?", draft.date()) > 0) {
                throw Support.refused("date", "error.holiday.duplicate", draft.date());
            }
            String id = insert(tx, caller, new HolidayDraft(draft.date(), draft.kind(), name));
            return tx.queryOne("SELECT " + COLS + " FROM CTR_HOLIDAY WHERE ID = ?", CalendarServiceImpl::map, id).orElseThrow();
        });
        cached = null;
        return e;
    }

    private String insert(Tx tx, Caller caller, HolidayDraft d) throws SQLException {
        String id = UUID.randomUUID().toString();
        tx.update("INSERT INTO CTR_HOLIDAY (ID, OFFICE_CODE, DAY, KIND, NAME, " + Rows.META + ") VALUES (?,?,?,?,?,?,?,?,?,1)",
                id, centralOffice, d.date(), d.kind(), d.name(), caller.username(), tx.now(), caller.username(), tx.now());
        tx.audit(Support.MODULE, "holiday", id, centralOffice, AuditAction.CREATE,
                Map.of("date", new Object[] {null, d.date()}, "kind", new Object[] {null, d.kind()}, "name", new Object[] {null, d.name()}));
        return id;
    }

    @Override
    public void remove(Caller caller, String id, long expectedVersion) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        db.tx(caller, tx -> {
            HolidayEntry old = tx.queryOne("SELECT " + COLS + " FROM CTR_HOLIDAY WHERE ID = ?", CalendarServiceImpl::map, id)
                    .orElseThrow(() -> Support.notFound("entity.holiday", id));
            int rows = tx.update("DELETE FROM CTR_HOLIDAY WHERE ID = ? AND VERSION = ?", id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_HOLIDAY", id, "entity.holiday");
            tx.audit(Support.MODULE, "holiday", id, centralOffice, AuditAction.DELETE,
                    Map.of("date", new Object[] {old.date(), null}, "kind", new Object[] {old.kind(), null}));
            return null;
        });
        cached = null;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (start == null || days < 0) {
            throw Support.refused("days", "error.workingDays.invalid", days);
        }
        return calendar().addWorkingDays(start, days);
    }

    static HolidayEntry map(ResultSet rs) throws SQLException {
        return new HolidayEntry(rs.getString("ID"), Rows.date(rs, "DAY"), Rows.enumValue(rs, "KIND", DayKind.class),
                rs.getString("NAME"), Rows.meta(rs));
    }

}
