/**
 * What modules use to persist their records: transactions with audit in the same transaction,
 * and versioned migrations of their own tables.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.core.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
