package cn.gannan.hpf.fleet.internal.release;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.fleet.api.SigningKey;

/**
 * The centre's Ed25519 release signing key, in a folder of its node: {@code release-signing.key} (PKCS#8, PEM,
 * readable by the owner only) and {@code release-signing.pub} (X.509, PEM, to hand to the counties). The private
 * key is read only to sign and never leaves this class's caller.
 */
public final class ReleaseKeys {

    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_FILE = "release-signing.key";
    public static final String PUBLIC_FILE = "release-signing.pub";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    public ReleaseKeys(Path dir) {
        this.dir = dir;
    }

    public Path privateKeyFile() {
        return dir.resolve(PRIVATE_FILE);
    }

    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_FILE);
    }

    /** The key pair's public half, if one was generated. */
    public Optional<SigningKey> current() {
        Path pub = publicKeyFile();
        if (!Files.isRegularFile(pub) || !Files.isRegularFile(privateKeyFile())) {
            return Optional.empty();
        }
        try {
            PublicKey key = parsePublicKey(Files.readString(pub, StandardCharsets.US_ASCII));
            FileTime created = Files.getLastModifiedTime(privateKeyFile());
            return Optional.of(new SigningKey(keyId(key), base64(key), created.toInstant(), privateKeyFile().toString()));
        } catch (IOException e) {
            throw new HpfException(msg("error.key.read", pub, e.getMessage()), e);
        }
    }

    /**
     * Generates a new key pair. The private key file is created with owner-only permissions before anything is
     * written to it. Refused when a key exists and {@code replace} is false.
     */
    public SigningKey generate(boolean replace) {
        Optional<SigningKey> existing = current();
        if (existing.isPresent() && !replace) {
            throw new HpfException(msg("error.key.exists", existing.get().keyId(), privateKeyFile()));
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate Ed25519 keys", e);
        }
        try {
            createOwnerOnlyDir(dir);
            Path tmpKey = dir.resolve(PRIVATE_FILE + ".new");
            Files.deleteIfExists(tmpKey);
            createOwnerOnlyFile(tmpKey);
            Files.writeString(tmpKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Path tmpPub = dir.resolve(PUBLIC_FILE + ".new");
            Files.writeString(tmpPub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmpKey, privateKeyFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpPub, publicKeyFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HpfException(msg("error.key.write", dir, e.getMessage()), e);
        }
        return current().orElseThrow();
    }

    /**
     * The private key, for signing. Refused when none was generated or when its file can be read by anyone but
     * its owner.
     */
    public PrivateKey privateKey() {
        Path file = privateKeyFile();
        if (!Files.isRegularFile(file)) {
            throw new HpfException(msg("error.key.missing", file));
        }
        try {
            if (posix(file)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_FILE.containsAll(perms)) {
                    throw new HpfException(msg("error.key.permissions", file, PosixFilePermissions.toString(perms)));
                }
            }
            byte[] der = unpem(Files.readString(file, StandardCharsets.US_ASCII));
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new HpfException(msg("error.key.read", file, e.getMessage()), e);
        }
    }

    /** The public key that matches the private key file. */
    public PublicKey publicKey() {
        try {
            return parsePublicKey(Files.readString(publicKeyFile(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new HpfException(msg("error.key.missing", publicKeyFile()), e);
        }
    }

    /**
     * A public key from configuration: PEM or the bare Base64 of its X.509 encoding.
     *
     * @throws ReleaseRejectedException when it is not an Ed25519 public key
     */
    public static PublicKey parsePublicKey(String text) {
        if (text == null || text.isBlank()) {
            throw new ReleaseRejectedException(msg("error.key.publicMissing"));
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ReleaseRejectedException(msg("error.key.publicInvalid", e.getMessage()), e);
        }
    }

    /** First 16 hex digits of the SHA-256 of the X.509 encoding. */
    public static String keyId(PublicKey key) {
        return Hashing.sha256(key.getEncoded()).substring(0, 16);
    }

    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] unpem(String text) {
        StringBuilder b64 = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            if (!line.startsWith("-----")) {
                b64.append(line.strip());
            }
        }
        return Base64.getDecoder().decode(b64.toString());
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnlyDir(Path d) throws IOException {
        if (posix(d.getParent() == null ? d : d.getParent().toAbsolutePath())) {
            if (!Files.isDirectory(d)) {
                Files.createDirectories(d, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            Files.setPosixFilePermissions(d, OWNER_DIR);
        } else {
            Files.createDirectories(d);
        }
    }

    private static void createOwnerOnlyFile(Path f) throws IOException {
        try {
            if (posix(f.getParent())) {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(f);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("file exists: " + f, e);
        }
    }
}
