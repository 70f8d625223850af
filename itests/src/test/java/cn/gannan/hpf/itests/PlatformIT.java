package cn.gannan.hpf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionBaseConfigurationOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Boots the built office distribution (demo data on, HTTP on {@value #HTTP_PORT}) and checks from inside the
 * container: boot features, bundle states, DS components, the Vaadin shell and the JSON API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    static final int HTTP_PORT = 8281;
    static final String BASE = "http://localhost:" + HTTP_PORT;
    static final String CENTRAL = "demo.central:Hpf@2026demo";
    static final long WAIT_MS = 60_000;

    /** The hpf-* features the distribution boots; the test also reads them from etc/ and compares. */
    static final List<String> HPF_BOOT_FEATURES = List.of("hpf-core", "hpf-commands", "hpf-shell", "hpf-rest");

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    FeaturesService features;

    @Inject
    @Filter(timeout = 60_000)
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() throws IOException {
        String zip = System.getProperty("hpf.dist.zip");
        KarafDistributionBaseConfigurationOption dist = karafDistributionConfiguration();
        if (zip != null && new File(zip).isFile()) {
            // copied by maven-dependency-plugin: from the reactor when built from the root, so never a stale zip
            dist = dist.frameworkUrl(new File(zip).toURI().toString());
        } else {
            // running from an IDE without the copy: resolve the installed distribution
            dist = dist.frameworkUrl(maven("cn.gannan.hpf", "hpf-office").type("zip").versionAsInProject());
        }
        List<Option> options = new ArrayList<>(List.of(
                dist.name("hpf-office").karafVersion("4.4.10")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                logLevel(LogLevel.WARN),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                systemTimeout(180_000),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(HTTP_PORT)),
                editConfigurationFilePut("etc/cn.gannan.hpf.office.cfg", "demo", "true"),
                // keep clear of other nodes on this machine (default 8101, 1099, 44444)
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(freePort()))));
        String m2 = System.getProperty("hpf.m2.local");
        if (m2 != null) {
            // Pax Exam's own bundles come from the build's local repository
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", m2));
        }
        return options.toArray(new Option[0]);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
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

    // ---------------------------------------------------------------- helpers: state

    private String missingHpfFeatures() {
        List<String> missing = new ArrayList<>();
        for (String name : HPF_BOOT_FEATURES) {
            try {
                Feature f = features.getFeature(name);
                if (f == null) {
                    missing.add(name + " (unknown)");
                } else if (!features.isInstalled(f)) {
                    missing.add(name + "/" + f.getVersion() + " (not installed)");
                }
            } catch (Exception e) {
                missing.add(name + " (" + e + ")");
            }
        }
        return String.join(", ", missing);
    }

    private String badBundles() {
        StringBuilder bad = new StringBuilder();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                bad.append("\n  ").append(b.getBundleId()).append(' ').append(b.getSymbolicName()).append('/')
                        .append(b.getVersion()).append(": ").append(state(b.getState()))
                        .append(fragment ? " (fragment)" : "");
            }
        }
        return bad.toString();
    }

    private String badComponents(boolean hpfOnly) {
        StringBuilder bad = new StringBuilder();
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs();
        for (ComponentDescriptionDTO d : descriptions) {
            String bsn = d.bundle.symbolicName;
            if (hpfOnly && (bsn == null || !bsn.startsWith("cn.gannan.hpf"))) {
                continue;
            }
            if (!scr.isComponentEnabled(d)) {
                if (d.defaultEnabled) {
                    bad.append("\n  ").append(bsn).append(": ").append(d.name).append(" DISABLED");
                }
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    bad.append("\n  ").append(bsn).append(": ").append(d.name).append(' ')
                            .append(componentState(c.state));
                    if (c.unsatisfiedReferences != null) {
                        for (var u : c.unsatisfiedReferences) {
                            bad.append(" [missing ").append(u.name).append(' ').append(u.target == null ? "" : u.target)
                                    .append(']');
                        }
                    }
                    if (c.failure != null) {
                        bad.append(" failure: ").append(c.failure.lines().findFirst().orElse(""));
                    }
                }
            }
        }
        return bad.toString();
    }

    private static String state(int s) {
        switch (s) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return String.valueOf(s);
        }
    }

    private static String componentState(int s) {
        switch (s) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION: return "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: return "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION: return "FAILED_ACTIVATION";
            case ComponentConfigurationDTO.SATISFIED: return "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE: return "ACTIVE";
            default: return String.valueOf(s);
        }
    }

    /** Polls until {@code problems} returns "" (up to {@link #WAIT_MS}); returns the last problems otherwise. */
    private static String await(String what, Supplier<String> problems) {
        long end = System.currentTimeMillis() + WAIT_MS;
        String last;
        while (true) {
            try {
                last = problems.get();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            if (last.isEmpty() || System.currentTimeMillis() > end) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!last.isEmpty()) {
            System.err.println("Gave up waiting " + WAIT_MS / 1000 + " s for " + what + ":" + last);
        }
        return last;
    }

    // ---------------------------------------------------------------- helpers: HTTP

    private static void assertProblem(Resp r) {
        assertNotNull("no content type: " + r, r.contentType);
        assertTrue("not problem+json: " + r, r.contentType.startsWith("application/problem+json"));
        assertTrue("no status in problem: " + r, r.body.contains("\"status\""));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private long peopleTotal() {
        Resp r = get("/api/people?limit=1", CENTRAL);
        assertEquals(r.toString(), 200, r.status);
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(r.body);
        assertTrue("no total in " + r.body, m.find());
        return Long.parseLong(m.group(1));
    }

    static final class Resp {
        final int status;
        final String contentType;
        final String body;
        final Map<String, List<String>> headers;

        Resp(int status, String contentType, String body, Map<String, List<String>> headers) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.headers = headers;
        }

        @Override
        public String toString() {
            String b = body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
            return status + " " + contentType + " " + b;
        }
    }

    private static Resp get(String path, String credentials) {
        return send("GET", path, credentials, null);
    }

    private static Resp send(String method, String path, String credentials, String json) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(BASE + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(5_000);
            c.setReadTimeout(20_000);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept-Language", "zh-CN");
            if (credentials != null) {
                c.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = "";
            if (in != null) {
                try (InputStream i = in) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    i.transferTo(buf);
                    body = buf.toString(StandardCharsets.UTF_8);
                }
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            c.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    headers.put(k, v);
                }
            });
            return new Resp(status, c.getContentType(), body, headers);
        } catch (IOException e) {
            return new Resp(-1, null, e.toString(), Map.of());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
