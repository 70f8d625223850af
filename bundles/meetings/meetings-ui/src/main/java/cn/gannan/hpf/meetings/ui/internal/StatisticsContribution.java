package cn.gannan.hpf.meetings.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 会议统计 with Excel export. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=meetings-stats",
        ShellConstants.TITLE + "=menu.stats",
        ShellConstants.ICON + "=BAR_CHART",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=13" })
public class StatisticsContribution implements ViewContribution {

    @Reference
    private MeetingService meetings;
    @Reference
    private OfficeService offices;

    @Override
    public String messagesBaseName() {
        return Ui.BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new StatisticsView(new Ui(context), meetings, offices);
    }
}
