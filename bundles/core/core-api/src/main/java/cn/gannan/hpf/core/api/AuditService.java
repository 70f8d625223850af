package cn.gannan.hpf.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the audit log. Writing goes through {@link cn.gannan.hpf.core.api.spi.Tx#audit}, inside
 * the transaction of the change. Office admins see their office, auditors and central admins all.
 */
@ProviderType
public interface AuditService {

    Page<AuditEntry> find(Caller caller, AuditQuery query, PageRequest page);
}
