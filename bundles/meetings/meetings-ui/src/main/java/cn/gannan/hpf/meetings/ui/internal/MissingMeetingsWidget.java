package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 三会一课提醒: required meetings missing this year, per branch. */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=meetings-missing",
        ShellConstants.TITLE + "=widget.missing.title",
        ShellConstants.ORDER + ":Integer=31" })
public class MissingMeetingsWidget implements DashboardWidget {

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
        box.setId("widget-meetings-missing");
        LocalDate today = LocalDate.now();
        CadenceReport r = meetings.cadence(ctx.caller(), null, today.getYear(), today);
        Label count = new Label(ctx.msg("widget.missing.count", r.missing()));
        count.setId("widget-missing-count");
        count.addStyleName(r.missing() == 0 ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
        box.addComponent(count);
        r.rows().stream().filter(x -> x.missing() > 0).limit(5).forEach(x -> box.addComponent(new Label(x.bodyName() + " · "
                + new cn.gannan.hpf.core.api.Msg(Ui.API_BASE_NAME, MeetingService.class.getClassLoader(),
                        x.type().messageKey()).format(ctx.locale()) + " · " + ctx.msg("widget.missing.periods", x.missing()))));
        if (r.missing() > 0) {
            Button all = new Button(ctx.msg("action.showAll"), e -> ctx.navigate("meetings-cadence"));
            all.addStyleName(ValoTheme.BUTTON_LINK);
            box.addComponent(all);
        }
        return box;
    }
}
