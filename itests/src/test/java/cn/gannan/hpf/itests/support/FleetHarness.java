package cn.gannan.hpf.itests.support;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local multi-node fleet of {@code bench/rollout/fleet-nodes.sh} (a centre GN00 and county nodes GN01…), driven
 * from a test: the script starts, stops and links the nodes; console commands run through it as demo.central; the
 * centre's {@code hpf:fleet} and {@code hpf:rollout-status} are read back as records.
 */
public final class FleetHarness implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern ROLLOUT = Pattern.compile("(?m)^Rollout (\\w{8})\\s+(\\S+)\\s+release (\\S+)\\s+(\\w+)\\s");
    private static final Pattern WAVE = Pattern.compile("^  wave (\\d+)\\s+(\\w+)\\s");
    private static final Pattern TARGET = Pattern.compile("^    (GN\\d\\d)\\s+(\\w+)\\s+from (\\S+)\\s+attempt (\\d+)(?:\\s+! (.*))?$");

    private final Path repo;
    private final Path dir;
    private final Path log;

    private FleetHarness(Path repo, Path dir) {
        this.repo = repo;
        this.dir = dir;
        this.log = dir.resolveSibling(dir.getFileName() + "-harness.log");
    }

    /** Starts a centre and {@code counties} county nodes from the built distribution under {@code target/<name>}. */
    public static FleetHarness start(String name, int counties, int pollSeconds, int healthSeconds) throws Exception {
        Path target = OfficeNode.TARGET.toAbsolutePath().normalize();
        Path repo = target;
        while (repo != null && !Files.isRegularFile(repo.resolve("bench/rollout/fleet-nodes.sh"))) {
            repo = repo.getParent();
        }
        assertTrue("bench/rollout/fleet-nodes.sh not found above " + target, repo != null);
        Path dir = target.resolve(name);
        FleetHarness h = new FleetHarness(repo, dir);
        if (Files.isDirectory(dir)) {
            h.run(Duration.ofMinutes(2), "stop");
            OfficeNode.deleteTree(dir);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(h::close));
        h.run(Duration.ofMinutes(12), "start", "-n", String.valueOf(counties), "-p", String.valueOf(pollSeconds), "-t",
                String.valueOf(healthSeconds), "-z", OfficeNode.distributionZip().toString());
        return h;
    }

    public Path dir() {
        return dir;
    }

    public Path repo() {
        return repo;
    }

    /** A node's Karaf home. */
    public Path home(String node) {
        return dir.resolve(node);
    }

    public Http http(String node) throws IOException {
        for (String line : Files.readAllLines(home(node).resolve("ports.env"))) {
            if (line.startsWith("HTTP=")) {
                return new Http("http://localhost:" + line.substring(5).strip());
            }
        }
        throw new AssertionError("no HTTP port in " + home(node).resolve("ports.env"));
    }

    /** One console command on a node as demo.central; its output without colours and carriage returns. */
    public String console(String node, String command) throws Exception {
        // a refused command exits non-zero; its one-line refusal is the output the test asserts on
        return exec(command(List.of("console", node, command)), Duration.ofSeconds(90), true);
    }

    /** Cuts a county off the centre, or brings its link back. */
    public void link(String county, boolean up) throws Exception {
        run(Duration.ofSeconds(30), "link", county, up ? "up" : "down");
    }

    /** Makes a release of the running product as {@code version} (make-release.py); returns its folder. */
    public Path makeRelease(String from, String version, String... options) throws Exception {
        Path out = dir.resolve("releases").resolve(version);
        List<String> cmd = new ArrayList<>(List.of("python3", repo.resolve("bench/rollout/make-release.py").toString(),
                home("GN00").resolve("system").toString(), from, version, out.toString()));
        cmd.addAll(Arrays.asList(options));
        exec(cmd, Duration.ofMinutes(2), false);
        return out;
    }

    /** Publishes a release made by {@link #makeRelease} at the centre; returns the command's output. */
    public String publish(String version, Path release) throws Exception {
        String out = console("GN00", "hpf:release-publish --from " + release + " --from " + home("GN00").resolve("system") + " " + version);
        assertTrue(out, out.contains("Published " + version));
        return out;
    }

    /** Creates a rollout with {@code hpf:rollout-create} (waves as the console takes them) and returns its id. */
    public String createRollout(String name, String release, int errorThreshold, String... waves) throws Exception {
        StringBuilder cmd = new StringBuilder("hpf:rollout-create --name " + name + " --release " + release + " --error-threshold "
                + errorThreshold);
        for (String w : waves) {
            cmd.append(" --wave ").append(w);
        }
        String out = console("GN00", cmd.toString());
        Matcher m = Pattern.compile("hpf:rollout-start (\\w{8})").matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }

    /** The centre's view of every office ({@code hpf:fleet}). */
    public Map<String, Office> offices() throws Exception {
        String out = console("GN00", "hpf:fleet");
        Map<String, Office> offices = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] t = line.strip().split("\\s+");
            if (t.length < 8 || !t[0].matches("GN\\d\\d")) {
                continue;
            }
            int stale = "-".equals(t[5]) ? 6 : 7; // last seen is "-" or a date and a time
            int bang = line.indexOf("  ! ");
            offices.put(t[0], new Office(t[0], t[1], t[2], t[3], t[4], "yes".equals(t[stale]),
                    bang < 0 ? null : line.substring(bang + 4).strip(), line));
        }
        if (offices.isEmpty()) {
            fail("hpf:fleet listed no office:\n" + out);
        }
        return offices;
    }

    /** One rollout as {@code hpf:rollout-status ID} shows it. */
    public Rollout rollout(String id) throws Exception {
        String out = console("GN00", "hpf:rollout-status " + id);
        Matcher m = ROLLOUT.matcher(out);
        if (!m.find()) {
            fail("no rollout " + id + ":\n" + out);
        }
        List<Wave> waves = new ArrayList<>();
        for (String line : out.split("\n")) {
            Matcher w = WAVE.matcher(line);
            Matcher t = TARGET.matcher(line);
            if (w.find()) {
                waves.add(new Wave(Integer.parseInt(w.group(1)), w.group(2), new LinkedHashMap<>()));
            } else if (t.find() && !waves.isEmpty()) {
                waves.get(waves.size() - 1).targets().put(t.group(1),
                        new Target(t.group(1), t.group(2), t.group(3), Integer.parseInt(t.group(4)), t.group(5)));
            }
        }
        return new Rollout(m.group(1), m.group(2), m.group(3), m.group(4), waves, out);
    }

    /** The fleet's history of actions for an office, newest first ({@code hpf:fleet --history}). */
    public List<String> history(String office) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : console("GN00", "hpf:fleet --history " + office + " --limit 200").split("\n")) {
            if (line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Stops every node and link. */
    @Override
    public void close() {
        try {
            if (Files.isDirectory(dir)) {
                run(Duration.ofMinutes(2), "stop");
            }
        } catch (Throwable e) {
            System.err.println("stopping the fleet in " + dir + ": " + e);
        }
    }

    /** The last lines of the harness's own log and of a node's karaf.log, for failure messages. */
    public String logTail(String node) {
        StringBuilder sb = new StringBuilder();
        for (Path f : List.of(log, home(node).resolve("data/log/karaf.log"))) {
            try {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                sb.append("--- ").append(f).append('\n');
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("--- ").append(f).append(": ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private String run(Duration timeout, String action, String... args) throws Exception {
        List<String> actionAndArgs = new ArrayList<>(List.of(action));
        actionAndArgs.addAll(Arrays.asList(args));
        return exec(command(actionAndArgs), timeout, false);
    }

    /** The harness script with an action and its arguments, on this fleet's folder. */
    private List<String> command(List<String> actionAndArgs) {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("bench/rollout/fleet-nodes.sh").toString()));
        cmd.addAll(actionAndArgs);
        cmd.add("-d");
        cmd.add(dir.toString());
        return cmd;
    }

    /**
     * Runs a command; its output goes through a file (the nodes and links the script starts in the background
     * inherit it, so a pipe would never close), appended to the harness log, and is returned.
     */
    private String exec(List<String> cmd, Duration timeout, boolean mayFail) throws Exception {
        Files.createDirectories(dir.getParent());
        Path out = Files.createTempFile(dir.getParent(), "harness-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String text = ANSI.matcher(Files.readString(out, StandardCharsets.UTF_8)).replaceAll("").replace("\r", "");
            Files.writeString(log, "$ " + String.join(" ", cmd) + "\n" + text + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (!done) {
                fail("did not finish in " + timeout.toSeconds() + " s: " + String.join(" ", cmd) + "\n" + text);
            }
            if (p.exitValue() != 0 && !mayFail) {
                fail("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A row of {@code hpf:fleet}. */
    public record Office(String code, String running, String target, String health, String phase, boolean stale, String lastError,
            String line) {
    }

    public record Rollout(String id, String name, String release, String status, List<Wave> waves, String text) {
    }

    public record Wave(int number, String status, Map<String, Target> targets) {
    }

    public record Target(String office, String status, String from, int attempt, String error) {
    }
}
