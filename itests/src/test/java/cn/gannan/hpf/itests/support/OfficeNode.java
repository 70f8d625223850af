package cn.gannan.hpf.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The built office distribution as an external process ({@code bin/karaf server}): unpacked under
 * {@code target/nodes/<name>}, demo data on, HTTP/SSH/RMI on free ports. {@link #start} returns once the
 * shell page and the JSON API answer; {@link #stop} stops it (and kills it if it hangs).
 */
public final class OfficeNode implements AutoCloseable {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private Process karaf;

    private OfficeNode(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** Unpacks and starts a node with demo data. */
    public static OfficeNode start(String name) throws Exception {
        return start(name, Map.of());
    }

    /**
     * Unpacks and starts a node; {@code config} maps {@code "etc/file.cfg#key"} to a value, applied after the
     * defaults (e.g. {@code "etc/cn.gannan.hpf.office.cfg#code" -> "GN02"}).
     */
    public static OfficeNode start(String name, Map<String, String> config) throws Exception {
        return start(name, config, home -> {
        });
    }

    /** Edits the unpacked node before its first start. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(Path home) throws IOException;
    }

    /** As {@link #start(String, Map)}, with {@code prepare} run on the unpacked home before the first start. */
    public static OfficeNode start(String name, Map<String, String> config, Preparation prepare) throws Exception {
        Path home = unpack(distributionZip(), TARGET.resolve("nodes").resolve(name));
        int http = Exam.freePort();
        int ssh = Exam.freePort();
        setProperty(home.resolve("etc/cn.gannan.hpf.office.cfg"), "demo", "true");
        // first start keeps the boot features' modules instead of the county profile (tests choose their modules)
        setProperty(home.resolve("etc/cn.gannan.hpf.modules.cfg"), "profile", "");
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        // keep clear of other nodes on this machine (default 8101, 1099, 44444)
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                String.valueOf(Exam.freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                String.valueOf(Exam.freePort()));
        for (Map.Entry<String, String> e : config.entrySet()) {
            String[] fileKey = e.getKey().split("#", 2);
            setProperty(home.resolve(fileKey[0]), fileKey[1], e.getValue());
        }
        prepare.prepare(home);
        OfficeNode node = new OfficeNode(home, http, ssh);
        node.firstBoot();
        return node;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Http http() {
        return new Http(baseUrl());
    }

    /**
     * The first start of a fresh node. Karaf's first boot has been seen to hang, rarely (once in about a dozen
     * starts on a heavily loaded machine: the JVM alive, the log silent, the shell never served). Such a hang is
     * recorded (a thread dump next to the node's logs, a warning on stderr) and the node is started once more from
     * a clean data folder; a second failure fails the test.
     */
    private void firstBoot() throws Exception {
        String problem = start();
        if (problem.isEmpty()) {
            return;
        }
        Path dump = threadDump("first-boot-hang");
        System.err.println("WARNING: office node " + home + " did not come up (" + problem + "); thread dump in " + dump
                + "; starting it once more from a clean data folder");
        kill();
        deleteTree(home.resolve("data"));
        problem = start();
        if (!problem.isEmpty()) {
            fail("office node not up after two starts of " + START_TIMEOUT.toSeconds() + " s (" + problem
                    + "); thread dumps in " + home + ":\n" + logTail());
        }
    }

    /** Starts the process again (after {@link #stop}) on the same ports and data; waits until it answers. */
    public void launch() throws Exception {
        String problem = start();
        if (!problem.isEmpty()) {
            Path dump = threadDump("start-hang");
            fail("office node not up after " + START_TIMEOUT.toSeconds() + " s (" + problem + "); thread dump in "
                    + dump + ":\n" + logTail());
        }
    }

    /** Starts the process; "" once it answers, otherwise what it answered last. */
    private String start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf-console.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("KARAF_HOME");
        env.remove("KARAF_BASE");
        env.remove("KARAF_DATA");
        env.remove("KARAF_ETC");
        long t0 = System.nanoTime();
        karaf = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
        String problem = awaitUp();
        if (problem.isEmpty()) {
            System.out.printf("office node %s up on %d after %.1f s%n", home.getParent().getFileName(), httpPort,
                    (System.nanoTime() - t0) / 1e9);
        }
        return problem;
    }

    /** "" once the shell page and the API answer; what they answered last when the time is up. */
    private String awaitUp() throws Exception {
        Http http = http();
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            if (!karaf.isAlive()) {
                fail("Karaf exited with " + karaf.exitValue() + " before it answered:\n" + logTail());
            }
            int ui = http.get("/hpf/", null).status;
            int me = ui == 200 ? http.get("/api/me", Http.demo("demo.admin")).status : -1;
            if (ui == 200 && me == 200) {
                return "";
            }
            last = "GET /hpf/ -> " + ui + ", GET /api/me as demo.admin -> " + me;
            Thread.sleep(500);
        }
        return last.isEmpty() ? "no answer" : last;
    }

    /** Writes a thread dump of the node's JVM (jcmd of this JDK) next to its logs; returns the file. */
    private Path threadDump(String name) {
        Path out = home.resolve(name + "-threads.txt");
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("thread dump of " + home + ": " + e);
        }
        return out;
    }

    /**
     * Runs one console command over SSH with {@code bin/client} as the given user and returns its output
     * (stdout and stderr).
     */
    public String console(String user, String password, String command) throws Exception {
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u",
                user, "-p", password, "-b")
                .directory(home.toFile()).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("console command did not finish in 60 s: " + command + "\n" + out);
        }
        return out;
    }

    /** The last 40 lines of the console output and karaf.log. */
    public String logTail() {
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

    /** Stops the node with {@code bin/stop}, killing it after 30 s. */
    public void stop() {
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println("Karaf did not stop within 30 s; destroying it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        karaf = null;
    }

    /** Kills the node's JVM at once (as a power cut would: no shutdown hooks, no clean stop). */
    public void crash() throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
        kill();
        karaf = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Destroys the launcher script and the JVM it started (bin/karaf does not exec java). */
    private void kill() {
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

    // ---------------------------------------------------------------- files

    static Path distributionZip() {
        String prop = System.getProperty("hpf.dist.zip");
        Path zip = prop != null ? Path.of(prop)
                : Path.of(System.getProperty("user.home"),
                        ".m2/repository/cn/gannan/hpf/hpf-office/0.1.0-SNAPSHOT/hpf-office-0.1.0-SNAPSHOT.zip");
        assertTrue("distribution zip not found: " + zip + " (build karaf-assembly first)", Files.isRegularFile(zip));
        return zip;
    }

    /** Unpacks the zip into {@code dir} (emptied first) and returns the Karaf home inside it. */
    static Path unpack(Path zip, Path dir) throws IOException {
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

    /** Adds a feature to the boot features of {@code etc/org.apache.karaf.features.cfg}. */
    public static void addBootFeature(Path home, String feature) throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        String updated = text.replaceFirst("featuresBoot\\s*=\\s*\\\\\\R", "featuresBoot = \\\\\n    " + feature + ", \\\\\n");
        assertTrue("no featuresBoot in " + cfg, !updated.equals(text));
        Files.writeString(cfg, updated, StandardCharsets.UTF_8);
    }

    /** Replaces {@code key = ...} in a .cfg/.properties file, or appends it. */
    public static void setProperty(Path file, String key, String value) throws IOException {
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

    public static void deleteTree(Path dir) throws IOException {
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
