package cn.gannan.hpf.fleet.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.fleet.api.AgentService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 系统更新 on a county node: what the update agent runs, wants and last did. */
@Component(service = AdminPage.class, configurationPid = "cn.gannan.hpf.fleet.agent", configurationPolicy = ConfigurationPolicy.REQUIRE, property = {
        ShellConstants.ID + "=admin-fleet-agent",
        ShellConstants.TITLE + "=agent.title",
        ShellConstants.ICON + "=REFRESH",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=41",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR" })
public class AgentAdminPage implements AdminPage {

    @Reference
    private AgentService agent;

    @Override
    public String messagesBaseName() {
        return FleetUi.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new AgentView(new FleetUi(context), agent);
    }
}
