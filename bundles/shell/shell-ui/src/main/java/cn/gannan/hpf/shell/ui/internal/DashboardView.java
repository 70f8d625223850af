package cn.gannan.hpf.shell.ui.internal;

import java.util.List;
import java.util.Set;

import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.ui.internal.ContributionRegistry.Registered;

/** The dashboard: a card per {@link DashboardWidget} the caller may see, or a friendly empty text. */
final class DashboardView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    private final ShellUI ui;
    private final Caller caller;
    private final Set<String> roleNames;
    private final CssLayout cards = new CssLayout();

    DashboardView(ShellUI ui, Caller caller, Set<String> roleNames) {
        this.ui = ui;
        this.caller = caller;
        this.roleNames = roleNames;
        setId("dashboard");
        setWidth("100%");
        Label title = new Label(ui.t("dashboard.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        cards.setWidth("100%");
        addComponents(title, cards);
    }

    @Override
    public void enter(ViewChangeListener.ViewChangeEvent event) {
        refresh();
    }

    void refresh() {
        cards.removeAllComponents();
        List<Registered<DashboardWidget>> all = ui.services().registry().widgets();
        List<MenuEntry> order = MenuOrdering.visible(all.stream().map(Registered::entry).toList(), roleNames,
                e -> e.id());
        for (MenuEntry e : order) {
            all.stream().filter(r -> r.entry() == e).findFirst().ifPresent(this::addCard);
        }
        if (cards.getComponentCount() == 0) {
            Label empty = new Label(ui.t("dashboard.empty"));
            empty.setId("dashboard-empty");
            empty.addStyleName("hpf-empty");
            cards.addComponent(empty);
        }
    }

    private void addCard(Registered<DashboardWidget> r) {
        VerticalLayout card = new VerticalLayout();
        card.setId("widget-" + r.entry().id());
        card.addStyleName("hpf-card");
        card.setMargin(false);
        Label title = new Label(ShellViewContext.text(r.service(), ui.locale(), r.entry().titleKey()));
        title.addStyleName("hpf-card-title");
        card.addComponent(title);
        try {
            Component c = r.service().createWidget(new ShellViewContext(ui, caller, r.service()));
            if (c != null) {
                card.addComponent(c);
            }
        } catch (RuntimeException e) {
            UserMessage m = ErrorMessages.toUserMessage(e, ui.locale());
            Label l = new Label(m.text());
            l.addStyleName("hpf-error-text");
            card.addComponent(l);
        }
        cards.addComponent(card);
    }
}
