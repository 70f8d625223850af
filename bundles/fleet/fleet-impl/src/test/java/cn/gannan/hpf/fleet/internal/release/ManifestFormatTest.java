package cn.gannan.hpf.fleet.internal.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseManifest;

public class ManifestFormatTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static final ReleaseManifest M = new ReleaseManifest(1, "0.2.0", "mvn:cn.gannan.hpf/hpf-features/0.2.0/xml/features",
            "0123456789abcdef", Instant.parse("2026-11-28T05:20:31.900Z"),
            List.of(new ReleaseArtifact("org/z/z/1/z-1.jar", 5, B), new ReleaseArtifact("cn/a/a/1/a-1.jar", 12, A)));

    static final String TEXT = """
            HPF-RELEASE-MANIFEST 1
            release 0.2.0
            features mvn:cn.gannan.hpf/hpf-features/0.2.0/xml/features
            key 0123456789abcdef
            created 2026-11-28T05:20:31Z
            artifact %s 12 cn/a/a/1/a-1.jar
            artifact %s 5 org/z/z/1/z-1.jar
            end 2 17
            """.formatted(A, B);

    @Test
    public void writesOneSortedCanonicalForm() {
        assertEquals(TEXT, new String(ManifestFormat.write(M), StandardCharsets.UTF_8));
    }

    @Test
    public void parsesWhatItWrites() {
        ReleaseManifest back = ManifestFormat.parse(TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(M.artifacts().get(1), M.artifacts().get(0)), back.artifacts());
        assertEquals(Instant.parse("2026-11-28T05:20:31Z"), back.created());
        assertEquals(17, back.totalBytes());
        assertEquals(TEXT, new String(ManifestFormat.write(back), StandardCharsets.UTF_8));
    }

    private static String refusal(String text) {
        return assertThrows(ReleaseRejectedException.class, () -> ManifestFormat.parse(text.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }

    @Test
    public void refusesAnythingButTheCanonicalForm() {
        assertEquals("The release manifest is not in its canonical form (extra spaces, line breaks or other differences) and is refused.",
                refusal(TEXT.replace("created 2026-11-28T05:20:31Z", "created 2026-11-28T05:20:31.000Z")));
        assertTrue(refusal(TEXT.replace("\n", "\r\n")).startsWith("Release manifest format 1\r is unknown"));
        assertTrue(refusal(TEXT.replace("release 0.2.0", "release  0.2.0")).startsWith("Line 2 of the release manifest should be a \"release\" line"));
        assertEquals("The release manifest is incomplete (truncated or without its end line).", refusal(TEXT.substring(0, TEXT.length() - 1)));
        assertTrue(refusal(TEXT.replace("end 2 17\n", "")).startsWith("Line 7 of the release manifest should be a \"end\" line"));
        assertEquals("Release manifest format 2 is unknown; this node reads format 1.", refusal(TEXT.replace("MANIFEST 1", "MANIFEST 2")));
    }

    @Test
    public void refusesOutOfOrderAndDuplicateArtifacts() {
        String swapped = TEXT.replace("artifact " + A + " 12 cn/a/a/1/a-1.jar\nartifact " + B + " 5 org/z/z/1/z-1.jar",
                "artifact " + B + " 5 org/z/z/1/z-1.jar\nartifact " + A + " 12 cn/a/a/1/a-1.jar");
        assertEquals("Line 7 of the release manifest: cn/a/a/1/a-1.jar is out of order or listed twice.", refusal(swapped));
        String twice = TEXT.replace("org/z/z/1/z-1.jar", "cn/a/a/1/a-1.jar");
        assertTrue(refusal(twice).contains("out of order or listed twice"));
    }

    @Test
    public void refusesAWrongEndCount() {
        assertEquals("The end line of the release manifest states 2 files and 18 bytes; it lists 2 files and 17 bytes.",
                refusal(TEXT.replace("end 2 17", "end 2 18")));
    }

    @Test
    public void refusesPathsThatLeaveTheRepository() {
        for (String bad : new String[] { "../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "a/./b", "a\\b", "a b" }) {
            assertFalse(bad, ManifestFormat.safePath(bad));
            String text = TEXT.replace("org/z/z/1/z-1.jar", bad);
            assertThrows(bad, ReleaseRejectedException.class, () -> ManifestFormat.parse(text.getBytes(StandardCharsets.UTF_8)));
        }
        assertTrue(ManifestFormat.safePath("org/apache/felix/org.apache.felix.scr/2.2.6/org.apache.felix.scr-2.2.6.jar"));
        assertTrue(ManifestFormat.safePath("com/vaadin/external/gwt/gwt-elemental/2.8.2.vaadin2/gwt-elemental-2.8.2.vaadin2.jar"));
    }

    @Test
    public void refusesBadHashesSizesAndVersions() {
        assertTrue(refusal(TEXT.replace(A, A.toUpperCase())).startsWith("Line 6 of the release manifest is malformed"));
        assertTrue(refusal(TEXT.replace(" 12 ", " -12 ")).startsWith("Line 6 of the release manifest is malformed"));
        assertTrue(refusal(TEXT.replace(" 12 ", " 012 ")).startsWith("Line 6 of the release manifest is malformed"));
        assertTrue(refusal(TEXT.replace("release 0.2.0", "release ../x")).startsWith("Line 2 of the release manifest is malformed"));
        assertTrue(refusal(TEXT.replace("key 0123456789abcdef", "key xyz")).startsWith("Line 4 of the release manifest is malformed"));
    }
}
