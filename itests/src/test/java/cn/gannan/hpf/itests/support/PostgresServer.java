package cn.gannan.hpf.itests.support;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from Debian's packages ({@code apt-get install -y postgresql}): a fresh cluster in
 * a temporary folder on a free port, trust authentication on localhost, one database {@code hpf} owned by user
 * {@code hpf}. Run as root (CI), the server runs as the {@code postgres} system user.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresServer start() throws Exception {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("hpf-pg-");
        Path data = dir.resolve("data");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        PostgresServer pg = new PostgresServer(bin, data, Exam.freePort(), root);
        pg.exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "hpf", "--auth=trust",
                "-E", "UTF8", "--locale=C"));
        pg.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                dir.resolve("server.log").toString(), "-o",
                "-p " + pg.port + " -k " + dir + " -c listen_addresses=localhost", "start"));
        pg.exec(List.of(bin.resolve("createdb").toString(), "-h", "localhost", "-p", String.valueOf(pg.port), "-U",
                "hpf", "hpf"));
        return pg;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/hpf";
    }

    /** Runs one SQL statement with psql and returns its unaligned, tuples-only output. */
    public String psql(String sql) throws Exception {
        return exec(List.of(bin.resolve("psql").toString(), "-h", "localhost", "-p", String.valueOf(port), "-U", "hpf",
                "-d", "hpf", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql)).strip();
    }

    @Override
    public void close() {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (Exception e) {
            System.err.println("pg_ctl stop: " + e);
        }
        try (Stream<Path> s = Files.walk(data.getParent())) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cleaning " + data.getParent() + ": " + e);
        }
    }

    private String exec(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        return run(cmd, true);
    }

    private static String run(List<String> cmd, boolean check) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(Path.of("/tmp").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd + "\n" + out);
        }
        if (check && p.exitValue() != 0) {
            fail("failed (" + p.exitValue() + "): " + cmd + "\n" + out);
        }
        return out;
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> s = Files.list(base)) {
                Path bin = s.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder()).orElse(null);
                if (bin != null) {
                    return bin;
                }
            }
        }
        fail("PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL test needs its initdb");
        return null;
    }
}
