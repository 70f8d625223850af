package cn.gannan.hpf.itests.rooms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;
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
import org.osgi.framework.SynchronousBundleListener;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.JaxRs;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * The rooms module on the built distribution: hpf-rooms installed alone on the running core (no other bundle
 * restarted), its services registered, the JSON API exercised (standard, sites, conformance, bookings with a
 * clash and the boundary, photos by content, statistics as .xlsx, refusals as problem+json), then hpf-rooms-ui
 * added and both uninstalled: the services and /api/rooms go away, the core keeps working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RoomsIT {

    static final String ADMIN = Http.demo("demo.admin");
    static final String STAFF = Http.demo("demo.staff");
    static final String CENTRAL = Http.demo("demo.central");
    static final String AUDITOR = Http.demo("demo.auditor");

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    FeaturesService injectedFeatures;

    /**
     * The features service as registered now: the instance injected at boot may have been replaced when the
     * boot provisioning finished (its executor is then shut down).
     */
    private FeaturesService features() {
        org.osgi.framework.ServiceReference<FeaturesService> ref = context.getServiceReference(FeaturesService.class);
        assertNotNull("no FeaturesService", ref);
        return context.getService(ref);
    }

    /**
     * Installs without Karaf refreshing bundles: a refresh would restart this test's probe bundle (it imports
     * dynamically). The bundle listener still catches any bundle outside the module that stops; the browser test
     * checks on a real node that installing from the console refreshes nothing.
     */
    private static final java.util.EnumSet<FeaturesService.Option> NO_REFRESH =
            java.util.EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Configuration
    public Option[] config() {
        // a loaded build machine (two cores shared by several builds) can take longer than the default 180 s to boot
        return Exam.distribution("rooms", org.ops4j.pax.exam.CoreOptions.systemTimeout(360_000),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                        "etc/org.ops4j.pax.logging.cfg", "log4j2.logger.hpffeatures.name", "org.apache.karaf.features"),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                        "etc/org.ops4j.pax.logging.cfg", "log4j2.logger.hpffeatures.level", "INFO"));
    }

    @Test
    public void installAloneExerciseThenUninstallAndTheCoreStillWorks() throws Exception {
        Http http = Exam.http();
        assertEquals("", Await.until("the core's API", () -> http.get("/api/offices", CENTRAL).status == 200 ? ""
                : "GET /api/offices not 200"));
        assertEquals("", Await.until("the features service", this::roomsFeatureUnknown));
        assertFalse("hpf-rooms installed at boot", features().isInstalled(features().getFeature("hpf-rooms")));

        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        SynchronousBundleListener watch = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if ((e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED)
                    && (bsn == null || !bsn.startsWith("cn.gannan.hpf.rooms"))) {
                stopped.add(bsn + " " + e.getType());
            }
        };
        context.addBundleListener(watch);
        try {
            installExerciseUninstall(http, stopped);
        } finally {
            if (context.getBundle().getState() == org.osgi.framework.Bundle.ACTIVE) {
                context.removeBundleListener(watch);
            }
        }
        assertEquals("", Await.until("the rooms services to go", () -> context.getServiceReference(
                "cn.gannan.hpf.rooms.api.RoomService") == null ? "" : "still registered"));
        assertEquals("", Await.until("/api/rooms to go", () -> http.get("/api/rooms/standard", STAFF).status == 404 ? ""
                : "still answering"));
        http.get("/api/offices", CENTRAL).expect(200);
        http.get("/api/people?limit=5", ADMIN).expect(200);
        assertEquals(200, http.get("/hpf/", null).status);
        assertFalse(http.get("/api/openapi.json", null).body.contains("/rooms/"));
        assertEquals("", Exam.badBundles(context));
    }

    private void installExerciseUninstall(Http http, List<String> stopped) throws Exception {
        {
            features().installFeature("hpf-rooms", NO_REFRESH);
            assertEquals("bundles outside the module restarted by installing it", List.of(), stopped);
            assertEquals("", Await.until("the rooms services", () -> missingServices()));
            assertEquals("", Await.until("/api/rooms/standard", () -> http.get("/api/rooms/standard", STAFF).status == 200
                    ? "" : "not 200"));
            assertEquals("", JaxRs.settled(context));
            // demo data: nine rooms
            assertEquals("", Await.until("the demo rooms", () -> {
                Resp r = http.get("/api/rooms/sites?limit=20", CENTRAL);
                return r.status == 200 && has(r.body, "total", "9") ? "" : r.toString();
            }, 120_000));

            exerciseApi(http);

            features().installFeature("hpf-rooms-ui", NO_REFRESH);
            assertEquals("", Await.until("the rooms views", () -> roomsView() ? "" : "no rooms view"));
            assertEquals("bundles outside the module restarted by installing the UI", List.of(), stopped);

            features().uninstallFeature("hpf-rooms-ui", NO_REFRESH);
            features().uninstallFeature("hpf-rooms", NO_REFRESH);
            assertEquals("bundles outside the module restarted by uninstalling it", List.of(), stopped);
        }
    }

    private String roomsFeatureUnknown() {
        try {
            return features().getFeature("hpf-rooms") == null ? "hpf-rooms unknown" : "";
        } catch (Exception e) {
            return e.toString();
        }
    }

    private boolean roomsView() {
        try {
            return context.getServiceReferences("cn.gannan.hpf.shell.api.ViewContribution", "(hpf.shell.id=rooms)") != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String missingServices() {
        StringBuilder sb = new StringBuilder();
        for (String s : List.of("StandardService", "RoomService", "InventoryService", "InspectionService",
                "BookingService", "RoomBookingService", "RoomStatisticsService")) {
            if (context.getServiceReference("cn.gannan.hpf.rooms.api." + s) == null) {
                sb.append(' ').append(s);
            }
        }
        return sb.toString();
    }

    private void exerciseApi(Http http) throws IOException {
        // the standard shipped from the rules, exported as a file
        Resp std = http.get("/api/rooms/standard", STAFF).expect(200);
        assertTrue(std.body, std.body.contains("144×96"));
        String stdId = Http.jsonString(std.body, "id");
        Resp file = http.get("/api/rooms/standard/" + stdId + "/file", STAFF).expect(200);
        assertTrue(file.body, file.body.startsWith("# hpf-rooms-standard 1"));
        // importing the same version again is refused, with a reason
        Raw again = postBytes(http, "/api/rooms/standard/import", ADMIN, "text/plain", file.bytes);
        assertEquals(again.toString(), 422, again.status);
        again.assertProblem();

        // the office's room and its conformance
        Resp sites = http.get("/api/rooms/sites", ADMIN).expect(200);
        assertTrue(sites.body, has(sites.body, "total", "1"));
        String roomId = Http.jsonString(sites.body, "id");
        Resp check = http.get("/api/rooms/conformance", ADMIN).expect(200);
        assertTrue(check.body, has(check.body, "officeCode", "\"GN01\"") && check.body.contains("SATISFIED"));
        Resp compare = http.get("/api/rooms/conformance/compare", AUDITOR).expect(200);
        assertEquals(9, Http.count(compare.body, "\"standardVersion\"\\s*:"));
        // a second room for the office is refused; staff may not create rooms
        assertEquals(422, http.post("/api/rooms/sites", ADMIN, "{\"officeCode\":\"GN01\",\"name\":\"第二间\"}").status);
        Resp denied = http.post("/api/rooms/sites", STAFF, "{\"officeCode\":\"GN01\",\"name\":\"x\"}");
        assertEquals(denied.toString(), 403, denied.status);
        Http.assertProblem(denied);

        // bookings: a slot, the boundary, a clash naming the booking
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(200);
        String t9 = day + "T01:00:00Z";
        String t10 = day + "T02:00:00Z";
        String t11 = day + "T03:00:00Z";
        http.post("/api/rooms/bookings", STAFF, booking(roomId, t9, t10, "集成测试党课")).expect(201);
        http.post("/api/rooms/bookings", STAFF, booking(roomId, t10, t11, "紧接着的会议")).expect(201);
        Resp clash = http.post("/api/rooms/bookings", STAFF, booking(roomId, day + "T01:30:00Z", day + "T02:30:00Z",
                "冲突的会议"));
        assertEquals(clash.toString(), 422, clash.status);
        Http.assertProblem(clash);
        assertTrue(clash.body, clash.body.contains("集成测试党课") || clash.body.contains("紧接着的会议"));
        Resp ref = http.post("/api/rooms/bookings", STAFF, "{\"roomId\":\"" + roomId + "\",\"startsAt\":\"" + day
                + "T05:00:00Z\",\"endsAt\":\"" + day + "T06:00:00Z\",\"purpose\":\"党组会议\",\"externalRef\":\"meetings:it-1\"}");
        ref.expect(201);
        Resp cancelled = http.post("/api/rooms/bookings/cancel-by-reference", STAFF,
                "{\"externalRef\":\"meetings:it-1\",\"reason\":\"会议取消\"}").expect(200);
        assertTrue(cancelled.body, has(cancelled.body, "cancelled", "1"));

        // photos are judged by their content
        Raw photo = postBytes(http, "/api/rooms/photos?ownerType=ROOM&ownerId=" + roomId + "&fileName=room.png", ADMIN,
                "image/png", png());
        assertEquals(photo.toString(), 201, photo.status);
        assertTrue(photo.body, has(photo.body, "mediaType", "\"image/png\""));
        Raw fake = postBytes(http, "/api/rooms/photos?ownerType=ROOM&ownerId=" + roomId + "&fileName=fake.png", ADMIN,
                "image/png", "not an image at all, just text with a .png name".getBytes(StandardCharsets.UTF_8));
        assertEquals(fake.toString(), 422, fake.status);
        fake.assertProblem();
        String photoId = Http.jsonString(photo.body, "id");
        Resp img = http.get("/api/rooms/photos/" + photoId, STAFF).expect(200);
        assertTrue(img.contentType, img.contentType.startsWith("image/png"));

        // statistics and the Excel export; an English message on request
        Resp stats = http.get("/api/rooms/statistics", CENTRAL).expect(200);
        assertEquals(9, Http.count(stats.body, "\"officeCode\"\\s*:\\s*\"GN0\\d\""));
        Resp xlsx = http.get("/api/rooms/statistics/xlsx", CENTRAL).expect(200);
        assertEquals('P', xlsx.bytes[0]);
        assertEquals('K', xlsx.bytes[1]);
        Resp badYear = http.withLanguage("en").get("/api/rooms/statistics?year=1999", CENTRAL);
        assertEquals(badYear.toString(), 422, badYear.status);
        assertTrue(badYear.body, badYear.body.contains("1999") && badYear.body.contains("between"));
        assertTrue(http.get("/api/openapi.json", null).body.contains("/rooms/bookings"));
        Resp open = http.get("/api/rooms/inspections/rectifications/open", AUDITOR).expect(200);
        assertTrue(open.body, has(open.body, "status", "\"OPEN\""));
        assertNotNull(Http.jsonString(open.body, "dueOn"));
    }

    /** The JSON text has {@code "key": value} (value as written in JSON, e.g. {@code 9} or {@code \"GN01\"}). */
    static boolean has(String json, String key, String value) {
        return java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*" + java.util.regex.Pattern.quote(value))
                .matcher(json).find();
    }

    private static String booking(String roomId, String start, String end, String purpose) {
        return "{\"roomId\":\"" + roomId + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"purpose\":\""
                + purpose + "\"}";
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xC8102E);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** POSTs raw bytes (the support client sends JSON only). */
    static Raw postBytes(Http http, String path, String credentials, String type, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(http.base() + path).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", type);
        c.setRequestProperty("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
        return new Raw(status, c.getContentType(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** A response to {@link #postBytes}. */
    record Raw(int status, String contentType, String body) {
        void assertProblem() {
            assertTrue(toString(), contentType != null && contentType.startsWith("application/problem+json"));
        }
    }
}
