package cn.gannan.hpf.fleet.ui.internal;

import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.fleet.api.AgentService;
import cn.gannan.hpf.fleet.api.AgentStatus;

/** The county node's update agent: running, previous and target release, phase, health, the last failure. */
final class AgentView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final FleetUi ui;
    private final AgentService agent;
    private final FormLayout form = new FormLayout();

    AgentView(FleetUi ui, AgentService agent) {
        this.ui = ui;
        this.agent = agent;
        Label title = new Label(ui.t("agent.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        Button refresh = new Button(ui.t("action.refresh"), e -> refresh());
        refresh.setId("agent-refresh");
        HorizontalLayout bar = new HorizontalLayout(title, refresh);
        if (ui.caller().hasAny(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN)) {
            Button now = new Button(ui.t("action.pollNow"), e -> {
                if (ui.run(() -> agent.pollNow(ui.caller()))) {
                    ui.ctx().notifySuccess(ui.t("agent.polling"));
                }
            });
            now.setId("agent-poll-now");
            bar.addComponent(now);
        }
        form.setId("agent-status");
        addComponents(bar, form);
        refresh();
    }

    private void refresh() {
        ui.run(() -> {
            AgentStatus s = agent.status(ui.caller());
            form.removeAllComponents();
            row("agent.centre", s.centreUrl() + " — " + ui.t(s.centreReachable() ? "agent.reachable" : "agent.unreachable")
                    + (s.lastContact() == null ? "" : " (" + FleetUi.time(s.lastContact()) + ")"));
            row("agent.running", FleetUi.text(s.runningRelease()));
            row("agent.previous", FleetUi.text(s.previousRelease()));
            row("agent.target", FleetUi.text(s.targetRelease()));
            row("agent.phase", ui.label("phase", s.phase()));
            row("agent.health", ui.label("health", s.health()));
            row("agent.failed", FleetUi.text(s.failedRelease()));
            row("agent.lastError", FleetUi.text(s.lastError()));
            row("agent.nextPoll", FleetUi.time(s.nextPoll()));
            for (String p : s.problems()) {
                row("agent.problem", p);
            }
        });
    }

    private void row(String key, String value) {
        Label l = new Label(value);
        l.setCaption(ui.t(key));
        l.setWidth("640px");
        form.addComponent(l);
    }
}
