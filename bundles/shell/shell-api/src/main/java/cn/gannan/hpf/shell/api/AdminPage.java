package cn.gannan.hpf.shell.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page under the administration menu. Registered with the {@link ShellConstants} properties;
 * the shell shows it only to the roles listed in {@link ShellConstants#ROLES}.
 */
@ConsumerType
public interface AdminPage extends ViewContribution {
}
