package cn.gannan.hpf.counter.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.counter.api.ApplicationService;
import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.QueueService;
import cn.gannan.hpf.counter.api.RatingService;
import cn.gannan.hpf.counter.api.Records.AppDocument;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.Records.ApplicationDraft;
import cn.gannan.hpf.counter.api.Records.RatingDraft;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;
import cn.gannan.hpf.counter.api.Records.Ticket;
import cn.gannan.hpf.counter.api.rules.IdNumbers;

/**
 * Demo data for the counter, in demo mode only, once (marker {@code demo.loaded} in CTR_MARKER):
 * three windows per office; at each of the nine offices a day of queue tickets (some finished and
 * rated, one bad rating with its rectification item), and applications in every state, among them
 * the seed article's purchase withdrawal of 100,000 yuan paid with an SMS; at GN01 one overdue
 * application. Clerks are the core's demo staff of each office (display names; usernames
 * {@code demo.staff} at GN01, {@code clerk.<office>.<n>} elsewhere). Everything goes through the
 * services, so it is validated and audited like real work.
 */
@Component(service = CounterDemoData.class, immediate = true)
public class CounterDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(CounterDemoData.class);
    static final String MARKER = "demo.loaded";
    private static final String[] NAMES = {"扎西", "卓玛", "李建国", "马海燕", "才让东智", "王丽娟", "杨德吉", "张志强", "拉毛草", "赵永红",
        "尕藏", "周晓东"};
    private static final String[] REGIONS = {"623001", "623021", "623022", "623023", "623024", "623025", "623026", "623027"};

    @Activate
    public CounterDemoData(@Reference OfficeService offices, @Reference Database db, @Reference PersonService people,
            @Reference CatalogService catalog, @Reference QueueService queue, @Reference ApplicationService apps,
            @Reference RatingService ratings) {
        if (!offices.demoMode()) {
            return;
        }
        Caller system = Caller.system(offices.current().code());
        boolean loaded = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM CTR_MARKER WHERE NAME = ?", MARKER) > 0);
        if (loaded) {
            return;
        }
        long t0 = System.nanoTime();
        db.tx(system, tx -> {
            Random rnd = new Random(2017);
            int person = 0;
            for (Office o : offices.offices()) {
                Caller admin = Caller.system(o.code());
                catalog.createWindow(admin, new ServiceWindowDraft(o.code(), 1, "提取业务窗口",
                        List.of("PURCHASE", "RENT", "LOAN_REPAY", "RETIRE", "LEAVE"), true));
                catalog.createWindow(admin, new ServiceWindowDraft(o.code(), 2, "贷款业务窗口", List.of("LOAN", "TRANSFER"), true));
                catalog.createWindow(admin, new ServiceWindowDraft(o.code(), 3, "综合业务窗口",
                        List.of("REGISTER", "CHANGE", "ENQUIRY"), true));
                List<Person> staff = people.find(system, new PersonQuery(o.code(), null, null, null, Boolean.TRUE),
                        new PageRequest(0, 3)).items();
                Caller c1 = clerk(o, staff, 0);
                Caller c2 = clerk(o, staff, 1);
                // a morning of the queue
                String[] types = {"PURCHASE", "ENQUIRY", "RENT", "LOAN", "PURCHASE", "CHANGE", "RETIRE", "ENQUIRY"};
                for (int i = 0; i < types.length; i++) {
                    queue.take(c1, types[i], i == 4);
                }
                for (int w = 1; w <= 3; w++) {
                    Caller clerk = w == 2 ? c2 : c1;
                    for (int k = 0; k < 2; k++) {
                        var next = queue.callNext(clerk, w);
                        if (next.isEmpty()) {
                            break;
                        }
                        Ticket t = next.get();
                        if (k == 1 && w == 3) {
                            break; // left called on the board
                        }
                        queue.serve(clerk, t.id());
                        t = queue.finish(clerk, t.id());
                        int score = w == 3 && o.code().equals("GN03") ? 2 : 4 + rnd.nextInt(2);
                        ratings.rate(clerk, new RatingDraft(t.id(), null, score, score <= 2 ? "咨询时等候较久，窗口解释不够耐心" : null,
                                score <= 2 ? "周先生" : null, score <= 2 ? "13993901234" : null));
                    }
                }
                // applications in every state
                for (int i = 0; i < 5; i++) {
                    String name = NAMES[(person++) % NAMES.length];
                    String id = id(REGIONS[Math.max(0, Integer.parseInt(o.code().substring(2)) - 1) % REGIONS.length], rnd);
                    boolean married = i % 2 == 0;
                    String type = i == 3 ? "LOAN" : "PURCHASE";
                    Application a = apps.create(c1, new ApplicationDraft(o.code(), type, name, id, "139" + (10000000 + rnd.nextInt(89999999)),
                            married, false, new BigDecimal(100000 + rnd.nextInt(120000)), new BigDecimal("100000.00"), null));
                    switch (i) {
                        case 0 -> {
                            // the seed: a complete file handled on the spot, paid, SMS sent
                            a = receiveAll(apps, c1, a);
                            a = apps.accept(c1, a.id(), a.meta().version(), null);
                            a = apps.decide(c1, a.id(), a.meta().version(), true, "材料齐全，符合购房提取条件");
                            a = apps.pay(c1, a.id(), a.meta().version(), new BigDecimal("100000.00"));
                            a = apps.notifyApplicant(c1, a.id(), a.meta().version());
                            apps.close(c1, a.id(), a.meta().version());
                        }
                        case 1 -> {
                            // missing documents: one-time notice, accepted with the clock stopped
                            a = receiveSome(apps, c1, a, 2);
                            apps.issueNotice(c1, a.id());
                            a = apps.get(c1, a.id());
                            apps.accept(c1, a.id(), a.meta().version(), null);
                        }
                        case 2 -> {
                            a = receiveAll(apps, c1, a);
                            a = apps.accept(c1, a.id(), a.meta().version(), null);
                            a = apps.decide(c1, a.id(), a.meta().version(), false, "购房合同尚未网签备案，暂不符合提取条件");
                            apps.notifyApplicant(c1, a.id(), a.meta().version());
                        }
                        case 3 -> {
                            a = receiveAll(apps, c1, a);
                            apps.accept(c1, a.id(), a.meta().version(), null);
                        }
                        default -> {
                            // just taken in
                        }
                    }
                }
            }
            tx.update("INSERT INTO CTR_MARKER (NAME, VALUE_TEXT, CREATED_AT) VALUES (?, ?, ?)", MARKER, "v1", tx.now());
            return null;
        });
        // one overdue application at GN01 for the dashboard: taken in and accepted ten days ago
        String overdueId = db.read(system, tx -> tx.queryOne("SELECT ID FROM CTR_APPLICATION WHERE OFFICE_CODE = 'GN01'"
                + " AND STATUS = 'ACCEPTED' AND BUSINESS_CODE = 'LOAN'", rs -> rs.getString(1)).orElse(null));
        if (overdueId != null) {
            LocalDate ago = LocalDate.now(Support.ZONE).minusDays(30);
            db.tx(system, tx -> tx.update("UPDATE CTR_APPLICATION SET RECEIVED_AT = ?, ACCEPTED_ON = ?, ACCEPTED_AT = ?,"
                    + " CLOCK_START = ?, LEGAL_DUE = ?, PROMISED_DUE = ? WHERE ID = ?", ago.atStartOfDay(Support.ZONE).toInstant(), ago,
                    ago.atStartOfDay(Support.ZONE).toInstant(), ago, ago.plusDays(21), ago.plusDays(14), overdueId));
        }
        LOG.info("Counter demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static Caller clerk(Office o, List<Person> staff, int i) {
        String display = staff.size() > i ? staff.get(i).name() : "窗口" + (i + 1);
        String username = o.code().equals("GN01") && i == 0 ? "demo.staff" : "clerk." + o.code().toLowerCase() + "." + (i + 1);
        return new Caller(null, username, display, o.code(), EnumSet.of(Role.STAFF));
    }

    private static Application receiveAll(ApplicationService apps, Caller c, Application a) {
        return receiveSome(apps, c, a, 0);
    }

    private static Application receiveSome(ApplicationService apps, Caller c, Application a, int leaveMissing) {
        Application cur = a;
        List<AppDocument> docs = a.documents();
        for (int i = 0; i < docs.size() - leaveMissing; i++) {
            cur = apps.setDocument(c, cur.id(), cur.meta().version(), docs.get(i).id(), true, null);
        }
        return cur;
    }

    static String id(String region, Random rnd) {
        LocalDate birth = LocalDate.of(1960 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", rnd.nextInt(1000));
        return first17 + IdNumbers.checkDigit(first17);
    }
}
