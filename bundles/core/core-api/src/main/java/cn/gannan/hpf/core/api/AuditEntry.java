package cn.gannan.hpf.core.api;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param changes what changed, as readable text: {@code field: old → new} per line
 */
public record AuditEntry(String id, Instant at, String username, String officeCode, String module, String entity,
        String entityId, AuditAction action, String changes) {
}
