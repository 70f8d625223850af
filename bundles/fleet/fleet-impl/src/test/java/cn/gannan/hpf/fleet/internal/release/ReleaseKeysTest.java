package cn.gannan.hpf.fleet.internal.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.fleet.api.SigningKey;

public class ReleaseKeysTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private ReleaseKeys keys;

    @Before
    public void setUp() {
        dir = tmp.getRoot().toPath().resolve("etc/hpf-fleet");
        keys = new ReleaseKeys(dir);
    }

    @Test
    public void generatesAnOwnerOnlyPrivateKeyAndAPublicKeyToHandOut() throws Exception {
        assertTrue(keys.current().isEmpty());

        SigningKey k = keys.generate(false);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertTrue(Files.readString(keys.privateKeyFile()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(keys.publicKeyFile()).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(16, k.keyId().length());
        assertEquals(k.keyId(), keys.current().orElseThrow().keyId());
        assertEquals(k.publicKey(), keys.current().orElseThrow().publicKey());
        // the configured text (bare Base64 or the PEM file) gives the same key
        assertEquals(keys.publicKey(), ReleaseKeys.parsePublicKey(k.publicKey()));
        assertEquals(keys.publicKey(), ReleaseKeys.parsePublicKey(Files.readString(keys.publicKeyFile())));
        assertEquals("Ed25519", keys.privateKey().getAlgorithm().replace("EdDSA", "Ed25519"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    public void anExistingKeyIsReplacedOnlyWhenAskedTo() {
        SigningKey first = keys.generate(false);
        HpfException e = assertThrows(HpfException.class, () -> keys.generate(false));
        assertTrue(e.getMessage(), e.getMessage().contains("key id " + first.keyId()));
        assertEquals(first.keyId(), keys.current().orElseThrow().keyId());

        SigningKey second = keys.generate(true);
        assertNotEquals(first.keyId(), second.keyId());
        assertEquals(second.keyId(), ReleaseKeys.keyId(keys.publicKey()));
    }

    @Test
    public void aPrivateKeyOthersCanReadIsNotUsed() throws Exception {
        keys.generate(false);
        Files.setPosixFilePermissions(keys.privateKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        HpfException e = assertThrows(HpfException.class, keys::privateKey);
        assertTrue(e.getMessage(), e.getMessage().contains("has permissions rw-r--r--"));
    }

    @Test
    public void signingWithoutAKeyExplainsWhatToDo() {
        HpfException e = assertThrows(HpfException.class, keys::privateKey);
        assertTrue(e.getMessage(), e.getMessage().contains("run hpf:release-keygen first"));
    }

    @Test
    public void aBadPublicKeyInConfigurationIsRefused() {
        assertTrue(assertThrows(ReleaseRejectedException.class, () -> ReleaseKeys.parsePublicKey(" "))
                .getMessage().contains("is not configured"));
        assertTrue(assertThrows(ReleaseRejectedException.class, () -> ReleaseKeys.parsePublicKey("AAAA"))
                .getMessage().startsWith("The configured release public key is not a valid Ed25519 public key"));
        assertFalse(ReleaseKeys.keyId(keys.generate(false) == null ? null : keys.publicKey()).isEmpty());
    }
}
