package cn.gannan.hpf.elections.ui.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

/**
 * 换届提醒: bodies whose term ends soon, has ended without a new election, or whose election is delayed with the
 * superior's approval (shown with the approval's document number and the planned date, not as overdue).
 */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=elections-terms",
        ShellConstants.TITLE + "=widget.terms.title",
        ShellConstants.ORDER + ":Integer=40" })
public class TermsWidget implements DashboardWidget {

    private static final Set<TermStatus> REMINDED = EnumSet.of(TermStatus.OVERDUE, TermStatus.DUE_SOON, TermStatus.DELAYED_APPROVED);

    @Reference
    private ElectionService elections;

    private static long count(List<BodyTerm> terms, TermStatus status) {
        return terms.stream().filter(t -> t.status() == status).count();
    }

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
                    .filter(t -> REMINDED.contains(t.status()))
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
            g.addColumn(t -> ui.format(t.statusMessage())).setCaption(ui.t("field.status"));
            g.setItems(due);
            g.addItemClickListener(e -> ctx.navigate("elections"));
            v.addComponents(new Label(ui.t("widget.terms.summary", count(due, TermStatus.OVERDUE), count(due, TermStatus.DUE_SOON),
                    count(due, TermStatus.DELAYED_APPROVED))), g);
        });
        return v;
    }
}
