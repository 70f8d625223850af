/**
 * Per-office module management: the catalogue of the modules this node can run (Karaf features
 * carrying the {@code hpf.module} capability), their state, dry-run plans, enabling and disabling,
 * the office's desired module set and its profiles.
 */
@Export
@Version("1.1.0")
package cn.gannan.hpf.modules.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
