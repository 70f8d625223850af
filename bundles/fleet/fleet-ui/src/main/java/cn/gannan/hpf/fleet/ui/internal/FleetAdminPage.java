package cn.gannan.hpf.fleet.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.fleet.api.FleetService;
import cn.gannan.hpf.fleet.api.ReleaseService;
import cn.gannan.hpf.fleet.api.RolloutService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/**
 * 发布与更新 at the centre: every county office, the rollouts wave by wave, the releases, the history of actions. Only
 * where the centre is configured (one UI bundle serves both kinds of node; without its configuration the page is
 * simply absent, not an unsatisfied component that the agent's health check would report).
 */
@Component(service = AdminPage.class, configurationPid = "cn.gannan.hpf.fleet.centre", configurationPolicy = ConfigurationPolicy.REQUIRE, property = {
        ShellConstants.ID + "=admin-fleet",
        ShellConstants.TITLE + "=fleet.title",
        ShellConstants.ICON + "=CLOUD_UPLOAD",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=40",
        ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR" })
public class FleetAdminPage implements AdminPage {

    @Reference
    private FleetService fleet;
    @Reference
    private ReleaseService releases;
    @Reference
    private RolloutService rollouts;

    @Override
    public String messagesBaseName() {
        return FleetUi.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new FleetView(new FleetUi(context), fleet, releases, rollouts);
    }
}
