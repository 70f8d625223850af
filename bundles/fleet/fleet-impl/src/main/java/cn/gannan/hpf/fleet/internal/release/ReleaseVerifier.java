package cn.gannan.hpf.fleet.internal.release;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseManifest;

/**
 * Checks a release folder before anything of it is used: the signature over the manifest with the trusted
 * public key, the manifest's form and version, and every artifact's presence, size and SHA-256; a file under
 * {@code repository/} that the manifest does not list is refused too, since Karaf could resolve it.
 */
public final class ReleaseVerifier {

    private final PublicKey trusted;

    public ReleaseVerifier(PublicKey trusted) {
        this.trusted = trusted;
    }

    /**
     * Verifies the signature and parses the manifest, without looking at the artifacts.
     *
     * @param expectedVersion the release the manifest must be of, or null for any
     */
    public ReleaseManifest verifyManifest(byte[] manifest, byte[] signature, String expectedVersion) {
        ReleaseSignature.verify(manifest, signature, trusted);
        ReleaseManifest m = ManifestFormat.parse(manifest);
        if (expectedVersion != null && !expectedVersion.equals(m.release())) {
            throw new ReleaseRejectedException(msg("error.manifest.otherRelease", m.release(), expectedVersion));
        }
        return m;
    }

    /** The whole release folder: signature, manifest, every artifact, nothing more. */
    public ReleaseManifest verify(Path releaseDir, String expectedVersion) {
        byte[] manifest;
        byte[] signature;
        try {
            Path mf = ReleaseLayout.manifest(releaseDir);
            if (Files.size(mf) > ManifestFormat.MAX_BYTES) {
                throw new ReleaseRejectedException(msg("error.manifest.tooLarge", Files.size(mf), ManifestFormat.MAX_BYTES));
            }
            manifest = Files.readAllBytes(mf);
            signature = Files.readAllBytes(ReleaseLayout.signature(releaseDir));
        } catch (IOException e) {
            throw new ReleaseRejectedException(msg("error.release.unreadable", releaseDir, e.getMessage()), e);
        }
        return verify(manifest, signature, ReleaseLayout.repository(releaseDir), expectedVersion);
    }

    /** A manifest with its signature, and the repository folder it describes: every artifact, nothing more. */
    public ReleaseManifest verify(byte[] manifest, byte[] signature, Path repo, String expectedVersion) {
        ReleaseManifest m = verifyManifest(manifest, signature, expectedVersion);
        for (ReleaseArtifact a : m.artifacts()) {
            verifyArtifact(repo, a);
        }
        Set<String> listed = m.artifacts().stream().map(ReleaseArtifact::path).collect(Collectors.toSet());
        List<String> extra = filesUnder(repo).stream().filter(p -> !listed.contains(p)).sorted().toList();
        if (!extra.isEmpty()) {
            throw new ReleaseRejectedException(msg("error.artifact.unlisted", extra.get(0), extra.size()));
        }
        return m;
    }

    /** One artifact under a repository root: present, of the listed size and SHA-256. */
    public static void verifyArtifact(Path repositoryRoot, ReleaseArtifact a) {
        Path file = ReleaseLayout.artifact(repositoryRoot, a.path());
        try {
            if (!Files.isRegularFile(file)) {
                throw new ReleaseRejectedException(msg("error.artifact.missing", a.path()));
            }
            long size = Files.size(file);
            if (size != a.size()) {
                throw new ReleaseRejectedException(msg("error.artifact.size", a.path(), size, a.size()));
            }
            String sha = Hashing.sha256(file);
            if (!sha.equals(a.sha256())) {
                throw new ReleaseRejectedException(msg("error.artifact.hash", a.path(), sha, a.sha256()));
            }
        } catch (IOException e) {
            throw new ReleaseRejectedException(msg("error.artifact.unreadable", a.path(), e.getMessage()), e);
        }
    }

    /** Relative paths (with {@code /}) of the regular files under a folder; empty when it does not exist. */
    static List<String> filesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Set<String> out = new HashSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !Files.isDirectory(p)).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new ReleaseRejectedException(msg("error.release.unreadable", root, e.getMessage()), e);
        }
        return List.copyOf(out);
    }
}
