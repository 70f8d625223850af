/**
 * What every module's console commands share: {@link cn.gannan.hpf.core.commands.HpfAction}, the base of an
 * {@code hpf:} command acting as the logged-in product user.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.core.commands;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
