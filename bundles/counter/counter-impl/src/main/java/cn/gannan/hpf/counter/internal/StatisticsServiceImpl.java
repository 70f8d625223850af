package cn.gannan.hpf.counter.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.CounterStats;
import cn.gannan.hpf.counter.api.Records.StatRow;
import cn.gannan.hpf.counter.api.StatisticsService;

/**
 * Statistics of a year: tickets with waiting and handling times, applications with
 * acceptance-to-payment time and the on-time rate against the promised limit, ratings. Aggregated
 * in Java from the year's rows (portable SQL, no date arithmetic in the database).
 */
@Component(service = StatisticsService.class)
public class StatisticsServiceImpl implements StatisticsService {

    private final Database db;
    private final OfficeService offices;

    @Activate
    public StatisticsServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices) {
        this.db = db;
        this.offices = offices;
        migrations.migrate(Support.MODULE, StatisticsServiceImpl.class, Support.MIGRATIONS);
    }

    record T(String office, Integer window, String clerk, String business, Instant taken, Instant called, Instant serving,
            Instant finished) {
    }

    record A(String office, String owner, String business, Instant acceptedAt, Instant paidAt, LocalDate decidedOn,
            LocalDate promisedDue) {
    }

    record R(String office, Integer window, String clerk, String business, int score) {
    }

    /** Running sums of one group. */
    static final class Acc {
        final String key;
        String label;
        long tickets;
        long waitN;
        double waitSum;
        long handleN;
        double handleSum;
        long apps;
        long decided;
        long onTime;
        long withDue;
        long payN;
        double paySum;
        long ratings;
        double ratingSum;
        long bad;

        Acc(String key, String label) {
            this.key = key;
            this.label = label;
        }

        StatRow row(String group) {
            return new StatRow(group, key, label, tickets, avg(waitSum, waitN), avg(handleSum, handleN), apps, decided,
                    avg(paySum, payN), withDue == 0 ? null : Math.round(1000.0 * onTime / withDue) / 1000.0, ratings,
                    avg(ratingSum, ratings), bad);
        }

        private static Double avg(double sum, long n) {
            return n == 0 ? null : Math.round(100.0 * sum / n) / 100.0;
        }
    }

    @Override
    public CounterStats stats(Caller caller, String officeCode, int year) {
        if (year < 2000 || year > 2100) {
            throw Support.refused("year", "error.year.range", year, 2000, 2100);
        }
        String office = caller.scopeOffice(officeCode);
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Support.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Support.ZONE).toInstant();
        String of = office == null ? "" : " AND OFFICE_CODE = ?";
        Object[] p = office == null ? new Object[] {from, to} : new Object[] {from, to, office};
        return db.read(caller, tx -> {
            List<T> tickets = tx.query("SELECT OFFICE_CODE, WINDOW_NO, CLERK, BUSINESS_CODE, TAKEN_AT, CALLED_AT, SERVING_AT, FINISHED_AT"
                    + " FROM CTR_TICKET WHERE TAKEN_AT >= ? AND TAKEN_AT < ?" + of, rs -> {
                        int w = rs.getInt("WINDOW_NO");
                        return new T(rs.getString("OFFICE_CODE"), rs.wasNull() ? null : w, rs.getString("CLERK"),
                                rs.getString("BUSINESS_CODE"), Rows.instant(rs, "TAKEN_AT"), Rows.instant(rs, "CALLED_AT"),
                                Rows.instant(rs, "SERVING_AT"), Rows.instant(rs, "FINISHED_AT"));
                    }, p);
            List<A> apps = tx.query("SELECT OFFICE_CODE, OWNER, BUSINESS_CODE, ACCEPTED_AT, PAID_AT, DECIDED_ON, PROMISED_DUE"
                    + " FROM CTR_APPLICATION WHERE RECEIVED_AT >= ? AND RECEIVED_AT < ?" + of, rs -> new A(rs.getString(1), rs.getString(2),
                            rs.getString(3), Rows.instant(rs, "ACCEPTED_AT"), Rows.instant(rs, "PAID_AT"), Rows.date(rs, "DECIDED_ON"),
                            Rows.date(rs, "PROMISED_DUE")), p);
            List<R> ratings = tx.query("SELECT R.OFFICE_CODE, R.WINDOW_NO, R.CLERK, COALESCE(T.BUSINESS_CODE, A.BUSINESS_CODE) AS BC,"
                    + " R.SCORE FROM CTR_RATING R LEFT JOIN CTR_TICKET T ON T.ID = R.TICKET_ID"
                    + " LEFT JOIN CTR_APPLICATION A ON A.ID = R.APPLICATION_ID WHERE R.RATED_AT >= ? AND R.RATED_AT < ?"
                    + (office == null ? "" : " AND R.OFFICE_CODE = ?"), rs -> {
                        int w = rs.getInt(2);
                        return new R(rs.getString(1), rs.wasNull() ? null : w, rs.getString(3), rs.getString(4), rs.getInt(5));
                    }, p);
            Map<String, String> typeNames = new TreeMap<>();
            for (BusinessType bt : tx.query("SELECT ID, CODE, NAME_ZH, NAME_EN, LEGAL_DAYS, PROMISED_DAYS, PAYMENT_CAP, TICKET_PREFIX,"
                    + " ACTIVE, SORT_ORDER, " + Rows.META + " FROM CTR_BUSINESS_TYPE", CatalogServiceImpl::mapType)) {
                typeNames.put(bt.code(), bt.nameZh());
            }
            Function<String, String> officeName = c -> offices.find(c).map(o -> o.nameZh()).orElse(c);
            return new CounterStats(office, year,
                    group("office", tickets, apps, ratings, T::office, A::office, R::office, officeName),
                    group("window", tickets, List.of(), ratings, t -> t.window() == null ? null : t.office() + "#" + t.window(), a -> null,
                            r -> r.window() == null ? null : r.office() + "#" + r.window(),
                            k -> officeName.apply(k.substring(0, k.indexOf('#'))) + " " + k.substring(k.indexOf('#') + 1) + "号窗口"),
                    group("clerk", tickets, apps, ratings, T::clerk, A::owner, R::clerk, k -> k),
                    group("business", tickets, apps, ratings, T::business, A::business, R::business, k -> typeNames.getOrDefault(k, k)));
        });
    }

    private static List<StatRow> group(String name, List<T> tickets, List<A> apps, List<R> ratings, Function<T, String> tk,
            Function<A, String> ak, Function<R, String> rk, Function<String, String> label) {
        Map<String, Acc> m = new TreeMap<>();
        Function<String, Acc> acc = k -> m.computeIfAbsent(k, x -> new Acc(x, label.apply(x)));
        for (T t : tickets) {
            String k = tk.apply(t);
            if (k == null) {
                continue;
            }
            Acc a = acc.apply(k);
            a.tickets++;
            if (t.called() != null) {
                a.waitN++;
                a.waitSum += (t.called().getEpochSecond() - t.taken().getEpochSecond()) / 60.0;
            }
            if (t.serving() != null && t.finished() != null) {
                a.handleN++;
                a.handleSum += (t.finished().getEpochSecond() - t.serving().getEpochSecond()) / 60.0;
            }
        }
        for (A x : apps) {
            String k = ak.apply(x);
            if (k == null) {
                continue;
            }
            Acc a = acc.apply(k);
            a.apps++;
            if (x.decidedOn() != null) {
                a.decided++;
                if (x.promisedDue() != null) {
                    a.withDue++;
                    if (!x.decidedOn().isAfter(x.promisedDue())) {
                        a.onTime++;
                    }
                }
            }
            if (x.acceptedAt() != null && x.paidAt() != null) {
                a.payN++;
                a.paySum += (x.paidAt().getEpochSecond() - x.acceptedAt().getEpochSecond()) / 3600.0;
            }
        }
        for (R r : ratings) {
            String k = rk.apply(r);
            if (k == null) {
                continue;
            }
            Acc a = acc.apply(k);
            a.ratings++;
            a.ratingSum += r.score();
            if (r.score() <= 2) {
                a.bad++;
            }
        }
        List<StatRow> rows = new ArrayList<>();
        m.values().forEach(a -> rows.add(a.row(name)));
        return rows;
    }

    @Override
    public byte[] xlsx(Caller caller, String officeCode, int year, Locale locale) {
        CounterStats s = stats(caller, officeCode, year);
        Locale l = locale == null ? cn.gannan.hpf.core.api.Msg.ZH_CN : locale;
        List<String> header = List.of("stats.col.group", "stats.col.tickets", "stats.col.avgWait", "stats.col.avgHandle",
                "stats.col.applications", "stats.col.decided", "stats.col.acceptToPay", "stats.col.onTime", "stats.col.ratings",
                "stats.col.avgRating", "stats.col.bad").stream().map(k -> Support.m(k).format(l)).toList();
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        sheets.add(sheet(Support.m("stats.sheet.office").format(l), header, s.byOffice()));
        sheets.add(sheet(Support.m("stats.sheet.window").format(l), header, s.byWindow()));
        sheets.add(sheet(Support.m("stats.sheet.clerk").format(l), header, s.byClerk()));
        sheets.add(sheet(Support.m("stats.sheet.business").format(l), header, s.byBusiness()));
        return Xlsx.write(sheets);
    }

    private static Xlsx.Sheet sheet(String name, List<String> header, List<StatRow> rows) {
        List<List<?>> data = new ArrayList<>();
        for (StatRow r : rows) {
            data.add(java.util.Arrays.asList(r.label(), r.tickets(), r.avgWaitMinutes(), r.avgHandleMinutes(), r.applications(),
                    r.decided(), r.avgAcceptToPayHours(), r.onTimeRate(), r.ratings(), r.avgRating(), r.badRatings()));
        }
        return new Xlsx.Sheet(name, header, data);
    }
}
