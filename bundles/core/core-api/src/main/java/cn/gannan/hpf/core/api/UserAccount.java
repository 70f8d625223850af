package cn.gannan.hpf.core.api;

import java.time.Instant;
import java.util.Set;

/** A login account. The password hash never leaves the core. */
public record UserAccount(String id, String username, String displayName, String officeCode, String personId,
        Set<Role> roles, boolean enabled, int failedAttempts, Instant lockedUntil, Instant lastLoginAt,
        RecordMeta meta) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
