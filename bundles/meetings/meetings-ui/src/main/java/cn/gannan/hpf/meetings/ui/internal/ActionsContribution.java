package cn.gannan.hpf.meetings.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 决定落实: follow-up actions of decisions. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=meetings-actions",
        ShellConstants.TITLE + "=menu.actions",
        ShellConstants.ICON + "=TASKS",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=12" })
public class ActionsContribution implements ViewContribution {

    @Reference
    private MeetingService meetings;

    @Override
    public String messagesBaseName() {
        return Ui.BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new ActionsView(new Ui(context), meetings);
    }
}
