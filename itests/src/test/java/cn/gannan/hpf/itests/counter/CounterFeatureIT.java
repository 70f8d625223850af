package cn.gannan.hpf.itests.counter;

import static cn.gannan.hpf.itests.support.Http.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Services;
import cn.gannan.hpf.itests.support.JaxRs;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * Installs the counter feature alone on a running core (demo mode), exercises the queue and an application
 * with a missing document through the service and the JSON API, uninstalls it, and checks that nothing
 * outside the feature was stopped or refreshed and that the core still works.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CounterFeatureIT {

    static final String STAFF = Http.demo("demo.staff");
    static final String CENTRAL = Http.demo("demo.central");
    static final String QUEUE_SERVICE = "cn.gannan.hpf.counter.api.QueueService";

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    FeaturesService injectedFeatures; // waits for it; use Services.features(context)

    @Inject
    @Filter(timeout = 60_000)
    ServiceComponentRuntime scr;

    static {
        // a busy build machine: give the probe more time than Pax Exam's default to come up
        System.setProperty("pax.exam.service.timeout", "180000");
    }

    @Configuration
    public Option[] config() {
        return Exam.distribution("counter", org.ops4j.pax.exam.CoreOptions.systemProperty("pax.exam.service.timeout")
                .value("180000"),
                // the probe extender's own wait for the JUnit invoker (10 s by default) is too short under load
                org.ops4j.pax.exam.CoreOptions.systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                        .value("120000"),
                // what bin/setenv gives a real node (Pax Exam starts java itself): the Aries JAX-RS API bundle embeds a
                // jar whose zip extra fields Java 17 rejects, which breaks class loading through it, the probe's too
                org.ops4j.pax.exam.CoreOptions.vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
    }

    private static boolean inside(String bsn) {
        // the feature's own bundles, and hpf-docs (PDF of the notice) which it pulls in
        return bsn != null && (bsn.startsWith("cn.gannan.hpf.counter") || bsn.equals("cn.gannan.hpf.core-docs"));
    }

    @Test
    public void installExerciseUninstall() throws Exception {
        // not Exam.http(): inside the container the Exam class does not load (it refers to Pax Exam's driver-side options)
        Http api = new Http("http://localhost:" + System.getProperty(Exam.HTTP_PORT_PROPERTY));
        assertEquals("", Await.until("the core API", () -> api.get("/api/me", STAFF).status == 200 ? "" : "no /api/me"));
        assertEquals(404, api.get("/api/counter/business-types", STAFF).status);

        List<String> outside = new CopyOnWriteArrayList<>();
        BundleListener events = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if (!inside(bsn) && (e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED)) {
                outside.add(bsn + " " + e.getType());
            }
        };
        context.addBundleListener(events);
        try {
            long t0 = System.nanoTime();
            Services.features(context).installFeature("hpf-counter");
            System.out.printf("hpf-counter installed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertEquals("", Await.until("the counter API", () -> api.get("/api/counter/business-types", STAFF).status == 200
                    ? "" : "no /api/counter yet"));
            assertEquals("", Await.until("counter components", () -> badComponents("cn.gannan.hpf.counter")));
            assertEquals("", JaxRs.settled(context));

            serviceLevel();
            queueThroughTheApi(api);
            applicationWithAMissingDocument(api);
            assertTrue("OpenAPI lists the counter", api.get("/api/openapi.json", null).body.contains("/counter/tickets"));

            // without the automatic refresh: it would also refresh this probe, which used the counter's API
            Services.features(context).uninstallFeature("hpf-counter", java.util.EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } finally {
            context.removeBundleListener(events);
        }
        assertEquals("bundles outside hpf-counter stopped or refreshed", List.of(), outside);
        assertEquals("", Await.until("the counter API to go", () -> api.get("/api/counter/business-types", STAFF).status == 404
                ? "" : "still there"));
        // the core still works
        assertEquals(200, api.get("/api/offices", CENTRAL).status);
        assertEquals(200, api.get("/hpf/", null).status);
        assertEquals("", badBundles());
        assertEquals("", badComponents("cn.gannan.hpf"));
    }

    /** Bundles that are neither ACTIVE nor (fragments) RESOLVED. */
    private String badBundles() {
        StringBuilder sb = new StringBuilder();
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
            int want = fragment ? org.osgi.framework.Bundle.RESOLVED : org.osgi.framework.Bundle.ACTIVE;
            if (b.getState() != want) {
                sb.append(b.getSymbolicName()).append(" state ").append(b.getState()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Enabled DS components of bundles whose name starts with the prefix that are not satisfied or active. */
    private String badComponents(String bsnPrefix) {
        StringBuilder sb = new StringBuilder();
        for (var d : scr.getComponentDescriptionDTOs()) {
            if (!d.bundle.symbolicName.startsWith(bsnPrefix) || !scr.isComponentEnabled(d)) {
                continue;
            }
            var configs = scr.getComponentConfigurationDTOs(d);
            boolean ok = configs.stream().anyMatch(c -> c.state == org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE
                    || c.state == org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.SATISFIED);
            if (!ok && !d.configurationPolicy.equals("require")) {
                sb.append(d.name).append(' ').append(configs.isEmpty() ? "no configuration" : "unsatisfied").append('\n');
            }
        }
        return sb.toString();
    }

    /** The service itself, through the OSGi registry (no class of the module in this probe). */
    private void serviceLevel() throws Exception {
        ServiceReference<?> ref = context.getServiceReference(QUEUE_SERVICE);
        assertNotNull("QueueService registered", ref);
        Object queue = context.getService(ref);
        try {
            Object board = queue.getClass().getMethod("hallBoard", String.class).invoke(queue, "GN01");
            String text = String.valueOf(board);
            assertTrue("hall board of GN01 lists its three demo windows: " + text, text.contains("综合业务窗口"));
        } finally {
            context.ungetService(ref);
        }
    }

    private void queueThroughTheApi(Http api) {
        Resp taken = api.post("/api/counter/tickets", STAFF, "{\"businessCode\":\"PURCHASE\",\"priority\":true}").expect(201);
        String number = Http.jsonString(taken.body, "number");
        assertTrue("ticket number " + number, number != null && number.matches("A\\d{3}"));
        // priority first: window 1 serves purchases, so this ticket is next
        Resp called = api.post("/api/counter/windows/1/call-next", STAFF, "{}").expect(200);
        assertEquals(number, Http.jsonString(called.body, "number"));
        String id = Http.jsonString(called.body, "id");
        Resp busy = api.post("/api/counter/windows/1/call-next", STAFF, "{}");
        assertEquals(busy.toString(), 422, busy.status);
        assertProblem(busy);
        assertTrue(busy.body, busy.body.contains(number));
        api.post("/api/counter/tickets/" + id + "/recall", STAFF, "{}").expect(200);
        api.post("/api/counter/tickets/" + id + "/serve", STAFF, "{}").expect(200);
        Resp done = api.post("/api/counter/tickets/" + id + "/finish", STAFF, "{}").expect(200);
        assertEquals("DONE", Http.jsonString(done.body, "status"));
        assertEquals("demo.staff", Http.jsonString(done.body, "owner"));
        Resp rating = api.post("/api/counter/ratings", STAFF, "{\"ticketId\":\"" + id + "\",\"score\":5}");
        assertEquals(rating.toString(), 201, rating.status);
        Resp hall = api.get("/api/counter/hall", STAFF).expect(200);
        assertTrue(hall.body, hall.body.contains(number));
        // another office's clerk may not touch it
        Resp other = api.post("/api/counter/tickets/" + id + "/recall", Http.demo("demo.auditor"), "{}");
        assertEquals(other.toString(), 403, other.status);
    }

    private void applicationWithAMissingDocument(Http api) {
        Resp bad = api.post("/api/counter/applications", STAFF, "{\"businessCode\":\"PURCHASE\",\"applicantName\":\"扎西\","
                + "\"idNumber\":\"623001198001010019\",\"phone\":\"13809411234\"}");
        assertEquals(bad.toString(), 422, bad.status);
        assertTrue(bad.body, bad.body.contains("idNumber"));

        Resp created = api.post("/api/counter/applications", STAFF, "{\"businessCode\":\"PURCHASE\",\"applicantName\":\"扎西\","
                + "\"idNumber\":\"623001198001010018\",\"phone\":\"13809411234\",\"married\":true,"
                + "\"balance\":120000,\"basisAmount\":100000}").expect(201);
        String id = Http.jsonString(created.body, "id");
        long version = Http.jsonLong(created.body, "version");
        // mark every document received except the spouse's
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\{\"id\":\"([^\"]+)\",\"name\":\"([^\"]+)\"").matcher(created.body.substring(created.body.indexOf("\"documents\"")));
        int docs = 0;
        while (m.find()) {
            docs++;
            if (m.group(2).contains("配偶")) {
                continue;
            }
            Resp r = api.put("/api/counter/applications/" + id + "/documents/" + m.group(1) + "?version=" + version, STAFF,
                    "{\"received\":true}").expect(200);
            version = Http.jsonLong(r.body.substring(r.body.indexOf("\"meta\"")), "version");
        }
        assertEquals("married purchase checklist", 5, docs);
        Resp refused = api.post("/api/counter/applications/" + id + "/accept?version=" + version, STAFF, "{}");
        assertEquals(refused.toString(), 422, refused.status);
        assertTrue(refused.body, refused.body.contains("一次性告知书"));
        Resp notice = api.post("/api/counter/applications/" + id + "/notices", STAFF, "{}").expect(201);
        assertTrue(notice.body, notice.body.contains("配偶身份证及结婚证"));
        Resp print = api.get("/api/counter/notices/" + Http.jsonString(notice.body, "id") + "/print", STAFF).expect(200);
        assertTrue(print.contentType, print.contentType.startsWith("text/html"));
        assertTrue(print.body.contains("一次性告知书"));
        Resp accepted = api.post("/api/counter/applications/" + id + "/accept?version=" + version, STAFF, "{}").expect(200);
        assertEquals("ACCEPTED", Http.jsonString(accepted.body, "status"));
        assertTrue("clock stopped while a document is missing: " + accepted.body, accepted.body.contains("\"clockStart\":null"));
        assertEquals("CLOCK_STOPPED", Http.jsonString(accepted.body, "deadline"));
        // stale version
        Resp stale = api.post("/api/counter/applications/" + id + "/accept?version=" + version, STAFF, "{}");
        assertEquals(stale.toString(), 409, stale.status);
        // lists mask the ID number
        Resp list = api.get("/api/counter/applications?text=%E6%89%8E%E8%A5%BF&limit=5", STAFF).expect(200);
        assertTrue(list.body, list.body.contains("623001********0018"));
        assertTrue(list.body, !list.body.contains("623001198001010018"));
        // the SMS of the notice is in the outbox
        Resp sms = api.get("/api/counter/sms?status=OUTBOX&limit=5", Http.demo("demo.admin")).expect(200);
        assertTrue(sms.body, sms.body.contains("配偶身份证及结婚证"));
        Resp xlsx = api.get("/api/counter/statistics.xlsx", Http.demo("demo.leader")).expect(200);
        assertEquals('P', xlsx.bytes[0]);
    }
}
