/**
 * What the county agent needs from the rest of the node: {@link cn.gannan.hpf.fleet.spi.EnabledModules}, the
 * office's enabled module set (module management provides it; the agent falls back to its installed
 * features).
 */
@Export
@Version("1.1.0")
package cn.gannan.hpf.fleet.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
