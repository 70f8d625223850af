package cn.gannan.hpf.elections.ui.internal;

import java.util.List;

import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.rules.TermStatus;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 换届提醒: bodies whose term ends soon or has ended without a new election. */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=elections-terms",
        ShellConstants.TITLE + "=widget.terms.title",
        ShellConstants.ORDER + ":Integer=40" })
public class TermsWidget implements DashboardWidget {

    @Reference
    private ElectionService elections;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createWidget(ViewContext ctx) {
        Ui ui = new Ui(ctx);
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        v.setId("elections-terms-widget");
        ui.run(() -> {
            List<BodyTerm> due = elections.terms(ctx.caller(), null, null).stream()
                    .filter(t -> t.status() == TermStatus.OVERDUE || t.status() == TermStatus.DUE_SOON)
                    .sorted((a, b) -> a.termEnds().compareTo(b.termEnds())).toList();
            if (due.isEmpty()) {
                v.addComponent(Ui.empty(ui.t("widget.terms.none"), "elections-terms-none"));
                return;
            }
            Grid<BodyTerm> g = new Grid<>();
            g.setId("elections-terms-grid");
            g.setWidth("100%");
            g.setHeightByRows(Math.min(6, due.size()));
            g.addColumn(BodyTerm::orgUnitName).setCaption(ui.t("field.body"));
            g.addColumn(t -> String.valueOf(t.termEnds())).setCaption(ui.t("field.termEnds"));
            g.addColumn(t -> ui.rule(t.status().messageKey())).setCaption(ui.t("field.status"));
            g.setItems(due);
            g.addItemClickListener(e -> ctx.navigate("elections"));
            long overdue = due.stream().filter(t -> t.status() == TermStatus.OVERDUE).count();
            v.addComponents(new Label(ui.t("widget.terms.summary", overdue, due.size() - overdue)), g);
        });
        return v;
    }
}
