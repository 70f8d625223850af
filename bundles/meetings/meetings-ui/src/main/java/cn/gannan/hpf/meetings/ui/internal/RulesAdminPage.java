package cn.gannan.hpf.meetings.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 会议规则与议题类别: the rule sets per meeting type and the topic categories (reference data). */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=meetings-rules",
        ShellConstants.TITLE + "=menu.rules",
        ShellConstants.ICON + "=COGS",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=60",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN" })
public class RulesAdminPage implements AdminPage {

    @Reference
    private MeetingService meetings;

    @Override
    public String messagesBaseName() {
        return Ui.BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new RulesView(new Ui(context), meetings);
    }
}
