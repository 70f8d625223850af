package cn.gannan.hpf.meetings.api;

import java.time.Instant;

/** A co-signature (会签) of the minutes by a leadership member, for one revision. */
public record Signature(String personId, String name, int revision, Instant signedAt, String recordedBy) {
}
