package cn.gannan.hpf.itests;

import static cn.gannan.hpf.itests.support.Http.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Services;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * Boots the built office distribution (demo data on, HTTP on a free port) and checks from inside the
 * container: boot features, bundle states, DS components, the Vaadin shell and the JSON API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    static final String CENTRAL = "demo.central:Hpf@2026demo";

    /** The hpf-* features the distribution boots; the test also reads them from etc/ and compares. */
    static final List<String> HPF_BOOT_FEATURES = List.of("hpf-core", "hpf-commands", "hpf-shell", "hpf-rest",
            "hpf-modules", "hpf-modules-ui");

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

    @Configuration
    public Option[] config() {
        return Exam.distribution("platform");
    }

    @Before
    public void platformUp() {
        await("the hpf boot features to be installed", this::missingHpfFeatures);
        await("every bundle to be ACTIVE (fragments RESOLVED)", this::badBundles);
        await("GET /hpf/ to answer 200", () -> {
            Resp r = get("/hpf/", null);
            return r.status == 200 ? "" : "GET /hpf/ -> " + r.status;
        });
        await("GET /api/openapi.json to answer 200", () -> {
            Resp r = get("/api/openapi.json", null);
            return r.status == 200 ? "" : "GET /api/openapi.json -> " + r.status;
        });
    }

    // ---------------------------------------------------------------- the container

    @Test
    public void hpfBootFeaturesAreInstalled() throws Exception {
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.features.cfg");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(cfg)) {
            p.load(in);
        }
        TreeSet<String> bootHpf = new TreeSet<>();
        for (String entry : p.getProperty("featuresBoot", "").split(",")) {
            String name = entry.trim().replaceFirst("/.*$", "");
            if (name.startsWith("hpf-")) {
                bootHpf.add(name);
            }
        }
        assertEquals("hpf-* features in featuresBoot of " + cfg, new TreeSet<>(HPF_BOOT_FEATURES), bootHpf);
        assertEquals("hpf boot features not installed", "", missingHpfFeatures());
    }

    @Test
    public void everyBundleIsActive() {
        assertEquals("bundles not ACTIVE (fragments: not RESOLVED)", "", badBundles());
    }

    @Test
    public void hpfComponentsAreSatisfied() {
        assertEquals("hpf DS components not satisfied", "",
                await("hpf DS components to be satisfied", () -> badComponents(true)));
    }

    @Test
    public void allComponentsAreSatisfied() {
        assertEquals("DS components not satisfied", "",
                await("all DS components to be satisfied", () -> badComponents(false)));
    }

    // ---------------------------------------------------------------- the shell (Vaadin)

    @Test
    public void shellServesVaadinBootstrapAndResources() {
        Resp page = get("/hpf/", null);
        assertEquals(200, page.status);
        assertTrue("content type of /hpf/: " + page.contentType,
                page.contentType != null && page.contentType.startsWith("text/html"));
        assertTrue("no Vaadin bootstrap in /hpf/:\n" + page.body, page.body.contains("vaadin.initApplication("));
        Matcher m = Pattern.compile("<script[^>]*src=\"([^\"]*vaadinBootstrap\\.js[^\"]*)\"").matcher(page.body);
        assertTrue("/hpf/ references no vaadinBootstrap.js:\n" + page.body, m.find());
        String bootstrap = m.group(1);
        assertTrue("bootstrap URL not absolute-path: " + bootstrap, bootstrap.startsWith("/"));
        Resp js = get(bootstrap, null);
        assertEquals("GET " + bootstrap, 200, js.status);
        assertTrue("vaadinBootstrap.js looks empty", js.body.length() > 1000);

        Resp css = get("/vaadin-8.14.3/VAADIN/themes/valo/styles.css", null);
        assertEquals("valo styles.css", 200, css.status);
        assertTrue("valo styles.css looks empty", css.body.length() > 10_000);
    }

    // ---------------------------------------------------------------- documents

    @Test
    public void docsFeatureInstallsAndRendersChinesePdf() throws Exception {
        // installing a module feature must not stop, refresh or restart any bundle outside it
        List<String> outside = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.osgi.framework.BundleListener events = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if (!"cn.gannan.hpf.core-docs".equals(bsn) && (e.getType() == org.osgi.framework.BundleEvent.STOPPED
                    || e.getType() == org.osgi.framework.BundleEvent.UNRESOLVED)) {
                outside.add(bsn + " " + e.getType());
            }
        };
        context.addBundleListener(events);
        try {
            Services.features(context).installFeature("hpf-docs");
        } finally {
            context.removeBundleListener(events);
        }
        assertEquals("bundles outside hpf-docs stopped or refreshed", List.of(), outside);
        assertEquals("", Await.until("PdfService", () -> context.getServiceReference(PdfService.class) == null
                ? "no PdfService" : ""));
        ServiceReference<PdfService> ref = context.getServiceReference(PdfService.class);
        PdfService pdf = context.getService(ref);
        try {
            byte[] bytes = pdf.render(new PrintDocument("中共甘南州住房公积金管理中心党组", "党组会议纪要", "〔2017〕9号",
                    List.of(new PrintDocument.Paragraph("会议研究了住房公积金归集扩面工作。"))));
            assertTrue("not a PDF", new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
            // a subset of the CJK font is embedded: far larger than a text-only PDF
            assertTrue("PDF too small for an embedded font: " + bytes.length, bytes.length > 5_000);
        } finally {
            context.ungetService(ref);
        }
        assertEquals("bundles not active after installing hpf-docs", "", badBundles());
    }

    // ---------------------------------------------------------------- the JSON API

    @Test
    public void apiRequiresCredentials() {
        Resp none = get("/api/offices", null);
        assertEquals(none.toString(), 401, none.status);
        assertProblem(none);
        Resp wrong = get("/api/offices", "demo.central:wrong-password");
        assertEquals(wrong.toString(), 401, wrong.status);
        assertProblem(wrong);
    }

    @Test
    public void centralAdminListsNineOffices() {
        Resp r = get("/api/offices", CENTRAL);
        assertEquals(r.toString(), 200, r.status);
        assertTrue(r.toString(), r.contentType.startsWith("application/json"));
        assertTrue(r.toString(), r.body.trim().startsWith("["));
        assertEquals("offices in " + r.body, 9, count(r.body, "\"code\"\\s*:\\s*\"GN\\d\\d\""));
        assertTrue("centre missing: " + r.body, r.body.contains("\"GN00\""));
    }

    @Test
    public void unknownPersonIs404Problem() {
        Resp r = get("/api/people/does-not-exist", CENTRAL);
        assertEquals(r.toString(), 404, r.status);
        assertProblem(r);
    }

    @Test
    public void malformedJsonIs400ProblemWithoutStackTrace() {
        Resp r = send("POST", "/api/people", CENTRAL, "{\"name\": \"x\",");
        assertEquals(r.toString(), 400, r.status);
        assertProblem(r);
        assertFalse("exception text leaks: " + r.body, r.body.contains("Exception"));
        assertFalse("stack trace leaks: " + r.body, r.body.contains("at cn."));
        assertFalse("stack trace leaks: " + r.body, r.body.contains("at com.fasterxml"));
    }

    @Test
    public void tooLongNameIs422AndNothingIsCreated() {
        long before = peopleTotal();
        String name = "张".repeat(51);
        Resp r = send("POST", "/api/people", CENTRAL,
                "{\"officeCode\":\"GN00\",\"name\":\"" + name + "\",\"politicalStatus\":\"FULL_MEMBER\"}");
        assertEquals(r.toString(), 422, r.status);
        assertProblem(r);
        assertTrue("no field error for name: " + r.body, r.body.contains("\"name\""));
        assertEquals("people count changed by a rejected create", before, peopleTotal());
    }

    @Test
    public void openApiListsOfficesAndPeople() {
        Resp r = get("/api/openapi.json", null);
        assertEquals(r.toString(), 200, r.status);
        assertTrue(r.toString(), r.contentType.startsWith("application/json"));
        // paths are relative to the server URL /api
        boolean serverApi = Pattern.compile("\"url\"\\s*:\\s*\"/api\"").matcher(r.body).find();
        for (String path : List.of("offices", "people")) {
            boolean listed = r.body.contains("\"/api/" + path + "\"")
                    || serverApi && Pattern.compile("\"/" + path + "\"\\s*:").matcher(r.body).find();
            assertTrue("/api/" + path + " not in openapi.json:\n" + r.body, listed);
        }
    }

    // ---------------------------------------------------------------- helpers

    private String missingHpfFeatures() {
        return Exam.notInstalled(Services.features(context), HPF_BOOT_FEATURES);
    }

    private String badBundles() {
        return Exam.badBundles(context);
    }

    private String badComponents(boolean hpfOnly) {
        return Exam.badComponents(scr, hpfOnly);
    }

    private static String await(String what, Supplier<String> problems) {
        return Await.until(what, problems);
    }

    private static int count(String text, String regex) {
        return Http.count(text, regex);
    }

    private long peopleTotal() {
        return Http.jsonLong(get("/api/people?limit=1", CENTRAL).expect(200).body, "total");
    }

    private static Resp get(String path, String credentials) {
        return Exam.http().get(path, credentials);
    }

    private static Resp send(String method, String path, String credentials, String json) {
        return Exam.http().send(method, path, credentials, json);
    }
}
