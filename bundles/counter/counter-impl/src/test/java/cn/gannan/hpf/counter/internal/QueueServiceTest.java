package cn.gannan.hpf.counter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Locale;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.counter.api.Records.BusinessTypeDraft;
import cn.gannan.hpf.counter.api.Records.HallBoard;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;
import cn.gannan.hpf.counter.api.Records.Ticket;
import cn.gannan.hpf.counter.api.TicketStatus;
import cn.gannan.hpf.counter.api.rules.PaymentRules.Cap;

public class QueueServiceTest {

    private CounterTestNode n;
    private final Caller a = CounterTestNode.clerk("clerk.a", "GN01");
    private final Caller b = CounterTestNode.clerk("clerk.b", "GN01");

    @Before
    public void setUp() {
        n = new CounterTestNode();
        Caller admin = CounterTestNode.of("GN01", Role.OFFICE_ADMIN);
        n.catalog.createWindow(admin, new ServiceWindowDraft(null, 1, "提取窗口", List.of("PURCHASE", "RENT", "RETIRE"), true));
        n.catalog.createWindow(admin, new ServiceWindowDraft(null, 2, "综合窗口", List.of("ENQUIRY", "CHANGE"), true));
    }

    @Test
    public void catalogueIsSeededWithConditionalDocuments() {
        assertEquals(10, n.catalog.types(a, false).size());
        var docs = n.catalog.documents(a, "PURCHASE");
        assertTrue(docs.stream().anyMatch(d -> d.condition() == cn.gannan.hpf.counter.api.DocCondition.MARRIED));
        assertEquals(3, n.catalog.type(a, "PURCHASE").legalDays());
        assertEquals(15, n.catalog.type(a, "LOAN").legalDays());
    }

    @Test
    public void catalogueLimitsAreChecked() {
        Caller central = CounterTestNode.of("GN00", Role.CENTRAL_ADMIN);
        try {
            n.catalog.createType(central, new BusinessTypeDraft("HARDSHIP", "困难提取", "Hardship", 3, 3, Cap.BALANCE, "H", true, 200));
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("promisedDays"));
            assertEquals("承诺时限须短于法定时限：法定 3 个工作日，承诺 3 个工作日（法定为 0 即办时承诺也须为 0）。",
                    e.fieldErrors().get("promisedDays").format(Locale.SIMPLIFIED_CHINESE));
        }
        try {
            n.catalog.createType(a, new BusinessTypeDraft("HARDSHIP", "困难提取", "Hardship", 3, 1, Cap.BALANCE, "H", true, 200));
            fail("a clerk may not change the centre's catalogue");
        } catch (AccessDeniedException expected) {
            // refused
        }
        var t = n.catalog.createType(central, new BusinessTypeDraft("HARDSHIP", "困难提取", "Hardship", 3, 1, Cap.BALANCE, "H", true, 200));
        assertEquals(1, t.promisedDays());
        assertEquals(1, n.audits("businessType") - 10);
    }

    @Test
    public void priorityFirstThenOldestOnlyForTheWindowsBusiness() {
        Ticket t1 = n.queue.take(a, "PURCHASE", false);
        Ticket t2 = n.queue.take(a, "RENT", false);
        Ticket t3 = n.queue.take(a, "PURCHASE", true);
        Ticket e1 = n.queue.take(a, "ENQUIRY", false);
        assertEquals("A001", t1.number());
        assertEquals("B001", t2.number());
        assertEquals("A002", t3.number());
        assertEquals("G001", e1.number());
        assertEquals("clerk.a", t1.owner());

        Ticket called = n.queue.callNext(b, 1).orElseThrow();
        assertEquals("A002", called.number()); // priority
        assertEquals(TicketStatus.CALLED, called.status());
        assertEquals("clerk.b", called.owner());
        assertNotNull(called.waitSeconds());
        // ownership moved from the taker to the calling clerk, recorded
        var h = n.queue.handOvers(b, called.id());
        assertEquals(1, h.size());
        assertEquals("clerk.a", h.get(0).fromUser());
        assertEquals("clerk.b", h.get(0).toUser());

        try {
            n.queue.callNext(b, 1);
            fail("window busy");
        } catch (ValidationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("A002"));
        }
        assertEquals(2, n.queue.recall(b, called.id()).callCount());
        n.queue.serve(b, called.id());
        Ticket done = n.queue.finish(b, called.id());
        assertEquals(TicketStatus.DONE, done.status());
        assertNotNull(done.handleSeconds());

        assertEquals("A001", n.queue.callNext(b, 1).orElseThrow().number()); // oldest
        assertEquals(TicketStatus.NO_SHOW, n.queue.noShow(b, t1.id()).status());
        assertEquals("B001", n.queue.callNext(b, 1).orElseThrow().number());
        n.queue.noShow(b, t2.id());
        assertTrue(n.queue.callNext(b, 1).isEmpty()); // the enquiry is not window 1's business
        assertEquals("G001", n.queue.callNext(b, 2).orElseThrow().number());
    }

    @Test
    public void transferKeepsTheNumberAndPlace() {
        Ticket enquiry = n.queue.take(a, "ENQUIRY", false);
        Ticket later = n.queue.take(a, "PURCHASE", false);
        Ticket called = n.queue.callNext(b, 2).orElseThrow();
        assertEquals(enquiry.id(), called.id());
        Ticket moved = n.queue.transfer(b, called.id(), "PURCHASE");
        assertEquals("G001", moved.number());
        assertEquals(TicketStatus.WAITING, moved.status());
        assertEquals("ENQUIRY", moved.transferredFrom());
        assertNull(moved.windowNo());
        // taken before A001, so it comes first at the purchase window
        assertEquals("G001", n.queue.callNext(a, 1).orElseThrow().number());
        assertEquals(2, n.queue.tickets(a, null, null).size());
        assertEquals(later.id(), n.queue.tickets(a, null, null).get(1).id());
        try {
            n.queue.transfer(a, called.id(), "PURCHASE");
            fail();
        } catch (ValidationException expected) {
            // same queue
        }
    }

    @Test
    public void statusStepsAreEnforced() {
        Ticket t = n.queue.take(a, "PURCHASE", false);
        try {
            n.queue.finish(a, t.id());
            fail();
        } catch (ValidationException e) {
            assertEquals("A001 号当前状态为“等候中”，此操作要求状态为“办理中”。", e.localized(Locale.SIMPLIFIED_CHINESE));
        }
        try {
            n.queue.callNext(a, 9);
            fail();
        } catch (ValidationException e) {
            assertTrue(e.localized(Locale.ENGLISH).contains("no window 9"));
        }
    }

    @Test
    public void handOverIsRecordedAndChecked() {
        Ticket t = n.queue.take(a, "PURCHASE", false);
        Ticket h = n.queue.handOver(a, t.id(), "clerk.b", "午休交接");
        assertEquals("clerk.b", h.owner());
        assertEquals("午休交接", n.queue.handOvers(a, t.id()).get(0).note());
        for (String bad : new String[] {"nobody", "clerk.lintan", "clerk.b", " "}) {
            try {
                n.queue.handOver(a, t.id(), bad, null);
                fail(bad);
            } catch (ValidationException expected) {
                assertTrue(expected.fieldErrors().containsKey("toUser"));
            }
        }
    }

    @Test
    public void officesAreSeparate() {
        Ticket t = n.queue.take(a, "PURCHASE", false);
        Caller lintan = CounterTestNode.clerk("clerk.lintan", "GN02");
        try {
            n.queue.ticket(lintan, t.id());
            fail();
        } catch (AccessDeniedException expected) {
            // another office
        }
        try {
            n.queue.serve(CounterTestNode.of("GN01", Role.AUDITOR), t.id());
            fail();
        } catch (HpfException expected) {
            // auditors read only
        }
        assertEquals("A001", n.queue.take(lintan, "PURCHASE", false).number()); // numbering per office
    }

    @Test
    public void hallBoardShowsNumbersAndQueuesWithoutPersonalData() {
        n.queue.take(a, "PURCHASE", false);
        n.queue.take(a, "PURCHASE", false);
        n.queue.callNext(b, 1);
        HallBoard board = n.queue.hallBoard("GN01");
        assertEquals(2, board.windows().size());
        assertEquals("A001", board.windows().get(0).ticketNumber());
        assertNull(board.windows().get(1).ticketNumber());
        assertEquals(1, board.queues().stream().filter(q -> q.businessCode().equals("PURCHASE")).findFirst().orElseThrow().waiting());
        assertFalse(board.toString().contains("clerk"));
        assertTrue(n.audits("ticket") >= 3);
    }
}
