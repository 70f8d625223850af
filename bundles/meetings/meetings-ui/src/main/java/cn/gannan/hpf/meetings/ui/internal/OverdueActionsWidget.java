package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 逾期未落实: the caller's overdue actions, and the office's for secretaries and leaders. */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=meetings-overdue",
        ShellConstants.TITLE + "=widget.overdue.title",
        ShellConstants.ORDER + ":Integer=30" })
public class OverdueActionsWidget implements DashboardWidget {

    @Reference
    private MeetingService meetings;

    @Override
    public String messagesBaseName() {
        return Ui.BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createWidget(ViewContext ctx) {
        VerticalLayout box = new VerticalLayout();
        box.setMargin(false);
        box.setId("widget-meetings-overdue");
        List<FollowUp> overdue = meetings.overdueFor(ctx.caller(), LocalDate.now());
        Label count = new Label(ctx.msg("widget.overdue.count", overdue.size()));
        count.setId("widget-overdue-count");
        count.addStyleName(overdue.isEmpty() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
        box.addComponent(count);
        overdue.stream().limit(5).forEach(f -> box.addComponent(new Label(f.title() + " · " + f.ownerName() + " · "
                + ctx.msg("widget.overdue.due", f.dueDate()))));
        if (!overdue.isEmpty()) {
            Button all = new Button(ctx.msg("action.showAll"), e -> ctx.navigate("meetings-actions"));
            all.addStyleName(ValoTheme.BUTTON_LINK);
            box.addComponent(all);
        }
        return box;
    }
}
