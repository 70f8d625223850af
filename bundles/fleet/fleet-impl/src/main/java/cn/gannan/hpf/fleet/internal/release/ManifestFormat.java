package cn.gannan.hpf.fleet.internal.release;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseManifest;

/**
 * The one canonical text form of a {@link ReleaseManifest}, the bytes the centre signs:
 *
 * <pre>
 * HPF-RELEASE-MANIFEST 1
 * release 0.2.0
 * features mvn:cn.gannan.hpf/hpf-features/0.2.0/xml/features
 * key 0123456789abcdef
 * created 2026-11-28T05:20:00Z
 * artifact &lt;sha256&gt; &lt;size&gt; &lt;path&gt;
 * ...
 * end &lt;count&gt; &lt;total bytes&gt;
 * </pre>
 *
 * UTF-8 (in practice ASCII), one space between fields, LF after every line, artifacts sorted by path and
 * unique. {@link #parse} accepts only text that {@link #write} would produce for the same content, so a
 * manifest has exactly one signed form.
 */
public final class ManifestFormat {

    public static final String HEADER = "HPF-RELEASE-MANIFEST";
    public static final int FORMAT = 1;
    /** Largest manifest accepted (bytes). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z._-]{0,39}");
    static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern FEATURES_URI = Pattern.compile("mvn:[A-Za-z0-9._-]+/[A-Za-z0-9._-]+/[0-9A-Za-z._-]+/xml(/[A-Za-z0-9._-]+)?");
    private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9._+~-]+(/[A-Za-z0-9._+~-]+)*");

    private ManifestFormat() {
    }

    /** True for a release version that can name a folder and a Maven version. */
    public static boolean validVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /**
     * True for a relative path inside a repository: ASCII letters, digits and {@code . _ + ~ -}, segments
     * separated by {@code /}, none of them {@code .} or {@code ..}.
     */
    public static boolean safePath(String path) {
        if (path == null || path.length() > 400 || !PATH_CHARS.matcher(path).matches()) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The canonical bytes; artifacts are sorted here, so the caller's order does not matter. */
    public static byte[] write(ReleaseManifest m) {
        List<ReleaseArtifact> sorted = new ArrayList<>(m.artifacts());
        sorted.sort((a, b) -> a.path().compareTo(b.path()));
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append(' ').append(m.format()).append('\n');
        sb.append("release ").append(m.release()).append('\n');
        sb.append("features ").append(m.featuresRepository()).append('\n');
        sb.append("key ").append(m.keyId()).append('\n');
        sb.append("created ").append(m.created().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        long total = 0;
        for (ReleaseArtifact a : sorted) {
            sb.append("artifact ").append(a.sha256()).append(' ').append(a.size()).append(' ').append(a.path()).append('\n');
            total += a.size();
        }
        sb.append("end ").append(sorted.size()).append(' ').append(total).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses and checks a manifest.
     *
     * @throws ReleaseRejectedException naming the line that is wrong
     */
    public static ReleaseManifest parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw reject("error.manifest.tooLarge", bytes.length, MAX_BYTES);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw reject("error.manifest.truncated");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 6) {
            throw reject("error.manifest.truncated");
        }
        String[] head = fields(lines, 0, 2, HEADER);
        if (!String.valueOf(FORMAT).equals(head[1])) {
            throw reject("error.manifest.format", head[1], FORMAT);
        }
        String release = fields(lines, 1, 2, "release")[1];
        if (!validVersion(release)) {
            throw line(2, lines[1]);
        }
        String features = fields(lines, 2, 2, "features")[1];
        if (!FEATURES_URI.matcher(features).matches()) {
            throw line(3, lines[2]);
        }
        String key = fields(lines, 3, 2, "key")[1];
        if (!KEY_ID.matcher(key).matches()) {
            throw line(4, lines[3]);
        }
        Instant created;
        try {
            created = Instant.parse(fields(lines, 4, 2, "created")[1]);
        } catch (DateTimeParseException e) {
            throw line(5, lines[4]);
        }
        List<ReleaseArtifact> artifacts = new ArrayList<>();
        int i = 5;
        String previous = null;
        long total = 0;
        for (; i < lines.length - 1; i++) {
            String[] f = fields(lines, i, 4, "artifact");
            if (!SHA256.matcher(f[1]).matches() || !f[2].matches("0|[1-9][0-9]{0,17}") || !safePath(f[3])) {
                throw line(i + 1, lines[i]);
            }
            if (previous != null && previous.compareTo(f[3]) >= 0) {
                throw reject("error.manifest.order", i + 1, f[3]);
            }
            previous = f[3];
            long size = Long.parseLong(f[2]);
            total += size;
            artifacts.add(new ReleaseArtifact(f[3], size, f[1]));
        }
        String[] end = fields(lines, i, 3, "end");
        if (!end[1].equals(String.valueOf(artifacts.size())) || !end[2].equals(String.valueOf(total))) {
            throw reject("error.manifest.count", end[1], end[2], artifacts.size(), total);
        }
        ReleaseManifest m = new ReleaseManifest(FORMAT, release, features, key, created, artifacts);
        if (!java.util.Arrays.equals(write(m), bytes)) {
            throw reject("error.manifest.notCanonical");
        }
        return m;
    }

    private static String[] fields(String[] lines, int index, int count, String keyword) {
        if (index >= lines.length) {
            throw reject("error.manifest.truncated");
        }
        String[] f = lines[index].split(" ", -1);
        if (f.length != count || !f[0].equals(keyword)) {
            throw reject("error.manifest.expected", index + 1, keyword, abbreviate(lines[index]));
        }
        return f;
    }

    private static ReleaseRejectedException line(int number, String line) {
        return reject("error.manifest.line", number, abbreviate(line));
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static ReleaseRejectedException reject(String key, Object... args) {
        return new ReleaseRejectedException(msg(key, args));
    }
}
