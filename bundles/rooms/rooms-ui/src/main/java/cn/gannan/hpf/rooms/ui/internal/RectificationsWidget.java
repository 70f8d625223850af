package cn.gannan.hpf.rooms.ui.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.rooms.api.InspectionService;
import cn.gannan.hpf.rooms.api.Rectification;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** Dashboard card: open rectification items of the room(s), the most overdue first. */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=rooms-rectifications",
        ShellConstants.TITLE + "=widget.title",
        ShellConstants.ORDER + ":Integer=40" })
public class RectificationsWidget implements DashboardWidget, RoomsContribution {

    @Reference
    private InspectionService inspections;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createWidget(ViewContext ctx) {
        UiSupport s = new UiSupport(ctx);
        List<Rectification> open = inspections.openRectifications(ctx.caller(), null);
        LocalDate today = LocalDate.now(UiSupport.ZONE);
        long overdue = open.stream().filter(r -> r.overdueOn(today)).count();
        Label count = new Label(s.t("widget.count", open.size(), overdue));
        count.setId("rooms-widget-count");
        VerticalLayout v = new VerticalLayout(count);
        v.setMargin(false);
        v.setId("rooms-widget");
        if (open.isEmpty()) {
            v.addComponent(UiSupport.empty("rooms-widget-empty", s.t("widget.none")));
        }
        for (Rectification r : open.subList(0, Math.min(5, open.size()))) {
            Label l = new Label(s.t("widget.line", UiSupport.date(r.dueOn()), s.officeName(offices, r.officeCode()),
                    r.description(), r.owner()));
            if (r.overdueOn(today)) {
                l.addStyleName(ValoTheme.LABEL_FAILURE);
            }
            v.addComponent(l);
        }
        Button go = new Button(s.t("widget.open"));
        go.addStyleName(ValoTheme.BUTTON_LINK);
        go.setId("rooms-widget-go");
        go.addClickListener(e -> ctx.navigate("rooms-inspections"));
        v.addComponent(go);
        return v;
    }
}
