package cn.gannan.hpf.shell.ui.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.Navigator;
import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener;
import com.vaadin.navigator.ViewProvider;
import com.vaadin.server.Resource;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.shell.api.ViewContribution;
import cn.gannan.hpf.shell.ui.internal.ContributionRegistry.Registered;

/** Header, side menu from the whiteboard, and the navigator's content area. */
final class MainLayout extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    static final String DASHBOARD = "dashboard";

    private final ShellUI ui;
    private final Caller caller;
    private final Set<String> roleNames;
    private final CssLayout menu = new CssLayout();
    private final Panel content = new Panel();
    private final Navigator navigator;
    private String currentViewId;
    private View currentView;

    MainLayout(ShellUI ui, Caller caller) {
        this.ui = ui;
        this.caller = caller;
        this.roleNames = caller.roles().stream().map(Role::name).collect(Collectors.toSet());
        setSizeFull();
        setMargin(false);
        setSpacing(false);

        HorizontalLayout header = header();
        menu.setId("nav-menu");
        menu.addStyleName("hpf-menu");
        menu.setHeight("100%");
        menu.setWidth("220px");
        content.setSizeFull();
        content.addStyleName(ValoTheme.PANEL_BORDERLESS);
        HorizontalLayout body = new HorizontalLayout(menu, content);
        body.setSizeFull();
        body.setSpacing(false);
        body.setExpandRatio(content, 1f);
        addComponents(header, body);
        setExpandRatio(body, 1f);

        navigator = new Navigator(ui, content);
        navigator.addProvider(new DashboardProvider());
        navigator.addProvider(new ContributionProvider());
        navigator.setErrorProvider(new UnknownViewProvider());
        navigator.addViewChangeListener(new ViewChangeListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean beforeViewChange(ViewChangeEvent event) {
                return true;
            }

            @Override
            public void afterViewChange(ViewChangeEvent event) {
                if (event.getNewView() instanceof UnknownView u) {
                    ui.notice(ui.t("nav.unknown", u.state));
                    navigator.navigateTo(DASHBOARD);
                    return;
                }
                currentView = event.getNewView();
                currentViewId = event.getNewView() instanceof ContributionView cv ? cv.entry().id() : DASHBOARD;
                highlight();
            }
        });
        rebuildMenu();
    }

    private HorizontalLayout header() {
        Label office = new Label(officeName());
        office.setId("office-name");
        office.addStyleName("hpf-office");

        String roles = caller.roles().stream().sorted()
                .map(r -> Texts.core(ui.locale(), r.messageKey())).collect(Collectors.joining("、"));
        Label user = new Label(ui.t("header.user", caller.displayName(), roles));
        user.setId("current-user");

        Button lang = new Button(ui.t("lang.switch"), e -> ui.toggleLanguage());
        lang.setId("lang-switch");
        lang.addStyleName(ValoTheme.BUTTON_LINK);
        Button logout = new Button(ui.t("header.logout"), e -> ui.logout(null));
        logout.setId("logout");
        logout.setIcon(VaadinIcons.SIGN_OUT);
        logout.addStyleName(ValoTheme.BUTTON_LINK);

        HorizontalLayout header = new HorizontalLayout(office, user, lang, logout);
        header.addStyleName("hpf-header");
        header.setWidth("100%");
        header.setHeight("52px");
        header.setExpandRatio(office, 1f);
        for (Component c : List.of(office, user, lang, logout)) {
            header.setComponentAlignment(c, Alignment.MIDDLE_LEFT);
        }
        return header;
    }

    private String officeName() {
        try {
            return ui.services().offices().current().name(ui.locale());
        } catch (RuntimeException e) {
            return ui.t("app.title");
        }
    }

    /** Navigates to the given state, or to the dashboard. */
    void start(String state) {
        navigator.navigateTo(state == null || state.isBlank() ? DASHBOARD : state);
    }

    String currentState() {
        return navigator.getState();
    }

    void dispose() {
        navigator.destroy();
    }

    /** Entries the caller may see, in menu order. */
    private List<Registered<ViewContribution>> visible() {
        List<Registered<ViewContribution>> all = ui.services().registry().menuContributions();
        List<MenuEntry> order = MenuOrdering.visible(all.stream().map(Registered::entry).toList(), roleNames,
                e -> all.stream().filter(r -> r.entry() == e).findFirst().map(this::title).orElse(e.id()));
        return order.stream()
                .map(e -> all.stream().filter(r -> r.entry() == e).findFirst().orElse(null))
                .filter(Objects::nonNull).toList();
    }

    private Registered<ViewContribution> visibleById(String id) {
        return visible().stream().filter(r -> r.entry().id().equals(id)).findFirst().orElse(null);
    }

    String title(Registered<? extends ViewContribution> r) {
        return ShellViewContext.text(r.service(), ui.locale(), r.entry().titleKey());
    }

    private void rebuildMenu() {
        menu.removeAllComponents();
        Button home = menuButton("nav-" + DASHBOARD, ui.t("nav.dashboard"), VaadinIcons.HOME, DASHBOARD);
        menu.addComponent(home);
        String group = null;
        for (Registered<ViewContribution> r : visible()) {
            String category = r.entry().category();
            if (!category.equals(group)) {
                group = category;
                Label l = new Label(categoryLabel(category));
                l.addStyleName("hpf-menu-group");
                menu.addComponent(l);
            }
            menu.addComponent(menuButton("nav-" + r.entry().id(), title(r), icon(r.entry().icon()), r.entry().id()));
        }
        highlight();
    }

    private String categoryLabel(String category) {
        return MenuOrdering.CATEGORIES.contains(category) ? ui.t("category." + category) : category;
    }

    private Button menuButton(String id, String caption, Resource icon, String state) {
        Button b = new Button(caption, e -> navigator.navigateTo(state));
        b.setId(id);
        b.setIcon(icon);
        b.addStyleName(ValoTheme.BUTTON_BORDERLESS);
        b.setData(state);
        return b;
    }

    private static Resource icon(String name) {
        if (name == null) {
            return VaadinIcons.FILE_O;
        }
        try {
            return VaadinIcons.valueOf(name);
        } catch (IllegalArgumentException e) {
            return VaadinIcons.FILE_O;
        }
    }

    private void highlight() {
        for (Component c : menu) {
            if (c instanceof Button b) {
                if (Objects.equals(b.getData(), currentViewId)) {
                    b.addStyleName("hpf-menu-selected");
                } else {
                    b.removeStyleName("hpf-menu-selected");
                }
            }
        }
    }

    /** A contribution came or went: new menu; leave a view whose contribution is gone or replaced. */
    void contributionsChanged() {
        rebuildMenu();
        if (currentView instanceof ContributionView cv) {
            Registered<ViewContribution> now = visibleById(cv.entry().id());
            if (now == null) {
                navigator.navigateTo(DASHBOARD);
                ui.notice(ui.t("nav.viewGone", cv.title()));
            } else if (now.service() != cv.contribution() || now.entry().serviceId() != cv.entry().serviceId()) {
                navigator.navigateTo(navigator.getState()); // rebuilt from the new service
            }
        } else if (currentView instanceof DashboardView dv) {
            dv.refresh();
        }
    }

    private final class DashboardProvider implements ViewProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public String getViewName(String state) {
            return state == null || state.isEmpty() || state.equals(DASHBOARD) || state.startsWith(DASHBOARD + "/")
                    ? DASHBOARD : null;
        }

        @Override
        public View getView(String viewName) {
            return new DashboardView(ui, caller, roleNames);
        }
    }

    private final class ContributionProvider implements ViewProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public String getViewName(String state) {
            if (state == null) {
                return null;
            }
            String id = state.contains("/") ? state.substring(0, state.indexOf('/')) : state;
            return visibleById(id) == null ? null : id;
        }

        @Override
        public View getView(String viewName) {
            Registered<ViewContribution> r = visibleById(viewName);
            return r == null ? null : new ContributionView(ui, caller, r, title(r));
        }
    }

    /** Unknown or forbidden view: the dashboard, with a notice. */
    private final class UnknownViewProvider implements ViewProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public String getViewName(String state) {
            return state;
        }

        @Override
        public View getView(String viewName) {
            return new UnknownView(viewName);
        }
    }

    /** Placeholder that the view-change listener replaces by the dashboard at once. */
    private static final class UnknownView extends CssLayout implements View {
        private static final long serialVersionUID = 1L;
        private final String state;

        UnknownView(String state) {
            this.state = state;
        }
    }

    /** Hosts the component a contribution builds, fresh per navigation. */
    static final class ContributionView extends CssLayout implements View {
        private static final long serialVersionUID = 1L;
        private final ShellUI ui;
        private final Caller caller;
        private final Registered<ViewContribution> registered;
        private final String title;

        ContributionView(ShellUI ui, Caller caller, Registered<ViewContribution> registered, String title) {
            this.ui = ui;
            this.caller = caller;
            this.registered = registered;
            this.title = title;
            setSizeFull();
        }

        MenuEntry entry() {
            return registered.entry();
        }

        ViewContribution contribution() {
            return registered.service();
        }

        String title() {
            return title;
        }

        @Override
        public void enter(ViewChangeListener.ViewChangeEvent event) {
            removeAllComponents();
            try {
                Component c = registered.service().createView(new ShellViewContext(ui, caller, registered.service()),
                        event.getParameters() == null ? "" : event.getParameters());
                addComponent(c);
            } catch (RuntimeException e) {
                ui.showError(e);
                Label l = new Label(ui.t("view.failed", title));
                l.addStyleName("hpf-empty");
                addComponent(l);
            }
        }
    }
}
