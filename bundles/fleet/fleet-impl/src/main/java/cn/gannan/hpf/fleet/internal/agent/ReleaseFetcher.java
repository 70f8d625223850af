package cn.gannan.hpf.fleet.internal.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseManifest;
import cn.gannan.hpf.fleet.internal.release.Hashing;
import cn.gannan.hpf.fleet.internal.release.ReleaseLayout;
import cn.gannan.hpf.fleet.internal.release.ReleasePublisher;
import cn.gannan.hpf.fleet.internal.release.ReleaseRejectedException;
import cn.gannan.hpf.fleet.internal.release.ReleaseVerifier;

/**
 * Brings a release into the node's local Maven-layout repository, verified. Downloads go to
 * {@code staging/<version>/} (each file through a {@code .part} that resumes where a broken download stopped) and
 * are checked file by file; only a release whose signature and every hash match is moved to
 * {@code <kar>/hpf-release-<version>/}, a folder Karaf's Maven resolver reads (the {@code @multi} default
 * repository {@code ${karaf.data}/kar}). A release already there is verified again and used without the centre.
 */
public final class ReleaseFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseFetcher.class);
    public static final String PREFIX = "hpf-release-";

    private final CentreClient centre;
    private final ReleaseVerifier verifier;
    private final AgentFiles files;
    private final Path karDir;

    public ReleaseFetcher(CentreClient centre, ReleaseVerifier verifier, AgentFiles files, Path karDir) {
        this.centre = centre;
        this.verifier = verifier;
        this.files = files;
        this.karDir = karDir;
    }

    /** Where Karaf finds the release's artifacts. */
    public Path repository(String version) {
        return karDir.resolve(PREFIX + version);
    }

    /** Whether a verified copy is kept locally (it is verified again before use). */
    public boolean local(String version) {
        return Files.isDirectory(repository(version)) && Files.isRegularFile(ReleaseLayout.manifest(files.kept(version)));
    }

    /**
     * The verified manifest of the release, its artifacts in place.
     *
     * @throws IOException when the centre cannot be reached (what was downloaded is kept and resumed later)
     * @throws ReleaseRejectedException when the signature, the manifest or a file does not match
     */
    public ReleaseManifest obtain(String version) throws IOException {
        if (local(version)) {
            try {
                return verifyLocal(version);
            } catch (ReleaseRejectedException e) {
                LOG.warn("The local copy of release {} no longer verifies ({}); it is downloaded again", version, e.getMessage());
                ReleasePublisher.deleteTree(repository(version));
                ReleasePublisher.deleteTree(files.kept(version));
            }
        }
        Path staging = files.staging(version);
        byte[] manifest = centre.small(version, ReleaseLayout.MANIFEST);
        byte[] signature = centre.small(version, ReleaseLayout.SIGNATURE);
        ReleaseManifest m = verifier.verifyManifest(manifest, signature, version);
        Path stagedManifest = ReleaseLayout.manifest(staging);
        if (Files.isRegularFile(stagedManifest) && !Arrays.equals(Files.readAllBytes(stagedManifest), manifest)) {
            ReleasePublisher.deleteTree(staging); // another manifest of the same version: start over
        }
        Files.createDirectories(staging);
        Files.write(stagedManifest, manifest);
        Files.write(ReleaseLayout.signature(staging), signature);
        Path repo = ReleaseLayout.repository(staging);
        for (ReleaseArtifact a : m.artifacts()) {
            Path file = ReleaseLayout.artifact(repo, a.path());
            if (Files.isRegularFile(file) && Files.size(file) == a.size() && Hashing.sha256(file).equals(a.sha256())) {
                continue;
            }
            Files.deleteIfExists(file);
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            if (Files.isRegularFile(part) && Files.size(part) > a.size()) {
                Files.delete(part);
            }
            centre.download(version, a.path(), part, a.size());
            try {
                Path checked = part.resolveSibling(file.getFileName());
                Files.move(part, checked, StandardCopyOption.REPLACE_EXISTING);
                ReleaseVerifier.verifyArtifact(repo, a);
            } catch (ReleaseRejectedException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
        verifier.verify(staging, version);
        // in place for Karaf: the repository folder moves in one step, the manifest and signature are kept beside
        ReleasePublisher.deleteTree(repository(version));
        Files.createDirectories(karDir);
        Files.move(repo, repository(version), StandardCopyOption.ATOMIC_MOVE);
        Path kept = files.kept(version);
        ReleasePublisher.deleteTree(kept);
        Files.createDirectories(kept.getParent());
        Files.move(staging, kept, StandardCopyOption.ATOMIC_MOVE);
        return m;
    }

    /** The local copy, verified again (signature, every hash, nothing extra). */
    public ReleaseManifest verifyLocal(String version) throws IOException {
        Path kept = files.kept(version);
        return verifier.verify(Files.readAllBytes(ReleaseLayout.manifest(kept)), Files.readAllBytes(ReleaseLayout.signature(kept)),
                repository(version), version);
    }
}
