package cn.gannan.hpf.talks.ui.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.talks.api.CoverageWarning;
import cn.gannan.hpf.talks.api.TalkPlanService;

/** 谈心谈话提醒: plans with pairs still uncovered as the year runs out. */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=talks-coverage",
        ShellConstants.TITLE + "=widget.title",
        ShellConstants.ORDER + ":Integer=30" })
public class CoverageWidget implements DashboardWidget {

    @Reference
    private TalkPlanService plans;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createWidget(ViewContext ctx) {
        VerticalLayout box = new VerticalLayout();
        box.setId("talks-widget");
        box.setMargin(false);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<CoverageWarning> warnings = plans.warnings(ctx.caller(), null, today, plans.defaultWarningDays());
        if (warnings.isEmpty()) {
            box.addComponent(Ui.empty(ctx.msg("widget.none", plans.defaultWarningDays())));
            return box;
        }
        for (CoverageWarning w : warnings) {
            Button b = new Button(ctx.msg("widget.warning", w.orgUnitName(), w.uncoveredPairs(), w.totalPairs(), w.daysLeft()));
            b.addStyleName(ValoTheme.BUTTON_LINK);
            b.addStyleName("hpf-warning");
            b.addClickListener(e -> ctx.navigate(PlansContribution.ID + "/" + w.planId()));
            box.addComponent(b);
        }
        Label hint = new Label(ctx.msg("widget.hint"));
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        box.addComponent(hint);
        return box;
    }
}
