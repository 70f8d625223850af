package cn.gannan.hpf.counter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.counter.api.Records.RatingDraft;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;
import cn.gannan.hpf.counter.api.Records.Ticket;
import cn.gannan.hpf.counter.api.RectificationStatus;

public class RatingAndStatsTest {

    @Test
    public void badRatingOpensARectificationWithAWorkingDayDeadline() {
        CounterTestNode n = new CounterTestNode();
        Caller a = CounterTestNode.clerk("clerk.a", "GN01");
        Caller leader = CounterTestNode.of("GN01", Role.LEADER);
        n.catalog.createWindow(CounterTestNode.of("GN01", Role.OFFICE_ADMIN), new ServiceWindowDraft(null, 3, "窗口", List.of("PURCHASE"), true));
        Ticket t = n.queue.take(a, "PURCHASE", false);
        try {
            n.ratings.rate(a, new RatingDraft(t.id(), null, 5, null, null, null));
            fail("not finished");
        } catch (ValidationException expected) {
            // rate after the service
        }
        n.queue.callNext(a, 3);
        n.queue.serve(a, t.id());
        n.queue.finish(a, t.id());
        try {
            n.ratings.rate(a, new RatingDraft(t.id(), null, 6, null, null, null));
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("score"));
        }
        try {
            n.ratings.rate(a, new RatingDraft(t.id(), null, 2, null, "张三", "13800000000"));
            fail("a bad rating needs a comment");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("comment"));
        }
        var r = n.ratings.rate(a, new RatingDraft(t.id(), null, 2, "等候时间太长", "张三", "13800000000"));
        assertEquals(Integer.valueOf(3), r.windowNo());
        assertEquals("clerk.a", r.clerk());
        var items = n.ratings.rectifications(leader, null, true);
        assertEquals(1, items.size());
        var item = items.get(0);
        assertEquals(n.calendar.calendar().addWorkingDays(Support.day(r.ratedAt()), 5), item.dueOn());
        try {
            n.ratings.close(leader, item.id(), item.meta().version(), "已整改");
            fail("callback first");
        } catch (ValidationException expected) {
            // callback first
        }
        item = n.ratings.callback(leader, item.id(), item.meta().version(), "已电话回访，致歉并说明");
        item = n.ratings.close(leader, item.id(), item.meta().version(), "增开午间窗口");
        assertEquals(RectificationStatus.CLOSED, item.status());
        assertEquals(0, n.ratings.rectifications(leader, null, true).size());
        try {
            n.ratings.rate(a, new RatingDraft(t.id(), null, 4, null, null, null));
            fail("one rating per service");
        } catch (ValidationException expected) {
            // duplicate
        }

        var stats = n.stats.stats(leader, null, Support.day(r.ratedAt()).getYear());
        assertEquals(1, stats.byOffice().size());
        assertEquals(1, stats.byOffice().get(0).tickets());
        assertEquals(1, stats.byOffice().get(0).badRatings());
        assertEquals("GN01#3", stats.byWindow().get(0).key());
        assertEquals("clerk.a", stats.byClerk().get(0).key());
        assertEquals("购房提取", stats.byBusiness().get(0).label());
        byte[] xlsx = n.stats.xlsx(leader, null, Support.day(r.ratedAt()).getYear(), null);
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        try {
            n.stats.stats(CounterTestNode.clerk("clerk.lintan", "GN02"), "GN01", 2026);
            fail();
        } catch (cn.gannan.hpf.core.api.AccessDeniedException expected) {
            // other office
        }
    }
}
