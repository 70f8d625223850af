package cn.gannan.hpf.rooms.internal;

import static cn.gannan.hpf.rooms.internal.RoomsServicesTest.assertThrows;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipInputStream;

import org.junit.BeforeClass;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.rooms.api.Booking;
import cn.gannan.hpf.rooms.api.BookingDraft;
import cn.gannan.hpf.rooms.api.BookingQuery;
import cn.gannan.hpf.rooms.api.BookingStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomStatistics;
import cn.gannan.hpf.rooms.api.SiteStatistics;
import cn.gannan.hpf.rooms.api.UsageDraft;

/** Bookings without overlaps (boundaries included), the contract for other modules, the usage log, statistics. */
public class BookingsTest {

    static final Caller ADMIN1 = RoomsNode.caller("GN01", Role.OFFICE_ADMIN);
    static final Caller STAFF1 = RoomsNode.caller("GN01", Role.STAFF);
    static final Caller OTHER1 = RoomsNode.caller("GN01", Role.LEADER);
    static final Caller STAFF2 = RoomsNode.caller("GN02", Role.STAFF);
    static final Caller AUDITOR = RoomsNode.caller("GN00", Role.AUDITOR);

    static RoomsNode n;
    static Room room;
    /** 09:00 tomorrow in the offices' zone, as an instant. */
    static Instant nine;
    static int counter;

    @BeforeClass
    public static void node() {
        n = new RoomsNode();
        room = n.rooms.create(ADMIN1, RoomsServicesTest.draft("GN01", "40"));
        nine = LocalDate.now(BookingServiceImpl.ZONE).plusDays(2).atTime(9, 0).atZone(BookingServiceImpl.ZONE).toInstant();
    }

    /** A fresh day for each test, so tests do not share slots. */
    private static Instant day(int hour) {
        return nine.plus(Duration.ofDays(counter)).plus(Duration.ofHours(hour - 9L));
    }

    private static Booking book(Caller c, Instant start, Instant end, String purpose) {
        return n.bookings.book(c, new BookingDraft(room.id(), start, end, purpose, null, null));
    }

    @Test
    public void endingExactlyWhenAnotherStartsIsNotAClashOverlapIsRefusedNamingTheBooking() {
        counter = 1;
        Booking lecture = book(STAFF1, day(9), day(10), "支部党课");
        Booking after = book(STAFF1, day(10), day(11), "业务学习"); // starts when the lecture ends
        Booking before = book(STAFF1, day(8), day(9), "晨会"); // ends when the lecture starts
        assertEquals(BookingStatus.BOOKED, after.status());
        assertEquals(BookingStatus.BOOKED, before.status());
        long count = n.count("ROOMS_BOOKING");
        for (Instant[] slot : new Instant[][] {{day(9), day(10)}, {day(9).plusSeconds(1800), day(10).plusSeconds(1800)},
            {day(8).plusSeconds(60), day(9).plusSeconds(60)}, {day(9).plusSeconds(600), day(9).plusSeconds(1200)},
            {day(7), day(12)}}) {
            try {
                book(OTHER1, slot[0], slot[1], "冲突测试");
                fail("overlap accepted: " + slot[0] + "–" + slot[1]);
            } catch (ValidationException e) {
                String zh = e.localized(Locale.SIMPLIFIED_CHINESE);
                assertTrue(zh, zh.contains("冲突") && (zh.contains("支部党课") || zh.contains("晨会") || zh.contains("业务学习")));
            }
        }
        try {
            book(OTHER1, day(9).plusSeconds(1800), day(9).plusSeconds(2400), "冲突测试");
            fail("overlap accepted");
        } catch (ValidationException e) {
            String en = e.localized(Locale.ENGLISH);
            assertTrue(en, en.contains("支部党课") && en.contains("09:00") && en.contains("10:00"));
        }
        assertEquals("nothing written by refused bookings", count, n.count("ROOMS_BOOKING"));
        // cancelled bookings free the slot
        assertThrows(ValidationException.class, () -> n.bookings.cancel(STAFF1, lecture.id(), lecture.meta().version(), ""));
        Booking cancelled = n.bookings.cancel(STAFF1, lecture.id(), lecture.meta().version(), "改期");
        assertEquals(BookingStatus.CANCELLED, cancelled.status());
        assertThrows(ValidationException.class, () -> n.bookings.cancel(STAFF1, lecture.id(), cancelled.meta().version(), "x"));
        assertEquals(BookingStatus.BOOKED, book(OTHER1, day(9), day(10), "主题党日").status());
    }

    @Test
    public void twoConcurrentRequestsForTheSameSlotOneWins() throws Exception {
        counter = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (String who : List.of("甲", "乙")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        book(STAFF1, day(9), day(11), "并发预约" + who);
                        return "booked";
                    } catch (ValidationException e) {
                        return "clash";
                    }
                }));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> f : results) {
                outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            java.util.Collections.sort(outcomes);
            assertEquals(List.of("booked", "clash"), outcomes);
            assertEquals(1, n.bookings.find(STAFF1, new BookingQuery(null, room.id(), day(0), day(24), BookingStatus.BOOKED,
                    "并发预约"), new PageRequest(0, 10)).total());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void slotRulesAndWhoMayBookOrCancel() {
        counter = 2;
        assertThrows(ValidationException.class, () -> book(STAFF1, day(10), day(10), "零时长"));
        assertThrows(ValidationException.class, () -> book(STAFF1, day(10), day(9), "倒序"));
        assertThrows(ValidationException.class, () -> book(STAFF1, day(9), day(9).plus(Duration.ofHours(24)).plusSeconds(60), "太长"));
        assertThrows(ValidationException.class, () -> book(STAFF1, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now()
                .plus(1, ChronoUnit.HOURS), "过去"));
        try {
            n.bookings.book(STAFF1, new BookingDraft(room.id(), null, null, " ", null, null));
            fail("empty booking");
        } catch (ValidationException e) {
            assertEquals(3, e.fieldErrors().size());
        }
        assertThrows(AccessDeniedException.class, () -> book(STAFF2, day(9), day(10), "外单位"));
        assertThrows(AccessDeniedException.class, () -> book(AUDITOR, day(9), day(10), "审计"));
        Booking mine = book(STAFF1, day(9), day(10), "小组学习");
        // another staff member cannot cancel it; a manager can
        Caller otherStaff = new Caller("u2", "someone.else", "别人", "GN01", java.util.EnumSet.of(Role.STAFF));
        assertThrows(AccessDeniedException.class, () -> n.bookings.cancel(otherStaff, mine.id(), mine.meta().version(), "x"));
        assertThrows(StaleRecordException.class, () -> n.bookings.cancel(ADMIN1, mine.id(), mine.meta().version() + 1, "x"));
        assertEquals(BookingStatus.CANCELLED, n.bookings.cancel(ADMIN1, mine.id(), mine.meta().version(), "会议室维修").status());
        assertTrue(n.auditLines("booking") >= 2);
    }

    @Test
    public void otherModulesBookThroughTheNarrowContractAndCancelByReference() {
        counter = 3;
        assertEquals(List.of(room.id()), n.bookings.bookableRooms(STAFF1, "GN01").stream().map(Room::id).toList());
        assertEquals(List.of(), n.bookings.bookableRooms(STAFF2, "GN02"));
        Booking b = n.bookings.book(STAFF1, room.id(), day(14), day(16), "党组会议", "meetings:m-42");
        assertEquals("meetings:m-42", b.externalRef());
        try {
            n.bookings.book(STAFF1, room.id(), day(15), day(17), "支委会", "meetings:m-43");
            fail("clash accepted");
        } catch (ValidationException e) {
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("党组会议"));
        }
        assertEquals(1, n.bookings.bookingsByReference(STAFF1, "meetings:m-42").size());
        assertEquals(1, n.bookings.cancelByReference(STAFF1, "meetings:m-42", "会议取消"));
        assertEquals(0, n.bookings.cancelByReference(STAFF1, "meetings:m-42", "会议取消"));
        assertEquals(0, n.bookings.cancelByReference(STAFF1, "meetings:none", "x"));
        assertEquals(BookingStatus.CANCELLED, n.bookings.bookingsByReference(STAFF1, "meetings:m-42").get(0).status());
        assertEquals(1, n.bookings.find(STAFF1, new BookingQuery("GN01", null, day(0), day(24), BookingStatus.CANCELLED, "党组"),
                new PageRequest(0, 10)).total());
    }

    @Test
    public void usageLogNoOverlapNoFutureAndHoursPerMonthInStatistics() {
        ZonedDateTime base = LocalDate.now(BookingServiceImpl.ZONE).withDayOfMonth(1).atTime(9, 0)
                .atZone(BookingServiceImpl.ZONE).minusMonths(1);
        Instant s1 = base.toInstant();
        n.bookings.recordUsage(STAFF1, new UsageDraft(room.id(), s1, s1.plus(Duration.ofMinutes(90)), "支部党员大会",
                "第一党支部", 12, null));
        Instant s2 = s1.plus(Duration.ofMinutes(90)); // right after: no overlap
        n.bookings.recordUsage(STAFF1, new UsageDraft(room.id(), s2, s2.plus(Duration.ofHours(2)), "读书会", "工会", 8, null));
        try {
            n.bookings.recordUsage(STAFF1, new UsageDraft(room.id(), s1.plusSeconds(60), s1.plusSeconds(120), "重复",
                    "某人", null, null));
            fail("overlapping usage");
        } catch (ValidationException e) {
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("支部党员大会"));
        }
        assertThrows(ValidationException.class, () -> n.bookings.recordUsage(STAFF1, new UsageDraft(room.id(),
                Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)).plusSeconds(3600), "未来",
                "某人", null, null)));
        assertThrows(ValidationException.class, () -> n.bookings.recordUsage(STAFF1, new UsageDraft(room.id(),
                s1.minus(Duration.ofDays(3)), s1.minus(Duration.ofDays(3)).plusSeconds(60), "人数", "某人", -1, null)));

        int year = base.getYear();
        RoomStatistics st = n.stats.statistics(AUDITOR, year, null);
        assertEquals(9, st.sites().size());
        SiteStatistics gn01 = st.sites().stream().filter(s -> s.officeCode().equals("GN01")).findFirst().orElseThrow();
        assertEquals(3.5, gn01.usageHoursByMonth().get(base.getMonthValue() - 1), 1e-9);
        assertEquals(3.5, gn01.usageHours(), 1e-9);
        assertTrue(gn01.hasRoom());
        assertTrue(gn01.conformanceRate() > 0 && gn01.conformanceRate() < 1);
        SiteStatistics gn02 = st.sites().stream().filter(s -> s.officeCode().equals("GN02")).findFirst().orElseThrow();
        assertEquals(0.0, gn02.conformanceRate(), 0);
        assertEquals(1, n.stats.statistics(STAFF1, year, null).sites().size());
        assertThrows(AccessDeniedException.class, () -> n.stats.statistics(STAFF1, year, "GN02"));
        assertThrows(ValidationException.class, () -> n.stats.statistics(STAFF1, 1999, null));
        assertEquals(2, n.bookings.usage(STAFF1, new BookingQuery(null, room.id(), null, null, null, null),
                new PageRequest(0, 10)).total());
    }

    @Test
    public void statisticsExportIsARealWorkbook() throws Exception {
        byte[] xlsx = n.stats.exportXlsx(AUDITOR, LocalDate.now().getYear(), null, Locale.SIMPLIFIED_CHINESE);
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        boolean sheet1 = false;
        boolean sheet2 = false;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String text = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet1 = text.contains("合作市管理部") && text.contains("达标率");
                }
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    sheet2 = text.contains("缺失");
                }
            }
        }
        assertTrue("sites sheet", sheet1);
        assertTrue("gaps sheet", sheet2);
    }
}
