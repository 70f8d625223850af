package cn.gannan.hpf.fleet.api;

import java.time.Instant;

/**
 * A release published at the centre.
 *
 * @param artifacts  how many files the release holds
 * @param totalBytes their total size
 */
public record Release(String version, String featuresRepository, String keyId, int artifacts, long totalBytes,
        Instant publishedAt, String publishedBy) {
}
