package cn.gannan.hpf.counter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.counter.api.ApplicationStatus;
import cn.gannan.hpf.counter.api.Records.AppDocument;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.Records.ApplicationDraft;
import cn.gannan.hpf.counter.api.Records.ApplicationQuery;
import cn.gannan.hpf.counter.api.Records.Notice;
import cn.gannan.hpf.counter.api.SmsStatus;
import cn.gannan.hpf.counter.api.rules.TimeLimits;

public class ApplicationServiceTest {

    static final String ID = "623001198001010018";
    private CounterTestNode n;
    private final Caller a = CounterTestNode.clerk("clerk.a", "GN01");
    private final LocalDate today = LocalDate.now(Support.ZONE);

    @Before
    public void setUp() {
        n = new CounterTestNode();
    }

    private Application purchase(boolean married) {
        return n.applications.create(a, new ApplicationDraft(null, "PURCHASE", "扎西", ID, "13809411234", married, false,
                new BigDecimal("120000.00"), new BigDecimal("100000.00"), null));
    }

    private Application receiveAll(Application app, List<String> except) {
        Application cur = app;
        for (AppDocument d : app.documents()) {
            if (!except.contains(d.name())) {
                cur = n.applications.setDocument(a, cur.id(), cur.meta().version(), d.id(), true, null);
            }
        }
        return cur;
    }

    @Test
    public void badInputIsReportedAllAtOnceAndNothingIsWritten() {
        try {
            n.applications.create(a, new ApplicationDraft(null, "PURCHASE", " ", "623001198001010019", "12345", false, false,
                    new BigDecimal("-1"), null, null));
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of("applicantName", "idNumber", "phone", "balance"), List.copyOf(e.fieldErrors().keySet()));
            assertEquals("身份证号码校验位不正确（GB 11643），请核对。", e.fieldErrors().get("idNumber").format(Locale.SIMPLIFIED_CHINESE));
        }
        assertEquals(0, n.applications.find(a, ApplicationQuery.all(), PageRequest.first(10)).total());
        assertEquals(0, n.audits("application"));
    }

    @Test
    public void checklistFollowsConditions() {
        Application single = purchase(false);
        Application married = purchase(true);
        assertEquals(4, single.documents().size());
        assertEquals(5, married.documents().size());
        assertTrue(married.missing().contains("配偶身份证及结婚证"));
        assertEquals("clerk.a", single.owner()); // first responder
        assertEquals(ApplicationStatus.RECEIVED, single.status());
        assertTrue(single.number().startsWith("GN01-" + today.getYear() + "-0000"));
    }

    @Test
    public void completeFileOnTheSpot() {
        Application app = receiveAll(purchase(false), List.of());
        app = n.applications.accept(a, app.id(), app.meta().version(), null);
        assertEquals(today, app.clockStart());
        assertEquals(n.calendar.calendar().addWorkingDays(today, 3), app.legalDue());
        assertEquals(n.calendar.calendar().addWorkingDays(today, 1), app.promisedDue());
        app = n.applications.decide(a, app.id(), app.meta().version(), true, null);
        assertEquals(ApplicationStatus.APPROVED, app.status());
        try {
            n.applications.pay(a, app.id(), app.meta().version(), new BigDecimal("100000.01"));
            fail();
        } catch (ValidationException e) {
            assertEquals("支付金额 100,000.01 元超过已付购房款 100,000.00 元（“购房提取”提取额不得超过已付购房款）。",
                    e.fieldErrors().get("amount").format(Locale.SIMPLIFIED_CHINESE));
        }
        try {
            n.applications.close(a, app.id(), app.meta().version());
            fail("approved withdrawal must be paid first");
        } catch (ValidationException expected) {
            // not paid
        }
        app = n.applications.pay(a, app.id(), app.meta().version(), new BigDecimal("100000"));
        assertEquals(ApplicationStatus.PAID, app.status());
        try {
            n.applications.close(a, app.id(), app.meta().version());
            fail("not notified");
        } catch (ValidationException expected) {
            // notify first
        }
        app = n.applications.notifyApplicant(a, app.id(), app.meta().version());
        assertNotNull(app.notifiedAt());
        var sms = n.sms.find(CounterTestNode.of("GN01", cn.gannan.hpf.core.api.Role.OFFICE_ADMIN), null, null, PageRequest.first(10));
        assertEquals(1, sms.total());
        assertEquals(SmsStatus.OUTBOX, sms.items().get(0).status());
        assertTrue(sms.items().get(0).text(), sms.items().get(0).text().contains("100,000.00元已划入您的账户"));
        app = n.applications.close(a, app.id(), app.meta().version());
        assertEquals(ApplicationStatus.CLOSED, app.status());
        assertEquals(TimeLimits.State.DONE_ON_TIME, app.deadline());
    }

    @Test
    public void missingDocumentsNeedTheOneTimeNoticeAndStopTheClock() {
        Application app = receiveAll(purchase(true), List.of("配偶身份证及结婚证", "本人银行借记卡"));
        assertEquals(2, app.missing().size());
        try {
            n.applications.accept(a, app.id(), app.meta().version(), null);
            fail();
        } catch (ValidationException e) {
            assertEquals("尚缺 2 项材料（配偶身份证及结婚证、本人银行借记卡），须先出具列明全部缺件的一次性告知书，才能容缺受理。",
                    e.localized(Locale.SIMPLIFIED_CHINESE));
        }
        Notice notice = n.applications.issueNotice(a, app.id());
        assertEquals(List.of("配偶身份证及结婚证", "本人银行借记卡"), notice.items()); // all of them, at once
        PrintDocument doc = n.applications.noticeDocument(a, notice.id(), Locale.SIMPLIFIED_CHINESE);
        String html = PrintHtml.render(doc, "zh-CN");
        assertTrue(html.contains("一次性告知书"));
        assertTrue(html.contains("本人银行借记卡"));
        assertTrue(html.contains("623001********0018")); // masked on paper
        app = n.applications.get(a, app.id());
        app = n.applications.accept(a, app.id(), app.meta().version(), null);
        assertEquals(ApplicationStatus.ACCEPTED, app.status());
        assertNull(app.clockStart());
        assertNull(app.legalDue());
        assertEquals(TimeLimits.State.CLOCK_STOPPED, app.deadline());
        try {
            n.applications.decide(a, app.id(), app.meta().version(), true, null);
            fail();
        } catch (ValidationException expected) {
            // incomplete
        }
        for (AppDocument d : app.documents()) {
            if (!d.received()) {
                app = n.applications.setDocument(a, app.id(), app.meta().version(), d.id(), true, today);
            }
        }
        assertEquals(today, app.clockStart());
        assertEquals(n.calendar.calendar().addWorkingDays(today, 3), app.legalDue());
        // the notice also went out by SMS
        assertEquals(1, n.sms.find(CounterTestNode.of("GN01", cn.gannan.hpf.core.api.Role.OFFICE_ADMIN), "GN01", null,
                PageRequest.first(5)).total());
        try {
            n.applications.issueNotice(a, app.id());
            fail();
        } catch (ValidationException expected) {
            // nothing missing any more
        }
    }

    @Test
    public void refusalNeedsAReasonAndCanCloseWithoutPayment() {
        Application app = receiveAll(purchase(false), List.of());
        app = n.applications.accept(a, app.id(), app.meta().version(), null);
        try {
            n.applications.decide(a, app.id(), app.meta().version(), false, " ");
            fail();
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("reason"));
        }
        app = n.applications.decide(a, app.id(), app.meta().version(), false, "购房合同未备案，不符合提取条件");
        assertEquals(Boolean.FALSE, app.approved());
        app = n.applications.notifyApplicant(a, app.id(), app.meta().version());
        assertEquals(ApplicationStatus.CLOSED, n.applications.close(a, app.id(), app.meta().version()).status());
    }

    @Test
    public void concurrentEditIsRefused() {
        Application app = purchase(false);
        AppDocument d = app.documents().get(0);
        n.applications.setDocument(a, app.id(), app.meta().version(), d.id(), true, null);
        try {
            n.applications.setDocument(a, app.id(), app.meta().version(), app.documents().get(1).id(), true, null);
            fail();
        } catch (StaleRecordException e) {
            assertEquals("该办件已被他人修改。请重新打开后再修改。", e.localized(Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    public void listsMaskAndOfficesAreSeparate() {
        Application app = purchase(false);
        var page = n.applications.find(a, ApplicationQuery.all(), PageRequest.first(10));
        assertEquals("623001********0018", page.items().get(0).idNumber());
        assertEquals("138****1234", page.items().get(0).phone());
        assertEquals(ID, n.applications.get(a, app.id()).idNumber());
        assertEquals(1, n.applications.find(a, new ApplicationQuery(null, today.getYear(), "PURCHASE", ApplicationStatus.RECEIVED,
                "扎西", false), PageRequest.first(10)).total());
        assertEquals(1, n.applications.find(a, new ApplicationQuery(null, null, null, null, ID, false), PageRequest.first(10)).total());
        assertEquals(0, n.applications.find(a, new ApplicationQuery(null, null, "RENT", null, null, false), PageRequest.first(10)).total());
        try {
            n.applications.get(CounterTestNode.clerk("clerk.lintan", "GN02"), app.id());
            fail();
        } catch (AccessDeniedException expected) {
            // another office
        }
    }

    @Test
    public void handOverKeepsAnOwner() {
        Application app = purchase(false);
        app = n.applications.handOver(a, app.id(), app.meta().version(), "clerk.b", "转信贷科");
        assertEquals("clerk.b", app.owner());
        var h = n.applications.handOvers(a, app.id());
        assertEquals(2, h.size()); // first responder, then the hand-over
        assertNull(h.get(0).fromUser());
        assertEquals("clerk.a", h.get(1).fromUser());
    }

    @Test
    public void dueSoonAndOverdueLists() {
        Application app = purchase(false);
        LocalDate longAgo = today.minusDays(20);
        // taken in and accepted 20 days ago (backdated intake for the test)
        n.db.tx(Caller.system("GN01"), tx -> tx.update("UPDATE CTR_APPLICATION SET RECEIVED_AT = ? WHERE ID = ?",
                longAgo.atStartOfDay(Support.ZONE).toInstant(), app.id()));
        Application old = n.applications.get(a, app.id());
        for (AppDocument d : old.documents()) {
            old = n.applications.setDocument(a, old.id(), old.meta().version(), d.id(), true, longAgo);
        }
        old = n.applications.accept(a, old.id(), old.meta().version(), longAgo);
        assertEquals(longAgo, old.clockStart());
        assertEquals(TimeLimits.State.OVERDUE, old.deadline());
        assertEquals(1, n.applications.overdue(a, null).size());
        assertEquals(1, n.applications.find(a, new ApplicationQuery(null, null, null, null, null, true), PageRequest.first(5)).total());
        assertEquals(0, n.applications.dueSoon(a, null).size());
    }
}
