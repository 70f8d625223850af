/**
 * What other modules implement to plug into the talk log: a
 * {@link cn.gannan.hpf.talks.spi.DecisionSourceProvider} offers the meetings (or other decisions)
 * that a talk can be linked to. Optional and dynamic: the talk log works without any provider.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.talks.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
