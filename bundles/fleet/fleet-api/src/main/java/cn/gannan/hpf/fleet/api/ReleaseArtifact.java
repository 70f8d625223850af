package cn.gannan.hpf.fleet.api;

/**
 * One file of a release.
 *
 * @param path   its path in the release's Maven-layout repository, e.g.
 *               {@code cn/gannan/hpf/core-impl/0.2.0/core-impl-0.2.0.jar}
 * @param size   length in bytes
 * @param sha256 SHA-256 of the content, 64 lower-case hex digits
 */
public record ReleaseArtifact(String path, long size, String sha256) {
}
