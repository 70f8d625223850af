package cn.gannan.hpf.fleet.api;

import java.time.Instant;
import java.util.List;

/**
 * What a release is, as signed by the centre: the product version, the features repository to add, the id of
 * the signing key, and every artifact with its size and SHA-256, sorted by path. The signed bytes are the
 * manifest's one canonical text form (see the fleet README); a county installs nothing that does not match it.
 *
 * @param format             version of the text form (1)
 * @param release            the release version, e.g. {@code 0.2.0}
 * @param featuresRepository the features repository URI, e.g. {@code mvn:cn.gannan.hpf/hpf-features/0.2.0/xml/features}
 * @param keyId              first 16 hex digits of the SHA-256 of the signing public key
 * @param created            when it was published (seconds precision)
 */
public record ReleaseManifest(int format, String release, String featuresRepository, String keyId, Instant created,
        List<ReleaseArtifact> artifacts) {

    public ReleaseManifest {
        artifacts = List.copyOf(artifacts);
    }

    public long totalBytes() {
        return artifacts.stream().mapToLong(ReleaseArtifact::size).sum();
    }
}
