package cn.gannan.hpf.fleet.internal.release;

import java.nio.file.Path;

/**
 * A release on disk: {@code release.manifest}, {@code release.sig} and the artifacts in Maven layout under
 * {@code repository/}. The centre keeps one such folder per version; a county downloads into one.
 */
public final class ReleaseLayout {

    public static final String MANIFEST = "release.manifest";
    public static final String SIGNATURE = "release.sig";
    public static final String REPOSITORY = "repository";

    private ReleaseLayout() {
    }

    public static Path manifest(Path releaseDir) {
        return releaseDir.resolve(MANIFEST);
    }

    public static Path signature(Path releaseDir) {
        return releaseDir.resolve(SIGNATURE);
    }

    public static Path repository(Path releaseDir) {
        return releaseDir.resolve(REPOSITORY);
    }

    /**
     * The file of a manifest path under a repository root. The path must have passed
     * {@link ManifestFormat#safePath}; this checks once more that it stays inside the root.
     */
    public static Path artifact(Path repositoryRoot, String path) {
        if (!ManifestFormat.safePath(path)) {
            throw new IllegalArgumentException("unsafe path: " + path);
        }
        Path root = repositoryRoot.toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the repository: " + path);
        }
        return file;
    }
}
