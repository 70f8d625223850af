package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.MeetingService;

/** 三会一课: a grid of branches × required meeting types × periods, held / missing / due. */
final class CadenceView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient MeetingService meetings;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final ComboBox<Office> office = new ComboBox<>();
    private final Grid<CadenceReport.Row> grid = new Grid<>();
    private final Label summary = new Label();

    CadenceView(Ui ui, MeetingService meetings, OfficeService offices) {
        this.ui = ui;
        this.meetings = meetings;
        setId("meetings-cadence-view");
        setWidth("100%");
        year.setItems(MeetingListView.years());
        year.setValue(LocalDate.now().getYear());
        year.setEmptySelectionAllowed(false);
        year.setId("cadence-year");
        office.setItems(offices.offices());
        office.setItemCaptionGenerator(o -> o.name(ui.locale()));
        office.setPlaceholder(ui.t("filter.allOffices"));
        office.setVisible(ui.caller().readsAllOffices());
        grid.setId("cadence-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(16);
        grid.addColumn(CadenceReport.Row::bodyName).setCaption(ui.t("field.body")).setWidth(260);
        grid.addColumn(r -> ui.api(r.type().messageKey())).setCaption(ui.t("field.type")).setWidth(150);
        grid.addColumn(r -> ui.api(r.cadence().messageKey())).setCaption(ui.t("field.cadence")).setWidth(100);
        for (int p = 1; p <= 12; p++) {
            int period = p;
            grid.addColumn(r -> cell(r, period)).setCaption(String.valueOf(p)).setWidth(56)
                    .setStyleGenerator(r -> style(r, period));
        }
        grid.addColumn(CadenceReport.Row::missing).setCaption(ui.t("field.missing"));
        Label legend = new Label(ui.t("cadence.legend"));
        legend.addStyleName(ValoTheme.LABEL_LIGHT);
        summary.setId("cadence-summary");
        year.addValueChangeListener(e -> refresh());
        office.addValueChangeListener(e -> refresh());
        addComponents(Ui.h2(ui.t("cadence.title")), new HorizontalLayout(year, office), summary, legend, grid);
        refresh();
    }

    private String cell(CadenceReport.Row r, int period) {
        if (period > r.cells().size()) {
            return "";
        }
        CadenceReport.Cell c = r.cells().get(period - 1);
        return switch (c.state()) {
            case HELD -> "✓" + (c.held() > 1 ? c.held() : "");
            case MISSING -> "✗";
            case DUE -> "…";
            case FUTURE -> "·";
        };
    }

    private static String style(CadenceReport.Row r, int period) {
        if (period > r.cells().size()) {
            return null;
        }
        return r.cells().get(period - 1).state() == CadenceReport.State.MISSING ? "hpf-missing" : null;
    }

    private void refresh() {
        Integer y = year.getValue();
        if (y == null) {
            return;
        }
        ui.run(() -> {
            CadenceReport report = meetings.cadence(ui.caller(), office.getSelectedItem().map(Office::code).orElse(null), y,
                    LocalDate.now());
            grid.setItems(report.rows());
            summary.setValue(report.rows().isEmpty() ? ui.t("cadence.empty")
                    : ui.t("cadence.summary", report.rows().stream().map(CadenceReport.Row::bodyId).distinct().count(),
                            report.missing()));
        });
    }
}
