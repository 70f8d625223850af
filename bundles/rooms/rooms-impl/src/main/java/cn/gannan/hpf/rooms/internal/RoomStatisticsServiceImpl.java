package cn.gannan.hpf.rooms.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.RoomStatistics;
import cn.gannan.hpf.rooms.api.RoomStatisticsService;
import cn.gannan.hpf.rooms.api.RoomsMsg;
import cn.gannan.hpf.rooms.api.SiteStatistics;

/**
 * Per site: conformance against the current standard, rectification items (open, overdue today,
 * closed in the year), usage hours per month of the year (an entry counts in the month it starts,
 * in the offices' time zone), bookings in the year.
 */
@Component(service = RoomStatisticsService.class)
public class RoomStatisticsServiceImpl implements RoomStatisticsService {

    private final Database db;
    private final OfficeService offices;

    @Activate
    public RoomStatisticsServiceImpl(@Reference Database db, @Reference OfficeService offices, @Reference RoomsSchema schema) {
        this.db = db;
        this.offices = offices;
    }

    @Override
    public RoomStatistics statistics(Caller caller, int year, String officeCode) {
        if (year < 2000 || year > 2100) {
            throw ValidationException.field("year", RoomsMsg.of("error.stats.year", year));
        }
        String scope = caller.scopeOffice(officeCode);
        List<String> codes = offices.offices().stream().map(Office::code)
                .filter(c -> scope == null ? caller.canRead(c) : c.equals(scope)).collect(Collectors.toList());
        return db.read(caller, tx -> {
            List<SiteStatistics> sites = new ArrayList<>();
            int version = 0;
            for (String code : codes) {
                ConformanceReport r = RoomServiceImpl.check(tx, code);
                version = r.standardVersion();
                sites.add(site(tx, code, year, r));
            }
            return new RoomStatistics(year, scope, version, sites);
        });
    }

    private static SiteStatistics site(Tx tx, String office, int year, ConformanceReport r) throws java.sql.SQLException {
        LocalDate today = LocalDate.now(BookingServiceImpl.ZONE);
        int open = (int) tx.count("SELECT COUNT(*) FROM ROOMS_RECTIFICATION WHERE OFFICE_CODE = ? AND STATUS = 'OPEN'", office);
        int overdue = (int) tx.count("SELECT COUNT(*) FROM ROOMS_RECTIFICATION WHERE OFFICE_CODE = ? AND STATUS = 'OPEN'"
                + " AND DUE_ON < ?", office, today);
        int closed = (int) tx.count("SELECT COUNT(*) FROM ROOMS_RECTIFICATION WHERE OFFICE_CODE = ? AND STATUS = 'CLOSED'"
                + " AND CLOSED_ON >= ? AND CLOSED_ON < ?", office, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(BookingServiceImpl.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(BookingServiceImpl.ZONE).toInstant();
        double[] months = new double[12];
        for (Instant[] slot : tx.query("SELECT STARTS_AT, ENDS_AT FROM ROOMS_USAGE WHERE OFFICE_CODE = ? AND STARTS_AT >= ?"
                + " AND STARTS_AT < ?", rs -> new Instant[] {Rows.instant(rs, "STARTS_AT"), Rows.instant(rs, "ENDS_AT")},
                office, from, to)) {
            ZonedDateTime start = slot[0].atZone(BookingServiceImpl.ZONE);
            months[start.getMonthValue() - 1] += java.time.Duration.between(slot[0], slot[1]).toMinutes() / 60.0;
        }
        List<Double> hours = new ArrayList<>();
        for (double m : months) {
            hours.add(Math.round(m * 100) / 100.0);
        }
        int bookings = (int) tx.count("SELECT COUNT(*) FROM ROOMS_BOOKING WHERE OFFICE_CODE = ? AND STATUS = 'BOOKED'"
                + " AND STARTS_AT >= ? AND STARTS_AT < ?", office, from, to);
        return new SiteStatistics(office, r.roomId() != null, r.mandatorySatisfied(), r.mandatoryTotal(), r.rate(), open,
                overdue, closed, List.copyOf(hours), bookings);
    }

    @Override
    public byte[] exportXlsx(Caller caller, int year, String officeCode, Locale locale) {
        RoomStatistics s = statistics(caller, year, officeCode);
        List<List<?>> rows = new ArrayList<>();
        for (SiteStatistics site : s.sites()) {
            List<Object> row = new ArrayList<>();
            row.add(site.officeCode());
            row.add(officeName(site.officeCode(), locale));
            row.add(t(locale, site.hasRoom() ? "value.yes" : "value.no"));
            row.add(site.mandatorySatisfied());
            row.add(site.mandatoryTotal());
            row.add(Math.round(site.conformanceRate() * 1000) / 10.0);
            row.add(site.openRectifications());
            row.add(site.overdueRectifications());
            row.add(site.closedRectifications());
            row.add(site.bookings());
            row.addAll(site.usageHoursByMonth());
            row.add(Math.round(site.usageHours() * 100) / 100.0);
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of(t(locale, "xlsx.officeCode"), t(locale, "xlsx.office"),
                t(locale, "xlsx.hasRoom"), t(locale, "xlsx.satisfied"), t(locale, "xlsx.mandatory"),
                t(locale, "xlsx.rate"), t(locale, "xlsx.open"), t(locale, "xlsx.overdue"), t(locale, "xlsx.closed"),
                t(locale, "xlsx.bookings")));
        for (int m = 1; m <= 12; m++) {
            header.add(t(locale, "xlsx.month", m));
        }
        header.add(t(locale, "xlsx.hours"));

        // second sheet: what is not satisfied, item by item
        List<List<?>> gaps = new ArrayList<>();
        List<ConformanceReport> reports = db.read(caller, tx -> {
            List<ConformanceReport> out = new ArrayList<>();
            for (SiteStatistics site : s.sites()) {
                out.add(RoomServiceImpl.check(tx, site.officeCode()));
            }
            return out;
        });
        for (ConformanceReport r : reports) {
            for (ConformanceLine l : r.lines()) {
                if (l.status() != ConformanceStatus.SATISFIED) {
                    gaps.add(List.of(officeName(r.officeCode(), locale), l.itemCode(), l.name(),
                            RoomsMsg.label(l.status()).format(locale), l.required(), l.actual(), l.unusable(),
                            t(locale, l.mandatory() ? "value.yes" : "value.no")));
                }
            }
        }
        return Xlsx.write(List.of(
                new Xlsx.Sheet(t(locale, "xlsx.sheet.sites", year), header, rows),
                new Xlsx.Sheet(t(locale, "xlsx.sheet.gaps"), List.of(t(locale, "xlsx.office"), t(locale, "xlsx.code"),
                        t(locale, "xlsx.item"), t(locale, "xlsx.status"), t(locale, "xlsx.required"),
                        t(locale, "xlsx.actual"), t(locale, "xlsx.unusable"), t(locale, "xlsx.mandatoryItem")), gaps)));
    }

    private String officeName(String code, Locale locale) {
        return offices.find(code).map(o -> o.name(locale)).orElse(code);
    }

    private static String t(Locale locale, String key, Object... args) {
        return RoomsMsg.of(key, args).format(locale);
    }
}
