package cn.gannan.hpf.itests.meetings;

import static cn.gannan.hpf.itests.support.Http.assertProblem;
import static cn.gannan.hpf.itests.support.Http.count;
import static cn.gannan.hpf.itests.support.Http.demo;
import static cn.gannan.hpf.itests.support.Http.jsonLong;
import static cn.gannan.hpf.itests.support.Http.jsonString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Services;
import cn.gannan.hpf.itests.support.JaxRs;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * The meeting register installed alone on a running core: its service and JSON API work (rules,
 * workflow, numbering, demo figures of 2017), then it is uninstalled and the core still works; no
 * bundle outside the feature is stopped on the way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MeetingsIT {

    static final String SERVICE = "cn.gannan.hpf.meetings.api.MeetingService";
    static final String SECRETARY = demo("demo.secretary");
    static final String STAFF = demo("demo.staff");
    static final String CENTRAL = demo("demo.central");

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
        // a loaded build machine can take minutes to start the probe (as the rooms test found): allow 360 s
        return Exam.distribution("meetings", org.ops4j.pax.exam.CoreOptions.systemTimeout(360_000));
    }

    /** Inside the container only (the port is a system property of the node). */
    private Http http;

    private static void await(String what, java.util.function.Supplier<String> problems, long ms) {
        assertEquals("waiting for " + what, "", Await.until(what, problems, ms));
    }

    @Test
    public void installExerciseUninstall() throws Exception {
        http = Exam.http();
        await("the core to answer", () -> http.get("/api/offices", CENTRAL).status == 200 ? "" : "no /api/offices", 120_000);
        ownFeaturesRepository();
        String before = Exam.notInstalled(Services.features(context), List.of("hpf-meetings"));
        assertTrue("hpf-meetings must be known and not installed at boot: " + before, before.endsWith("(not installed)"));

        List<String> stopped = new ArrayList<>();
        // the feature's own bundles (meetings, and core-docs of hpf-docs which it requires) may start and stop
        SynchronousBundleListener watch = e -> {
            String name = e.getBundle().getSymbolicName();
            if ((e.getType() == BundleEvent.STOPPING || e.getType() == BundleEvent.UNRESOLVED)
                    && (name == null || !(name.startsWith("cn.gannan.hpf.meetings") || name.equals("cn.gannan.hpf.core-docs")))
                    && e.getBundle().getBundleId() != context.getBundle().getBundleId()) {
                synchronized (stopped) {
                    stopped.add(name + " " + e.getType());
                }
            }
        };
        context.addBundleListener(watch);
        try {
            long t0 = System.nanoTime();
            Services.features(context).installFeature("hpf-meetings");
            await("the meeting service", () -> context.getServiceReference(SERVICE) != null ? "" : "no " + SERVICE, 60_000);
            await("hpf components satisfied", () -> Exam.badComponents(scr, true), 60_000);
            await("/api/meetings", () -> http.get("/api/meetings", SECRETARY).status == 200 ? ""
                    : http.get("/api/meetings", SECRETARY).toString(), 60_000);
            assertEquals("", JaxRs.settled(context));
            System.out.println("hpf-meetings installed in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            // demo mode: the 2017 figures of the seed article, computed from the records the demo loaded
            await("the demo year 2017", () -> {
                Resp s = http.get("/api/meetings/statistics?year=2017", CENTRAL);
                return s.status == 200 && s.body.contains("\"minutesIssued\":9,") ? "" : s.toString();
            }, 150_000);
            System.out.println("demo meetings loaded after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            demoFiguresOf2017();
            recordCirculateSignIssue();
            referenceDataAndOpenApi();
        } finally {
            try {
                if (Services.features(context).isInstalled(Services.features(context).getFeature("hpf-meetings"))) {
                    // no automatic refresh: it would also refresh this test's probe (it imports dynamically);
                    // instead the test checks below that no bundle outside the feature depends on what went
                    Services.features(context).uninstallFeature("hpf-meetings", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                }
            } finally {
                context.removeBundleListener(watch);
            }
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Collection<Bundle> pending = wiring.getRemovalPendingBundles();
        List<String> dependents = new ArrayList<>();
        for (Bundle d : wiring.getDependencyClosure(pending)) {
            String name = String.valueOf(d.getSymbolicName());
            if (!pending.contains(d) && d.getBundleId() != context.getBundle().getBundleId()) {
                dependents.add(name);
            }
        }
        assertEquals("bundles outside hpf-meetings wired to its removed bundles (would be refreshed)", List.of(), dependents);
        await("the meeting service to go", () -> context.getServiceReference(SERVICE) == null ? "" : "still registered",
                60_000);
        await("/api/meetings to go", () -> http.get("/api/meetings", SECRETARY).status == 404 ? ""
                : http.get("/api/meetings", SECRETARY).toString(), 60_000);
        // the rest still works
        Resp offices = http.get("/api/offices", CENTRAL).expect(200);
        assertEquals(9, count(offices.body, "\"code\"\\s*:\\s*\"GN\\d\\d\""));
        assertEquals(200, http.get("/hpf/", null).status);
        Resp api = http.get("/api/openapi.json", null).expect(200);
        assertFalse("meetings still in the API description", api.body.contains("/meetings/"));
        assertEquals("", Exam.badBundles(context));
        synchronized (stopped) {
            assertTrue("bundles outside hpf-meetings were stopped or refreshed: " + stopped, stopped.isEmpty());
        }
    }

    /**
     * Pax URL also looks in the build machine's shared local Maven repository, which may hold another
     * branch's features descriptor with the same version: then add the distribution's own descriptor.
     */
    private void ownFeaturesRepository() throws Exception {
        if (Services.features(context).getFeature("hpf-meetings") != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("karaf.home"), "system", "cn", "gannan", "hpf", "hpf-features");
        try (Stream<Path> files = Files.walk(dir)) {
            Path xml = files.filter(f -> f.getFileName().toString().endsWith("-Services.features(context).xml")).findFirst().orElseThrow();
            Services.features(context).addRepository(xml.toUri());
        }
    }

    private void demoFiguresOf2017() {
        Resp s = http.get("/api/meetings/statistics?year=2017&office=GN00", CENTRAL).expect(200);
        assertEquals(9, jsonLong(s.body, "minutesIssued"));
        assertEquals(76, jsonLong(s.body, "topics"));
        assertEquals(11, jsonLong(s.body, "theoryStudySessions"));
        Resp all = http.get("/api/meetings/statistics?year=2017", CENTRAL).expect(200);
        assertTrue("100+ branch collective study sessions: " + all.body, jsonLong(all.body, "collectiveStudySessions") >= 100);
        Resp list = http.get("/api/meetings?year=2017&type=PARTY_GROUP&office=GN00&limit=1", CENTRAL).expect(200);
        assertEquals("〔2017〕9号", jsonString(list.body, "numberText"));
        assertEquals(9, jsonLong(list.body, "total"));
    }

    private void recordCirculateSignIssue() {
        Resp units = http.get("/api/org-units?office=GN01", SECRETARY).expect(200);
        Matcher b = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\",\"officeCode\":\"GN01\",\"parentId\":\"[^\"]*\",\"type\":\"BRANCH\"")
                .matcher(units.body);
        assertTrue("no branch at GN01: " + units.body, b.find());
        String branch = b.group(1);
        Resp expected = http.get("/api/meetings/bodies/" + branch + "/expected-attendees", SECRETARY).expect(200);
        Matcher a = Pattern.compile("\"personId\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"leadership\":(true|false)")
                .matcher(expected.body);
        List<String> people = new ArrayList<>();
        List<String> leaders = new ArrayList<>();
        while (a.find()) {
            people.add(a.group(1));
            if ("true".equals(a.group(2))) {
                leaders.add(a.group(1));
            }
        }
        assertTrue("members and leaders of the branch: " + expected.body, people.size() >= 3 && !leaders.isEmpty());
        String at = LocalDate.now().minusDays(1) + "T09:00:00";

        // below quorum: recorded only without decisions; with a decision, refused with the numbers
        Resp refused = http.post("/api/meetings", SECRETARY, draft(branch, at, people, 0, "同意"));
        assertEquals(refused.toString(), 422, refused.status);
        assertProblem(refused);
        assertTrue(refused.body, refused.body.contains("不足法定人数") && refused.body.contains("实到 0 人"));
        assertEquals(0, jsonLong(http.get("/api/meetings?year=" + LocalDate.now().getYear() + "&q=IT-check", SECRETARY)
                .body, "total"));

        Resp created = http.post("/api/meetings", SECRETARY, draft(branch, at, people, people.size(), "同意发展对象")).expect(201);
        String id = jsonString(created.body, "id");
        assertNotNull(id);
        assertTrue(created.body, created.body.contains("\"met\":true"));
        long v = version(created);
        Resp circulated = http.post("/api/meetings/" + id + "/circulate?version=" + v, SECRETARY, null).expect(200);
        assertEquals(409, http.post("/api/meetings/" + id + "/circulate?version=" + v, SECRETARY, null).status);
        v = version(circulated);
        Resp forbidden = http.post("/api/meetings/" + id + "/sign?version=" + v + "&person=" + leaders.get(0), STAFF, null);
        assertEquals(forbidden.toString(), 403, forbidden.status);
        Resp early = http.post("/api/meetings/" + id + "/issue?version=" + v, SECRETARY, null);
        assertEquals(early.toString(), 422, early.status);
        assertTrue(early.body, early.body.contains("未会签"));
        Resp signed = circulated;
        for (String leader : leaders) {
            signed = http.post("/api/meetings/" + id + "/sign?version=" + version(signed) + "&person=" + leader, SECRETARY, null)
                    .expect(200);
        }
        Resp issued = http.post("/api/meetings/" + id + "/issue?version=" + version(signed), SECRETARY, null).expect(200);
        assertEquals("〔" + LocalDate.now().getYear() + "〕1号", jsonString(issued.body, "numberText"));
        assertEquals("ISSUED", jsonString(issued.body, "status"));

        Resp print = http.get("/api/meetings/" + id + "/print", SECRETARY).expect(200);
        assertTrue(print.contentType, print.contentType.startsWith("text/html"));
        assertTrue(print.body.contains("〔" + LocalDate.now().getYear() + "〕1号") && print.body.contains("会签"));
        Resp pdf = http.get("/api/meetings/" + id + "/pdf", SECRETARY).expect(200);
        assertTrue(pdf.contentType, pdf.contentType.startsWith("application/pdf"));
        assertTrue("not a PDF", pdf.bytes.length > 1000 && new String(pdf.bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("%PDF-"));
        Resp revisions = http.get("/api/meetings/" + id + "/revisions", SECRETARY).expect(200);
        assertEquals(1, count(revisions.body, "\"revision\":"));

        String topic = jsonString(issued.body.substring(issued.body.indexOf("\"topics\"")), "id");
        Resp action = http.post("/api/meetings/" + id + "/actions", SECRETARY, "{\"topicId\":\"" + topic
                + "\",\"title\":\"IT 落实\",\"ownerId\":\"" + people.get(0) + "\",\"dueDate\":\"" + LocalDate.now().minusDays(1)
                + "\"}");
        assertEquals(action.toString(), 201, action.status);
        Resp overdue = http.get("/api/meetings/actions?overdue=true", SECRETARY).expect(200);
        assertTrue(overdue.body, overdue.body.contains("IT 落实"));

        Resp xlsx = http.get("/api/meetings/statistics.xlsx?year=" + LocalDate.now().getYear(), SECRETARY).expect(200);
        assertTrue(xlsx.bytes.length > 100 && xlsx.bytes[0] == 'P' && xlsx.bytes[1] == 'K');
        Resp cadence = http.get("/api/meetings/cadence", SECRETARY).expect(200);
        assertTrue(cadence.body, cadence.body.contains("BRANCH_COMMITTEE"));
    }

    private void referenceDataAndOpenApi() {
        Resp cats = http.get("/api/meetings/categories", SECRETARY).expect(200);
        assertEquals(9, count(cats.body, "\"code\":"));
        Resp rules = http.get("/api/meetings/rules", SECRETARY).expect(200);
        assertTrue(rules.body, rules.body.contains("\"type\":\"PARTY_GROUP\""));
        assertEquals(403, http.put("/api/meetings/categories/NEWCAT?version=0", SECRETARY,
                "{\"code\":\"NEWCAT\",\"nameZh\":\"新\",\"nameEn\":\"New\",\"sortOrder\":1,\"active\":true,\"version\":0}").status);
        Resp api = http.get("/api/openapi.json", null).expect(200);
        assertTrue("meetings not in the API description", api.body.contains("/meetings/{id}/issue"));
        Resp places = http.get("/api/meetings/places", SECRETARY).expect(200);
        assertEquals("[]", places.body.trim()); // no place provider installed: free text
    }

    private static long version(Resp r) {
        return jsonLong(r.body.substring(r.body.lastIndexOf("\"meta\"")), "version");
    }

    private static String draft(String body, String at, List<String> people, int present, String decision) {
        StringBuilder att = new StringBuilder();
        for (int i = 0; i < people.size(); i++) {
            boolean here = i < present;
            att.append(i == 0 ? "" : ",").append("{\"personId\":\"").append(people.get(i)).append("\",\"name\":null,")
                    .append("\"kind\":\"MEMBER\",\"present\":").append(here).append(",\"absenceReason\":")
                    .append(here ? "null" : "\"下乡\"").append('}');
        }
        return "{\"bodyId\":\"" + body + "\",\"type\":\"BRANCH_COMMITTEE\",\"startAt\":\"" + at + "\",\"endAt\":null,"
                + "\"place\":\"党员活动室\",\"placeId\":null,\"chairId\":\"" + people.get(0) + "\",\"recorderId\":null,"
                + "\"subject\":\"IT-check 支委会\",\"notes\":null,\"attendees\":[" + att + "],\"topics\":[{\"id\":null,"
                + "\"title\":\"研究确定发展对象\",\"categoryCode\":\"PARTY_BUILDING\",\"submittedBy\":\"组织委员\",\"presenter\":null,"
                + "\"summary\":\"讨论\",\"decision\":\"" + decision + "\",\"personnel\":false,\"votesFor\":null,"
                + "\"votesAgainst\":null,\"votesAbstain\":null}]}";
    }
}
