package cn.gannan.hpf.talks.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;
import cn.gannan.hpf.talks.api.TalkPlanService;

/** 谈话计划: yearly plans per body and their coverage ({@code talk-plans}, {@code talk-plans/<id>}). */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=" + PlansContribution.ID,
        ShellConstants.TITLE + "=menu.plans",
        ShellConstants.ICON + "=CALENDAR_USER",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=21" })
public class PlansContribution implements ViewContribution {

    static final String ID = "talk-plans";

    @Reference
    private TalkPlanService plans;
    @Reference
    private PersonService people;
    @Reference
    private OrgService org;
    @Reference
    private OfficeService offices;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new PlansView(new Ui(context), plans, people, org, offices, parameters == null ? "" : parameters.strip());
    }
}
