package cn.gannan.hpf.fleet.internal.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseManifest;

public class ReleasePublisherTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path system;
    private Path releases;
    private ReleaseKeys keys;
    private ReleasePublisher publisher;
    private final Instant now = Instant.parse("2026-11-28T05:20:31.123Z");

    @Before
    public void setUp() throws Exception {
        system = tmp.newFolder("system").toPath();
        releases = tmp.getRoot().toPath().resolve("releases");
        keys = new ReleaseKeys(tmp.getRoot().toPath().resolve("keys"));
        keys.generate(false);
        TestRepos.system(system, "0.2.0");
        publisher = new ReleasePublisher(List.of(system), releases);
    }

    private ReleaseManifest publish(String version) {
        return publisher.publish(version, TestRepos.PRODUCT, keys.privateKey(), ReleaseKeys.keyId(keys.publicKey()), now);
    }

    @Test
    public void publishesTheProductRepositoryAndEverythingItsFeaturesNeed() throws Exception {
        ReleaseManifest m = publish("0.2.0");

        List<String> paths = m.artifacts().stream().map(ReleaseArtifact::path).toList();
        assertEquals(List.of(
                "cn/gannan/hpf/core-api/0.2.0/core-api-0.2.0.jar",
                "cn/gannan/hpf/core-impl/0.2.0/core-impl-0.2.0.jar",
                "cn/gannan/hpf/hpf-config/0.2.0/hpf-config-0.2.0-default.cfg",
                "cn/gannan/hpf/hpf-features/0.2.0/hpf-features-0.2.0-features.xml",
                "cn/gannan/hpf/talks-meetings/0.2.0/talks-meetings-0.2.0.jar",
                "org/example/base-features/1.0.0/base-features-1.0.0-features.xml",
                "org/example/lib/2.1.0/lib-2.1.0.jar",
                "org/example/plain-lib/1.2/plain-lib-1.2.jar",
                "org/example/scr/2.2.6/scr-2.2.6.jar"), paths);
        assertEquals("0.2.0", m.release());
        assertEquals("mvn:cn.gannan.hpf/hpf-features/0.2.0/xml/features", m.featuresRepository());
        assertEquals(ReleaseKeys.keyId(keys.publicKey()), m.keyId());
        assertEquals(Instant.parse("2026-11-28T05:20:31Z"), m.created());

        Path dir = releases.resolve("0.2.0");
        for (ReleaseArtifact a : m.artifacts()) {
            Path copy = dir.resolve("repository").resolve(a.path());
            assertEquals(a.path(), Files.size(copy), a.size());
            assertEquals(a.path(), Hashing.sha256(system.resolve(a.path())), a.sha256());
        }
        assertEquals(70_000L, m.artifacts().get(1).size());
        // what it wrote verifies with the public key, and nothing else lies beside the release
        assertEquals(m, new ReleaseVerifier(keys.publicKey()).verify(dir, "0.2.0"));
        try (Stream<Path> s = Files.list(releases)) {
            assertEquals(List.of(dir), s.toList());
        }
    }

    @Test
    public void aPublishedVersionIsNeverOverwritten() {
        publish("0.2.0");
        HpfException e = assertThrows(HpfException.class, () -> publish("0.2.0"));
        assertTrue(e.getMessage(), e.getMessage().contains("Version 0.2.0 has been published already"));
        assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("已经发布过"));
    }

    @Test
    public void anUnusableVersionIsRefused() {
        for (String v : new String[] { "", "../0.2.0", "v1", "0.2.0/x", "0.2 0" }) {
            HpfException e = assertThrows(v, HpfException.class, () -> publish(v));
            assertTrue(e.getMessage(), e.getMessage().contains("cannot be used"));
        }
        assertFalse(Files.exists(releases.resolve("0.2.0")));
    }

    @Test
    public void aVersionWhoseRepositoryIsAbsentIsRefused() {
        HpfException e = assertThrows(HpfException.class, () -> publish("0.3.0"));
        assertTrue(e.getMessage(), e.getMessage().contains("mvn:cn.gannan.hpf/hpf-features/0.3.0/xml/features is not in " + system));
    }

    @Test
    public void missingArtifactsAndFeaturesAreListedAndNothingIsPublished() throws Exception {
        Files.delete(system.resolve("org/example/scr/2.2.6/scr-2.2.6.jar"));
        Files.delete(system.resolve("org/example/lib/2.1.0/lib-2.1.0.jar"));
        // lib 3.0.0 exists but is outside the range [2.0,3.0): the dependency cannot be met
        TestRepos.write(system, "org/example/base-features/1.0.0/base-features-1.0.0-features.xml",
                TestRepos.BASE_XML.replace("<feature name=\"lib\" version=\"2.1.0\"><bundle>mvn:org.example/lib/2.1.0</bundle></feature>", ""));

        HpfException e = assertThrows(HpfException.class, () -> publish("0.2.0"));

        assertTrue(e.getMessage(), e.getMessage().startsWith("2 things the release needs are not in " + system));
        assertTrue(e.getMessage(), e.getMessage().contains("mvn:org.example/scr/2.2.6 (scr)"));
        assertTrue(e.getMessage(), e.getMessage().contains("feature lib/[2.0,3.0) (hpf-core)"));
        assertFalse(Files.exists(releases.resolve("0.2.0")));
        if (Files.exists(releases)) {
            try (Stream<Path> s = Files.list(releases)) {
                assertEquals("no staging folder is left behind", 0, s.count());
            }
        }
    }

    @Test
    public void theHighestFeatureVersionInTheRangeIsTaken() throws Exception {
        TestRepos.write(system, "org/example/base-features/1.0.0/base-features-1.0.0-features.xml",
                TestRepos.BASE_XML.replace("</features>",
                        "<feature name=\"lib\" version=\"2.5.0\"><bundle>mvn:org.example/lib/2.5.0</bundle></feature></features>"));
        TestRepos.jar(system, "org/example/lib/2.5.0/lib-2.5.0.jar", 10);

        List<String> paths = publish("0.2.0").artifacts().stream().map(ReleaseArtifact::path).toList();

        assertTrue(paths.contains("org/example/lib/2.5.0/lib-2.5.0.jar"));
        assertFalse(paths.contains("org/example/lib/2.1.0/lib-2.1.0.jar"));
        assertFalse(paths.contains("org/example/lib/3.0.0/lib-3.0.0.jar"));
        assertFalse(paths.contains("org/example/unused/1.0.0/unused-1.0.0.jar"));
    }

    @Test
    public void laterSourceFoldersFillWhatTheFirstLacks() throws Exception {
        Path extra = tmp.newFolder("extra").toPath();
        Files.move(system.resolve("org/example/scr"), Files.createDirectories(extra.resolve("org/example")).resolve("scr"));
        publisher = new ReleasePublisher(List.of(system, extra), releases);

        assertTrue(publish("0.2.0").artifacts().stream().anyMatch(a -> a.path().equals("org/example/scr/2.2.6/scr-2.2.6.jar")));
    }
}
