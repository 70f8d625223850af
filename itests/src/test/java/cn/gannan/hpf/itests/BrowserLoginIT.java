package cn.gannan.hpf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts the built office distribution as an external process (demo data, HTTP on {@value #HTTP_PORT}) and drives
 * the Vaadin shell with Debian's headless Chromium: wrong password, login, admin people page, logout.
 */
public class BrowserLoginIT {

    static final int HTTP_PORT = 8381;
    static final String BASE = "http://localhost:" + HTTP_PORT;
    static final String PASSWORD = "Hpf@2026demo";
    static final Path CHROMIUM = Path.of(System.getProperty("hpf.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("hpf.chromedriver", "/usr/bin/chromedriver"));
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration UI_TIMEOUT = Duration.ofSeconds(30);

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    static final Path NODE_DIR = TARGET.resolve("browser-node");
    static final Path SHOTS = TARGET.resolve("screenshots");

    static Path home;
    static Process karaf;
    static Path chromeProfile;
    static WebDriver driver;
    static int shot;

    @Rule
    public final TestWatcher onFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            screenshot("FAILED-" + d.getMethodName());
            if (driver != null) {
                try {
                    Files.createDirectories(SHOTS);
                    Files.writeString(SHOTS.resolve("FAILED-" + d.getMethodName() + ".html"), driver.getPageSource());
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    };

    @BeforeClass
    public static void startNodeAndBrowser() throws Exception {
        // CI installs these; a missing browser must fail the build, not skip the test
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing: install Debian's chromium and its driver "
                    + "(apt-get install -y chromium chromium-driver) to run the browser tests");
        }
        assertPortFree(HTTP_PORT);
        deleteTree(SHOTS); // only this run's screenshots

        home = unpack(distributionZip(), NODE_DIR);
        setProperty(home.resolve("etc/cn.gannan.hpf.office.cfg"), "demo", "true");
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(HTTP_PORT));
        // keep clear of other nodes on this machine (default 8101, 1099, 44444)
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                String.valueOf(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(freePort()));

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf-console.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("KARAF_HOME");
        env.remove("KARAF_BASE");
        env.remove("KARAF_DATA");
        env.remove("KARAF_ETC");
        long t0 = System.nanoTime();
        karaf = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserLoginIT::killKaraf));
        awaitNode();
        System.out.printf("office node up on %d after %.1f s%n", HTTP_PORT, (System.nanoTime() - t0) / 1e9);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        chromeProfile = Files.createTempDirectory("hpf-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + chromeProfile);
        // the driver executable is given explicitly, so Selenium Manager is never consulted
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(UI_TIMEOUT);
    }

    @AfterClass
    public static void stopBrowserAndNode() throws Exception {
        if (driver != null) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                System.err.println("driver.quit: " + e);
            }
            driver = null;
        }
        stopKaraf();
        if (chromeProfile != null) {
            deleteTree(chromeProfile);
        }
    }

    @Before
    public void freshSession() {
        // every test starts logged out, on the login page
        driver.manage().deleteAllCookies();
        driver.get(BASE + "/hpf/");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
    }

    @Test
    public void wrongPasswordShowsError() {
        screenshot("login-page");
        login("demo.admin", "not-the-password");
        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        waitFor().until(ExpectedConditions.textToBePresentInElement(error, "用户名或密码错误"));
        screenshot("wrong-password");
        assertEquals("用户名或密码错误。", error.getText().strip());
        assertTrue("still on the login page", driver.findElement(By.id("login-username")).isDisplayed());
        assertTrue("no main layout after a failed login", driver.findElements(By.id("nav-menu")).isEmpty());
    }

    @Test
    public void adminLogsInOpensPeopleAndLogsOut() {
        login("demo.admin", PASSWORD);

        WebElement office = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("office-name")));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        screenshot("logged-in");
        assertFalse("office name is empty", office.getText().isBlank());
        WebElement menu = driver.findElement(By.id("nav-menu"));
        for (String item : List.of("nav-admin-people", "nav-admin-orgunits", "nav-admin-users", "nav-admin-audit")) {
            assertFalse(item + " missing from the menu of an office admin:\n" + menuIds(menu),
                    menu.findElements(By.id(item)).isEmpty());
        }

        driver.findElement(By.id("nav-admin-people")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-people")));
        By rows = By.cssSelector("#admin-people .v-grid-body .v-grid-row");
        waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 0));
        screenshot("admin-people");
        assertFalse("people grid shows no rows", driver.findElements(rows).isEmpty());
        assertFalse("first row is empty", driver.findElements(rows).get(0).getText().isBlank());

        driver.findElement(By.id("logout")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("nav-menu")));
        screenshot("logged-out");
    }

    // ---------------------------------------------------------------- browser helpers

    private static WebDriverWait waitFor() {
        return new WebDriverWait(driver, UI_TIMEOUT);
    }

    private static void login(String user, String password) {
        WebElement u = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("login-username")));
        u.clear();
        u.sendKeys(user);
        WebElement p = driver.findElement(By.id("login-password"));
        p.clear();
        p.sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    private static String menuIds(WebElement menu) {
        return menu.findElements(By.cssSelector("[id]")).stream().map(e -> e.getAttribute("id"))
                .collect(Collectors.joining(", "));
    }

    static void screenshot(String name) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            System.err.println("screenshot " + name + ": " + e);
        }
    }

    // ---------------------------------------------------------------- node helpers

    private static Path distributionZip() {
        String prop = System.getProperty("hpf.dist.zip");
        Path zip = prop != null ? Path.of(prop)
                : Path.of(System.getProperty("user.home"),
                        ".m2/repository/cn/gannan/hpf/hpf-office/0.1.0-SNAPSHOT/hpf-office-0.1.0-SNAPSHOT.zip");
        assertTrue("distribution zip not found: " + zip + " (build karaf-assembly first)", Files.isRegularFile(zip));
        return zip;
    }

    /** Unpacks the zip into {@code dir} (emptied first) and returns the Karaf home inside it. */
    private static Path unpack(Path zip, Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<Path> homes;
        try (Stream<Path> s = Files.list(root)) {
            homes = s.filter(p -> Files.isRegularFile(p.resolve("bin/karaf"))).collect(Collectors.toList());
        }
        assertEquals("Karaf homes in " + zip, 1, homes.size());
        Path karafHome = homes.get(0);
        try (Stream<Path> s = Files.walk(karafHome.resolve("bin"))) {
            // java.util.zip drops the permission bits
            s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".bat"))
                    .forEach(p -> p.toFile().setExecutable(true));
        }
        return karafHome;
    }

    /** Replaces {@code key = ...} in a .cfg/.properties file, or appends it. */
    static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        Pattern p = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void awaitNode() throws Exception {
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            if (!karaf.isAlive()) {
                fail("Karaf exited with " + karaf.exitValue() + " before it answered:\n" + logTail());
            }
            int ui = status("/hpf/", null);
            int me = ui == 200 ? status("/api/me", "demo.admin:" + PASSWORD) : -1;
            if (ui == 200 && me == 200) {
                return;
            }
            last = "GET /hpf/ -> " + ui + ", GET /api/me as demo.admin -> " + me;
            Thread.sleep(500);
        }
        fail("office node not up after " + START_TIMEOUT.toSeconds() + " s (" + last + "):\n" + logTail());
    }

    private static int status(String path, String credentials) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(BASE + path).openConnection();
            c.setConnectTimeout(2_000);
            c.setReadTimeout(10_000);
            c.setInstanceFollowRedirects(false);
            if (credentials != null) {
                c.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            int code = c.getResponseCode();
            try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String logTail() {
        StringBuilder sb = new StringBuilder();
        for (Path log : List.of(home.resolve("karaf-console.log"), home.resolve("data/log/karaf.log"))) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                sb.append("--- ").append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("--- ").append(log).append(": ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private static void stopKaraf() throws Exception {
        if (karaf == null) {
            return;
        }
        if (karaf.isAlive()) {
            try {
                Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                        .directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(home.resolve("karaf-stop.log").toFile()).start();
                stop.getOutputStream().close();
                stop.waitFor(30, TimeUnit.SECONDS);
                stop.destroyForcibly();
            } catch (IOException e) {
                System.err.println("bin/stop: " + e);
            }
        }
        if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
            System.err.println("Karaf did not stop within 30 s; destroying it");
        }
        killKaraf();
        karaf = null;
    }

    /** Destroys the launcher script and the JVM it started (bin/karaf does not exec java). */
    private static void killKaraf() {
        Process p = karaf;
        if (p == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        p.descendants().forEach(all::add);
        all.add(p.toHandle());
        try {
            // the JVM's own pid, in case the launcher script is already gone
            long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
            ProcessHandle.of(pid).filter(h -> h.info().command().orElse("").contains("java")).ifPresent(all::add);
        } catch (Exception ignored) {
            // no pid file yet
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private static void assertPortFree(int port) {
        try (Socket s = new Socket("localhost", port)) {
            fail("port " + port + " is already in use: another office node is running there; stop it first");
        } catch (IOException expected) {
            // nothing listens: good
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
