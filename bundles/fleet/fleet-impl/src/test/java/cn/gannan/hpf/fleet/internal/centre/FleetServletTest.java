package cn.gannan.hpf.fleet.internal.centre;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.internal.FleetJson;
import cn.gannan.hpf.fleet.internal.release.TestRepos;

/** The fleet servlet in a real Jetty over the real centre services. */
public class FleetServletTest {

    private static final String JAR = "cn/gannan/hpf/core-impl/0.2.0/core-impl-0.2.0.jar";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CentreNode node;
    private Server jetty;
    private String base;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @Before
    public void setUp() throws Exception {
        node = new CentreNode(tmp.getRoot().toPath());
        TestRepos.system(node.system, "0.2.0");
        node.releases.generateKey(node.admin, false);
        node.releases.publish(node.admin, "0.2.0", List.of());
        token = node.fleet.issueToken(node.admin, "GN02");
        jetty = new Server(0);
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.addServlet(new ServletHolder(new FleetServlet(node.fleet)), "/fleet/*");
        jetty.setHandler(ctx);
        jetty.start();
        base = "http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fleet/v1/";
    }

    @After
    public void tearDown() throws Exception {
        jetty.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    public void withoutAValidTokenNothingIsServed() throws Exception {
        for (String t : new String[] { null, "nonsense", token + "x" }) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "state"));
            if (t != null) {
                b.header("Authorization", "Bearer " + t);
            }
            HttpResponse<String> r = http.send(b.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode());
            assertEquals("Bearer realm=\"hpf-fleet\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertTrue(r.body(), r.body().contains("The office credential (Authorization: Bearer …) is missing, invalid or revoked."));
        }
        node.fleet.revokeToken(node.admin, "GN02");
        HttpResponse<byte[]> r = get("releases/0.2.0/release.manifest");
        assertEquals(401, r.statusCode());
        assertTrue(text(r), text(r).contains("凭据"));
    }

    @Test
    public void heartbeatAnswersTheDesiredState() throws Exception {
        Heartbeat hb = new Heartbeat("0.1.0", List.of("talks-ui"), Health.HEALTHY, AgentPhase.IDLE, null, null, 0, null,
                Instant.parse("2026-11-28T06:00:00Z"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "heartbeat"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(FleetJson.mapper().writeValueAsBytes(hb))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        assertEquals(new DesiredState("GN02", null, null, 0, 60), FleetJson.mapper().readValue(r.body(), DesiredState.class));
        assertEquals("0.1.0", node.fleet.office(node.admin, "GN02").runningRelease());

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "heartbeat"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());

        HttpResponse<byte[]> state = get("state");
        assertEquals(200, state.statusCode());
        assertEquals("GN02", FleetJson.mapper().readValue(state.body(), DesiredState.class).officeCode());
    }

    @Test
    public void releaseFilesAreServedWholeOrByRange() throws Exception {
        byte[] whole = Files.readAllBytes(node.root.resolve("data/fleet/releases/0.2.0/repository").resolve(JAR));

        HttpResponse<byte[]> all = get("releases/0.2.0/repository/" + JAR);
        assertEquals(200, all.statusCode());
        assertArrayEquals(whole, all.body());
        assertEquals("bytes", all.headers().firstValue("Accept-Ranges").orElseThrow());

        HttpResponse<byte[]> rest = get("releases/0.2.0/repository/" + JAR, "Range", "bytes=65536-");
        assertEquals(206, rest.statusCode());
        assertEquals("bytes 65536-69999/70000", rest.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(whole, 65536, 70000), rest.body());

        HttpResponse<byte[]> mid = get("releases/0.2.0/repository/" + JAR, "Range", "bytes=10-19");
        assertArrayEquals(Arrays.copyOfRange(whole, 10, 20), mid.body());
        HttpResponse<byte[]> tail = get("releases/0.2.0/repository/" + JAR, "Range", "bytes=-5");
        assertArrayEquals(Arrays.copyOfRange(whole, 69995, 70000), tail.body());

        HttpResponse<byte[]> beyond = get("releases/0.2.0/repository/" + JAR, "Range", "bytes=70000-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */70000", beyond.headers().firstValue("Content-Range").orElseThrow());

        assertEquals(200, get("releases/0.2.0/release.manifest").statusCode());
        assertTrue(text(get("releases/0.2.0/release.sig")).startsWith("ed25519 "));
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(base + "releases/0.2.0/repository/" + JAR))
                .header("Authorization", "Bearer " + token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals("70000", head.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    public void nothingOutsideAPublishedReleaseIsServed() throws Exception {
        assertEquals(404, get("releases/0.3.0/release.manifest").statusCode());
        // the client normalises a literal "..": this is the release's own signature
        assertTrue(text(get("releases/0.2.0/repository/../release.sig")).startsWith("ed25519 "));
        HttpResponse<byte[]> escape = get("releases/0.2.0/repository/%2e%2e/%2e%2e/%2e%2e/etc/hpf-fleet/release-signing.key");
        assertTrue(String.valueOf(escape.statusCode()), escape.statusCode() == 400 || escape.statusCode() == 404);
        assertTrue(!text(escape).contains("PRIVATE KEY"));
        assertEquals(404, get("releases/0.2.0/other.txt").statusCode());
        assertEquals(404, get("releases/0.2.0/repository/org/none/1/none-1.jar").statusCode());
        assertEquals(404, get("nothing").statusCode());
    }
}
