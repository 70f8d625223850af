package cn.gannan.hpf.shell.api;

import com.vaadin.ui.Component;

import org.osgi.annotation.versioning.ConsumerType;

/** A card on the dashboard. Registered with the {@link ShellConstants} properties. */
@ConsumerType
public interface DashboardWidget extends Contribution {

    Component createWidget(ViewContext context);
}
