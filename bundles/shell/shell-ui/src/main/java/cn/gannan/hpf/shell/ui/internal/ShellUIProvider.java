package cn.gannan.hpf.shell.ui.internal;

import com.vaadin.server.UIClassSelectionEvent;
import com.vaadin.server.UICreateEvent;
import com.vaadin.server.UIProvider;
import com.vaadin.ui.UI;

/** Creates the shell's UIs with their services; Vaadin never loads a UI class by name. */
final class ShellUIProvider extends UIProvider {

    private static final long serialVersionUID = 1L;
    private final transient ShellServices services;

    ShellUIProvider(ShellServices services) {
        this.services = services;
    }

    @Override
    public Class<? extends UI> getUIClass(UIClassSelectionEvent event) {
        return ShellUI.class;
    }

    @Override
    public UI createInstance(UICreateEvent event) {
        return new ShellUI(services);
    }
}
