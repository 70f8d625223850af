package cn.gannan.hpf.fleet.internal.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.fleet.api.ReleaseManifest;

/** A published release on disk, then tampered with in every way a county must notice. */
public class ReleaseVerifierTest {

    private static final String JAR = "cn/gannan/hpf/core-impl/0.2.0/core-impl-0.2.0.jar";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private ReleaseKeys keys;
    private Path dir;
    private ReleaseVerifier verifier;
    private ReleaseManifest published;

    @Before
    public void setUp() throws Exception {
        Path system = tmp.newFolder("system").toPath();
        TestRepos.system(system, "0.2.0");
        keys = new ReleaseKeys(tmp.getRoot().toPath().resolve("keys"));
        keys.generate(false);
        Path releases = tmp.getRoot().toPath().resolve("releases");
        published = new ReleasePublisher(List.of(system), releases).publish("0.2.0", TestRepos.PRODUCT, keys.privateKey(),
                ReleaseKeys.keyId(keys.publicKey()), Instant.now());
        dir = releases.resolve("0.2.0");
        verifier = new ReleaseVerifier(keys.publicKey());
    }

    private ReleaseRejectedException refused() {
        return assertThrows(ReleaseRejectedException.class, () -> verifier.verify(dir, "0.2.0"));
    }

    private Path repo(String path) {
        return dir.resolve("repository").resolve(path);
    }

    @Test
    public void anUntouchedReleaseVerifies() {
        assertEquals(published, verifier.verify(dir, "0.2.0"));
        assertEquals(published, verifier.verify(dir, null));
    }

    @Test
    public void aChangedByteOfAnArtifactIsRefusedNamingTheFile() throws Exception {
        byte[] b = Files.readAllBytes(repo(JAR));
        b[b.length / 2] ^= 1;
        Files.write(repo(JAR), b);

        ReleaseRejectedException e = refused();

        assertTrue(e.getMessage(), e.getMessage().startsWith("The SHA-256 of release file " + JAR + " is "));
        assertTrue(e.getMessage(), e.getMessage().endsWith("the file was tampered with or damaged."));
        assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("已被篡改或损坏"));
    }

    @Test
    public void aTruncatedArtifactIsRefusedBySize() throws Exception {
        byte[] b = Files.readAllBytes(repo(JAR));
        Files.write(repo(JAR), java.util.Arrays.copyOf(b, b.length - 1));

        assertTrue(refused().getMessage().contains("Release file " + JAR + " is 69,999 bytes long; the signed manifest says 70,000."));
    }

    @Test
    public void aMissingArtifactIsRefused() throws Exception {
        Files.delete(repo(JAR));
        assertEquals("Release file " + JAR + " is missing.", refused().getMessage());
    }

    @Test
    public void anUnlistedFileInTheRepositoryIsRefused() throws Exception {
        TestRepos.jar(dir.resolve("repository"), "org/evil/x/1/x-1.jar", 10);
        assertTrue(refused().getMessage().startsWith("The release folder holds org/evil/x/1/x-1.jar, which the manifest does not list"));
    }

    @Test
    public void aManifestEditedToMatchATamperedArtifactFailsTheSignature() throws Exception {
        byte[] b = Files.readAllBytes(repo(JAR));
        b[0] ^= 1;
        Files.write(repo(JAR), b);
        String text = Files.readString(dir.resolve("release.manifest"));
        String old = published.artifacts().stream().filter(a -> a.path().equals(JAR)).findFirst().orElseThrow().sha256();
        Files.writeString(dir.resolve("release.manifest"), text.replace(old, Hashing.sha256(b)));

        ReleaseRejectedException e = refused();

        assertTrue(e.getMessage(), e.getMessage().startsWith("The signature of the release manifest does not match the centre’s public key"));
    }

    @Test
    public void aSignatureOfAnotherKeyIsRefused() throws Exception {
        ReleaseKeys other = new ReleaseKeys(tmp.getRoot().toPath().resolve("other"));
        other.generate(false);
        byte[] manifest = Files.readAllBytes(dir.resolve("release.manifest"));
        Files.write(dir.resolve("release.sig"), ReleaseSignature.sign(manifest, other.privateKey(), ReleaseKeys.keyId(other.publicKey())));

        assertTrue(refused().getMessage().startsWith("The release was signed with another key (key id "
                + ReleaseKeys.keyId(other.publicKey()) + "); this node trusts " + ReleaseKeys.keyId(keys.publicKey())));

        // another key's signature relabelled with the trusted key id is still refused
        Files.write(dir.resolve("release.sig"), ReleaseSignature.sign(manifest, other.privateKey(), ReleaseKeys.keyId(keys.publicKey())));
        assertTrue(refused().getMessage().startsWith("The signature of the release manifest does not match"));
    }

    @Test
    public void aGarbledSignatureFileIsRefused() throws Exception {
        Files.writeString(dir.resolve("release.sig"), "ed25519 " + ReleaseKeys.keyId(keys.publicKey()) + " %%%\n");
        assertEquals("The release signature file is malformed.", refused().getMessage());
        Files.writeString(dir.resolve("release.sig"), "");
        assertEquals("The release signature file is malformed.", refused().getMessage());
    }

    @Test
    public void aMissingSignatureIsRefused() throws Exception {
        Files.delete(dir.resolve("release.sig"));
        assertTrue(refused().getMessage().startsWith("Cannot read the release folder"));
    }

    @Test
    public void aManifestOfAnotherVersionIsRefused() {
        ReleaseRejectedException e = assertThrows(ReleaseRejectedException.class, () -> verifier.verify(dir, "0.3.0"));
        assertEquals("The release manifest is of version 0.2.0; version 0.3.0 was asked for.", e.getMessage());
    }

    @Test
    public void verifyingTheManifestAloneChecksSignatureAndForm() throws Exception {
        byte[] manifest = Files.readAllBytes(dir.resolve("release.manifest"));
        byte[] sig = Files.readAllBytes(dir.resolve("release.sig"));
        assertEquals(published, verifier.verifyManifest(manifest, sig, "0.2.0"));

        byte[] crlf = new String(manifest, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThrows(ReleaseRejectedException.class, () -> verifier.verifyManifest(crlf, sig, "0.2.0"));
    }
}
