package cn.gannan.hpf.counter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import com.sun.net.httpserver.HttpServer;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.counter.api.Records.SmsMessage;
import cn.gannan.hpf.counter.api.SmsStatus;

public class SmsGatewayTest {

    private final Caller admin = CounterTestNode.of("GN01", Role.OFFICE_ADMIN);

    @Test
    public void httpGatewayRetriesThenDelivers() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        server.createContext("/sms", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            int code = calls.incrementAndGet() == 1 ? 503 : 200;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
            CounterTestNode n = new CounterTestNode(new HttpSmsTransport(url, "hpf", "secret", Duration.ofSeconds(5)));
            SmsMessage m = n.sms.send(admin, "GN01", "13800001111", "您好 测试", null);
            assertEquals(SmsStatus.PENDING, m.status());
            assertEquals(0, n.sms.dispatchDue()); // 503: failed attempt, retry scheduled 1 s later
            SmsMessage after1 = n.sms.find(admin, null, null, PageRequest.first(5)).items().get(0);
            assertEquals(SmsStatus.PENDING, after1.status());
            assertEquals(1, after1.attempts());
            assertEquals("HTTP 503", after1.lastError());
            Thread.sleep(1100);
            assertEquals(1, n.sms.dispatchDue());
            SmsMessage sent = n.sms.find(admin, null, SmsStatus.SENT, PageRequest.first(5)).items().get(0);
            assertEquals(2, sent.attempts());
            assertTrue(bodies.get(1).contains("phone=13800001111"));
            assertTrue(bodies.get(1).contains("text=%E6%82%A8%E5%A5%BD+%E6%B5%8B%E8%AF%95"));
            assertTrue(auth.get(0).startsWith("Basic "));
            n.sms.deactivate();
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void unreachableGatewayGivesUpAfterMaxAttemptsAndCanBeRetried() throws Exception {
        CounterTestNode n = new CounterTestNode(new HttpSmsTransport("http://127.0.0.1:9/none", "", "", Duration.ofSeconds(1)));
        n.sms.send(admin, "GN01", "13800001111", "x", null);
        for (int i = 0; i < 3; i++) {
            n.db.tx(Caller.system("GN01"), tx -> tx.update("UPDATE CTR_SMS SET NEXT_ATTEMPT_AT = ?", tx.now().minusSeconds(1)));
            n.sms.dispatchDue();
        }
        SmsMessage failed = n.sms.find(admin, null, null, PageRequest.first(5)).items().get(0);
        assertEquals(SmsStatus.FAILED, failed.status());
        assertEquals(3, failed.attempts());
        assertEquals(SmsStatus.PENDING, n.sms.retry(admin, failed.id()).status());
        n.sms.deactivate();
    }

    @Test
    public void withoutGatewayEverythingStaysInTheOutbox() {
        CounterTestNode n = new CounterTestNode();
        n.sms.send(admin, "GN01", "13800001111", "x", null);
        assertEquals("outbox", n.sms.gatewayName());
        assertEquals(1, n.sms.find(admin, null, SmsStatus.OUTBOX, PageRequest.first(5)).total());
        try {
            n.sms.find(CounterTestNode.clerk("clerk.a", "GN01"), null, null, PageRequest.first(5));
            org.junit.Assert.fail("clerks do not read the outbox");
        } catch (cn.gannan.hpf.core.api.AccessDeniedException expected) {
            // admins only
        }
    }
}
