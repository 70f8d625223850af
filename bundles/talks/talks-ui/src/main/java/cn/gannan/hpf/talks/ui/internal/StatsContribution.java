package cn.gannan.hpf.talks.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;
import cn.gannan.hpf.talks.api.TalkService;

/** 谈话统计: figures of a year with the Excel export ({@code talk-stats}). */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=" + StatsContribution.ID,
        ShellConstants.TITLE + "=menu.stats",
        ShellConstants.ICON + "=CHART",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=22" })
public class StatsContribution implements ViewContribution {

    static final String ID = "talk-stats";

    @Reference
    private TalkService talks;
    @Reference
    private OfficeService offices;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new StatsView(new Ui(context), talks, offices);
    }
}
