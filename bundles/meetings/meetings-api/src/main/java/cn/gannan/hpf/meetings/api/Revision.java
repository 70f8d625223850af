package cn.gannan.hpf.meetings.api;

import java.time.Instant;

/**
 * An issued revision of the minutes, kept unchanged. Revision 1 is the original; later ones are
 * corrections, each with its reason.
 */
public record Revision(int revision, String numberText, Instant issuedAt, String issuedBy, String reason,
        String content) {
}
