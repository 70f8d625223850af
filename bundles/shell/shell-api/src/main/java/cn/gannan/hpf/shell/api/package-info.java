/**
 * The web shell's extension points, as whiteboards: a module registers a
 * {@link cn.gannan.hpf.shell.api.ViewContribution}, {@link cn.gannan.hpf.shell.api.DashboardWidget}
 * or {@link cn.gannan.hpf.shell.api.AdminPage} service with the properties of
 * {@link cn.gannan.hpf.shell.api.ShellConstants}; the shell tracks them and updates open sessions
 * when they come and go.
 */
@Export
@Version("1.2.0")
package cn.gannan.hpf.shell.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
