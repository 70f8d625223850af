/**
 * The fleet: the central office signs releases of the product (a features repository and every artifact it
 * needs, listed with their SHA-256 in a signed {@link cn.gannan.hpf.fleet.api.ReleaseManifest}), serves them
 * with each office's desired state, and rolls them out in waves ({@link cn.gannan.hpf.fleet.api.RolloutService});
 * each county node runs an agent ({@link cn.gannan.hpf.fleet.api.AgentService}) that pulls, verifies, applies,
 * checks, rolls back and reports.
 */
@Export
@Version("1.1.0")
package cn.gannan.hpf.fleet.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
