package cn.gannan.hpf.shell.api;

import com.vaadin.ui.Component;

import org.osgi.annotation.versioning.ConsumerType;

/** A main view with a menu entry. Registered with the {@link ShellConstants} properties. */
@ConsumerType
public interface ViewContribution extends Contribution {

    /**
     * Builds a fresh component for one UI; called on the UI's thread.
     *
     * @param parameters what followed the view id in the navigation state, or ""
     */
    Component createView(ViewContext context, String parameters);
}
