package cn.gannan.hpf.rooms.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.rooms.api.BookingDraft;
import cn.gannan.hpf.rooms.api.BookingService;
import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.Inspection;
import cn.gannan.hpf.rooms.api.InspectionDraft;
import cn.gannan.hpf.rooms.api.InspectionKind;
import cn.gannan.hpf.rooms.api.InspectionService;
import cn.gannan.hpf.rooms.api.InventoryDraft;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.InventoryService;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.Rectification;
import cn.gannan.hpf.rooms.api.RectificationDraft;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomDraft;
import cn.gannan.hpf.rooms.api.RoomFunction;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardService;
import cn.gannan.hpf.rooms.api.UsageDraft;

/**
 * Demo data of the rooms module, in demo mode only, loaded once (recorded in ROOMS_SETTING) through
 * the services, so it is validated and audited like any change: a room at each of the nine sites,
 * an inventory that meets the standard at most sites and falls short in realistic ways at others,
 * inspections by the centre with rectification items (closed, open, overdue), the usage log of the
 * last months and bookings of the coming weeks.
 */
@Component(service = RoomsDemoData.class, immediate = true)
public class RoomsDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(RoomsDemoData.class);
    static final String LOADED = "rooms.demo.loaded";

    private static final String[] LOCATIONS = {"办公楼三楼东侧", "办公楼二楼", "综合楼四楼", "办公楼一楼西侧", "业务楼三楼",
        "办公楼二楼北侧", "综合楼三楼", "办公楼四楼", "业务楼二楼"};
    private static final String[] MEETINGS = {"支部党员大会", "支委会", "党小组会", "党课：学习贯彻党的二十届四中全会精神",
        "主题党日：重温入党誓词", "理论学习中心组学习", "业务培训：住房公积金提取政策", "读书分享会", "青年干部座谈会",
        "廉政警示教育"};
    private static final String[] USERS = {"第一党支部", "第二党支部", "党总支", "工会", "团支部", "妇委会", "综合科",
        "归集科", "信贷科"};

    @Activate
    public RoomsDemoData(@Reference OfficeService offices, @Reference Database db, @Reference RoomsSchema schema,
            @Reference StandardService standards, @Reference RoomService rooms, @Reference InventoryService inventory,
            @Reference InspectionService inspections, @Reference BookingService bookings, @Reference PersonService people) {
        if (!offices.demoMode()) {
            return;
        }
        Caller system = Caller.system(offices.current().code());
        boolean loaded = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM ROOMS_SETTING WHERE NAME = ?", LOADED) > 0);
        if (loaded) {
            return;
        }
        long t0 = System.nanoTime();
        db.tx(system, tx -> {
            new Loader(system, offices, standards, rooms, inventory, inspections, bookings, people).load();
            tx.update("INSERT INTO ROOMS_SETTING (NAME, VAL) VALUES (?, ?)", LOADED, tx.now().toString());
            return null;
        });
        LOG.info("Rooms demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** One run of the loader. */
    static final class Loader {
        private final Caller c;
        private final OfficeService offices;
        private final StandardService standards;
        private final RoomService rooms;
        private final InventoryService inventory;
        private final InspectionService inspections;
        private final BookingService bookings;
        private final PersonService people;
        private final LocalDate today = LocalDate.now(BookingServiceImpl.ZONE);

        Loader(Caller c, OfficeService offices, StandardService standards, RoomService rooms, InventoryService inventory,
                InspectionService inspections, BookingService bookings, PersonService people) {
            this.c = c;
            this.offices = offices;
            this.standards = standards;
            this.rooms = rooms;
            this.inventory = inventory;
            this.inspections = inspections;
            this.bookings = bookings;
            this.people = people;
        }

        void load() {
            List<StandardItem> items = standards.current(c).items();
            int n = 0;
            for (Office o : offices.offices()) {
                site(o, n++, items);
            }
        }

        private void site(Office o, int n, List<StandardItem> std) {
            String code = o.code();
            List<Person> staff = people.find(c, new PersonQuery(code, null, null, null, Boolean.TRUE), new PageRequest(0, 5))
                    .items();
            String manager = staff.isEmpty() ? "李海燕" : staff.get(0).name();
            String managerId = staff.isEmpty() ? null : staff.get(0).id();
            String keeper = staff.size() > 1 ? staff.get(1).name() : manager;
            Set<RoomFunction> fn = code.equals("GN07") ? EnumSet.of(RoomFunction.MEETING, RoomFunction.PARTY_ACTIVITY,
                    RoomFunction.STUDY_READING) : EnumSet.allOf(RoomFunction.class);
            String area = switch (code) {
                case "GN00" -> "86.5";
                case "GN06" -> "18.5"; // below the 20 m² of the standard
                default -> String.valueOf(24 + n * 4);
            };
            Room room = rooms.create(c, new RoomDraft(code, o.central() ? "州中心“四位一体”党员活动室" : "“四位一体”党员活动室",
                    fn, new BigDecimal(area), o.central() ? 60 : 20 + n * 2, managerId, manager,
                    "0941-82" + String.format("%05d", 12345 + n * 111), "工作日 8:30–12:00，14:30–18:00",
                    LOCATIONS[n % LOCATIONS.length], true, o.central() ? "州中心党组会议、理论学习中心组学习使用" : null));

            int seq = 1;
            for (StandardItem si : std) {
                if (si.measure() != Measure.QUANTITY) {
                    continue;
                }
                int qty = si.requiredQuantity();
                Condition cond = Condition.GOOD;
                boolean specOk = true;
                String where = location(si);
                // realistic shortfalls at some sites
                if (code.equals("GN02") && si.code().equals("RULES")) {
                    qty = 3;
                } else if (code.equals("GN04") && si.code().equals("FLAG")) {
                    specOk = false; // an old flag of the wrong size
                } else if (code.equals("GN05") && si.code().equals("ARCHIVE_BOXES")) {
                    qty = 8;
                } else if (code.equals("GN03") && si.code().equals("BUSINESS_CABINET")) {
                    cond = Condition.BROKEN;
                } else if ((code.equals("GN06") && si.code().equals("PAPERS"))
                        || (code.equals("GN08") && si.code().equals("DISPLAY"))) {
                    continue; // missing altogether
                } else if (code.equals("GN08") && si.code().equals("BOOKS")) {
                    qty = 35;
                }
                InventoryItem it = inventory.add(c, room.id(), new InventoryDraft(String.format("%s-%s-%03d", code,
                        si.code().substring(0, Math.min(3, si.code().length())), seq++), si.code(), si.name(), qty, cond, where,
                        keeper, today.minusMonths(14 + n).withDayOfMonth(10), specOk));
                if (si.code().equals("CHAIRS") && n % 3 == 1) {
                    it = inventory.changeQuantity(c, it.id(), it.meta().version(), qty + 4, "新增折叠椅 4 把");
                }
                if (si.code().equals("BULLETIN") && n % 2 == 0) {
                    inventory.move(c, it.id(), it.meta().version(), "走廊东侧", "便于党员群众阅看");
                }
            }
            InventoryItem old = inventory.add(c, room.id(), new InventoryDraft(code + "-OLD-001", null, "旧投影仪", 1,
                    Condition.BROKEN, "储物柜", keeper, today.minusYears(8), true));
            inventory.writeOff(c, old.id(), old.meta().version(), "使用年限已满，无法维修");

            if (!o.central()) {
                inspect(room, n);
            }
            usage(room, n);
            bookingsFor(room, n);
        }

        private static String location(StandardItem si) {
            return switch (si.category()) {
                case PARTY_FLAG, WALL_OATH -> "主墙";
                case WALL_RULES -> "东墙";
                case BULLETIN_BOARD -> "入口处";
                case PARTY_STUDY_CABINET, BUSINESS_STUDY_CABINET, ARCHIVE_BOX -> "北侧书柜";
                case BOOKS_PAPERS -> "阅览区";
                case SIGN -> "门口";
                default -> "室内";
            };
        }

        private void inspect(Room room, int n) {
            Inspection first = inspections.create(c, new InspectionDraft(room.id(), today.minusDays(120 - n * 3), "州中心党建检查组",
                    InspectionKind.CONCENTRATED, "对照统一标准逐项检查“四位一体”阵地建设情况。"));
            Rectification r1 = inspections.addRectification(c, first.id(), new RectificationDraft("完善阵地管理制度上墙内容",
                    "阵地管理员", first.inspectedOn().plusDays(30)));
            inspections.close(c, r1.id(), r1.meta().version(), first.inspectedOn().plusDays(21), "已按统一版式更新制度牌");
            List<String> gaps = rooms.check(c, room.officeCode()).failures().stream()
                    .filter(l -> l.mandatory()).map(l -> l.name()).toList();
            if (!gaps.isEmpty()) {
                Inspection follow = inspections.create(c, new InspectionDraft(room.id(), today.minusDays(20 + n),
                        n % 2 == 0 ? "州中心党建检查组" : "州中心机关党委", n % 2 == 0 ? InspectionKind.UNANNOUNCED
                                : InspectionKind.FOLLOW_UP, "未达标：" + String.join("、", gaps)));
                int k = 0;
                for (String gap : gaps) {
                    // one overdue item at some sites, the rest due in the coming weeks
                    LocalDate due = k == 0 && n % 3 == 2 ? today.minusDays(3) : today.plusDays(15 + 5 * k);
                    inspections.addRectification(c, follow.id(), new RectificationDraft("整改：" + gap, "阵地管理员", due));
                    k++;
                }
            }
        }

        private void usage(Room room, int n) {
            for (int m = 5; m >= 0; m--) {
                LocalDate month = today.minusMonths(m).withDayOfMonth(1);
                int times = 2 + (n + m) % 3;
                for (int i = 0; i < times; i++) {
                    LocalDate day = month.plusDays(3 + i * 7L + n % 3);
                    if (!day.isBefore(today)) {
                        break;
                    }
                    LocalTime start = i % 2 == 0 ? LocalTime.of(9, 0) : LocalTime.of(15, 0);
                    Instant s = day.atTime(start).atZone(BookingServiceImpl.ZONE).toInstant();
                    int minutes = 60 + 30 * ((i + n) % 4);
                    bookings.recordUsage(c, new UsageDraft(room.id(), s, s.plusSeconds(minutes * 60L),
                            MEETINGS[(i + m + n) % MEETINGS.length], USERS[(i + n) % USERS.length], 8 + (i * 5 + n) % 25, null));
                }
            }
        }

        private void bookingsFor(Room room, int n) {
            for (int i = 0; i < 4; i++) {
                LocalDate day = today.plusDays(2 + i * 3L + n % 2);
                Instant s = day.atTime(i % 2 == 0 ? LocalTime.of(9, 0) : LocalTime.of(14, 30)).atZone(BookingServiceImpl.ZONE)
                        .toInstant();
                bookings.book(c, new BookingDraft(room.id(), s, s.plusSeconds(90 * 60L), MEETINGS[(i + n) % MEETINGS.length],
                        USERS[(i + n + 1) % USERS.length], null));
            }
        }
    }
}
