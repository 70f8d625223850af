package cn.gannan.hpf.elections.ui.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionQuery;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.ElectionStats;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.rules.OrgKind;

/** The elections list: filters, a lazy grid, a new plan, statistics with an Excel export. */
final class ElectionListView extends VerticalLayout {

    private final Ui ui;
    private final ElectionService elections;
    private final OrgService org;
    private final OfficeService offices;
    private final ComboBox<Office> office = new ComboBox<>();
    private final TextField year = new TextField();
    private final ComboBox<OrgKind> kind = new ComboBox<>();
    private final ComboBox<ElectionStatus> status = new ComboBox<>();
    private final TextField text = new TextField();
    private final Grid<Election> grid = new Grid<>();
    private final Label empty;
    private final ConfigurableFilterDataProvider<Election, Void, ElectionQuery> provider;

    ElectionListView(Ui ui, ElectionService elections, OrgService org, OfficeService offices) {
        this.ui = ui;
        this.elections = elections;
        this.org = org;
        this.offices = offices;
        setId("elections-list");
        setWidth("100%");

        HorizontalLayout filters = new HorizontalLayout();
        if (ui.caller().readsAllOffices()) {
            office.setId("elections-filter-office");
            office.setPlaceholder(ui.t("filter.office"));
            office.setItems(offices.offices());
            office.setItemCaptionGenerator(o -> o.name(ui.locale()));
            filters.addComponent(office);
        }
        year.setId("elections-filter-year");
        year.setPlaceholder(ui.t("filter.year"));
        kind.setId("elections-filter-kind");
        kind.setPlaceholder(ui.t("filter.kind"));
        kind.setItems(OrgKind.values());
        kind.setItemCaptionGenerator(k -> ui.rule(k.messageKey()));
        status.setId("elections-filter-status");
        status.setPlaceholder(ui.t("filter.status"));
        status.setItems(ElectionStatus.values());
        status.setItemCaptionGenerator(s -> ui.rule(s.messageKey()));
        text.setId("elections-filter-text");
        text.setPlaceholder(ui.t("filter.text"));
        filters.addComponents(year, kind, status, text);
        office.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());

        DataProvider<Election, ElectionQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> elections.find(ui.caller(), q.getFilter().orElse(null), new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) elections.find(ui.caller(), q.getFilter().orElse(null), new PageRequest(0, 1)).total());
        provider = dp.withConfigurableFilter();
        grid.setId("elections-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(Election::title).setCaption(ui.t("field.title")).setId("title");
        grid.addColumn(Election::orgUnitName).setCaption(ui.t("field.body"));
        grid.addColumn(e -> ui.rule(e.kind().messageKey())).setCaption(ui.t("field.kind"));
        grid.addColumn(e -> String.valueOf(e.plannedDate())).setCaption(ui.t("field.plannedDate"));
        grid.addColumn(e -> ui.rule(e.status().messageKey())).setCaption(ui.t("field.status"));
        grid.addColumn(e -> ui.rule(e.timing().messageKey())).setCaption(ui.t("field.timing"));
        if (ui.caller().readsAllOffices()) {
            grid.addColumn(e -> offices.find(e.officeCode()).map(o -> o.name(ui.locale())).orElse(e.officeCode()))
                    .setCaption(ui.t("field.office"));
        }
        grid.setDataProvider(provider);
        grid.addItemClickListener(e -> ui.ctx().navigate("elections/" + e.getItem().id()));

        Button add = new Button(ui.t("plan.new"), VaadinIcons.PLUS);
        add.setId("elections-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.addClickListener(e -> openPlanForm());
        Button stats = new Button(ui.t("stats.title"), VaadinIcons.BAR_CHART);
        stats.setId("elections-stats");
        stats.addClickListener(e -> openStatistics());
        empty = Ui.empty(ui.t("list.empty"), "elections-empty");

        addComponents(Ui.title(ui.t("menu.elections")), filters, new HorizontalLayout(add, stats), grid, empty);
        refresh();
    }

    private void refresh() {
        Integer y = Ui.parseInt(year.getValue());
        year.setComponentError(year.getValue() != null && !year.getValue().isBlank() && y == null
                ? new com.vaadin.server.UserError(ui.t("filter.yearInvalid")) : null);
        ElectionQuery q = new ElectionQuery(office.getValue() == null ? null : office.getValue().code(), y, null, kind.getValue(),
                status.getValue(), text.getValue() == null || text.getValue().isBlank() ? null : text.getValue().strip());
        provider.setFilter(q);
        ui.run(() -> empty.setVisible(elections.find(ui.caller(), q, new PageRequest(0, 1)).total() == 0));
    }

    private void openPlanForm() {
        ComboBox<OrgUnit> unit = new ComboBox<>(ui.t("field.body"));
        unit.setId("plan-unit");
        unit.setWidth("100%");
        ui.run(() -> unit.setItems(org.units(ui.caller(), null).stream().filter(u -> OrgKind.of(u.type()) != null).toList()));
        unit.setItemCaptionGenerator(u -> u.name() + "（" + ui.core(u.type().messageKey()) + "）");
        TextField title = new TextField(ui.t("field.title"));
        title.setId("plan-title");
        title.setWidth("100%");
        DateField termStart = new DateField(ui.t("field.termStart"));
        termStart.setId("plan-termStart");
        termStart.setDateFormat("yyyy-MM-dd");
        DateField planned = new DateField(ui.t("field.plannedDate"));
        planned.setId("plan-plannedDate");
        planned.setDateFormat("yyyy-MM-dd");
        TextField committee = new TextField(ui.t("field.committeeSeats"));
        committee.setId("plan-committeeSeats");
        TextField audit = new TextField(ui.t("field.auditSeats"), "0");
        audit.setId("plan-auditSeats");
        TextField deputies = new TextField(ui.t("field.deputySeats"), "1");
        deputies.setId("plan-deputySeats");
        TextArea production = new TextArea(ui.t("field.candidateProduction"));
        production.setId("plan-candidateProduction");
        production.setWidth("100%");
        production.setRows(3);
        Button save = new Button(ui.t("action.save"));
        save.setId("plan-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(unit, title, termStart, planned, committee, audit, deputies, production, save);
        form.setMargin(true);
        Window w = ui.dialog(ui.t("plan.new"), form, "plan-dialog");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("orgUnitId", unit);
        fields.put("title", title);
        fields.put("termStart", termStart);
        fields.put("plannedDate", planned);
        fields.put("committeeSeats", committee);
        fields.put("auditSeats", audit);
        fields.put("deputySeats", deputies);
        fields.put("candidateProduction", production);
        save.addClickListener(e -> {
            Election[] created = new Election[1];
            if (ui.ctx().save(() -> created[0] = elections.createPlan(ui.caller(), new PlanDraft(unit.getValue() == null ? null
                    : unit.getValue().id(), title.getValue(), termStart.getValue(), planned.getValue(), number(committee), number(audit),
                    number(deputies), production.getValue())), fields)) {
                w.close();
                ui.ctx().notifySuccess(ui.t("plan.created"));
                ui.ctx().navigate("elections/" + created[0].id());
            }
        });
    }

    private static Integer number(TextField f) {
        Integer i = Ui.parseInt(f.getValue());
        return i == null && f.getValue() != null && !f.getValue().isBlank() ? Integer.valueOf(-1) : i;
    }

    private void openStatistics() {
        TextField y = new TextField(ui.t("filter.year"), String.valueOf(LocalDate.now().getYear()));
        y.setId("stats-year");
        Grid<ElectionStats.Line> lines = new Grid<>();
        lines.setId("stats-grid");
        lines.setWidth("100%");
        lines.setHeightByRows(6);
        lines.addColumn(l -> offices.find(l.officeCode()).map(o -> o.name(ui.locale())).orElse(l.officeCode())).setCaption(ui.t("field.office"));
        lines.addColumn(l -> ui.rule(l.kind().messageKey())).setCaption(ui.t("field.kind"));
        lines.addColumn(ElectionStats.Line::held).setCaption(ui.t("stats.held"));
        lines.addColumn(ElectionStats.Line::due).setCaption(ui.t("stats.due"));
        lines.addColumn(ElectionStats.Line::overdue).setCaption(ui.t("stats.overdue"));
        lines.addColumn(ElectionStats.Line::delayed).setCaption(ui.t("stats.delayed"));
        lines.addColumn(l -> l.expected() == 0 ? "" : String.format("%.1f%%", 100.0 * l.present() / l.expected()))
                .setCaption(ui.t("stats.turnout"));
        Button show = new Button(ui.t("stats.show"));
        show.setId("stats-show");
        Button xlsx = new Button(ui.t("stats.export"), VaadinIcons.DOWNLOAD);
        xlsx.setId("stats-export");
        StreamResource res = new StreamResource(() -> {
            Integer yy = Ui.parseInt(y.getValue());
            return new ByteArrayInputStream(elections.statisticsXlsx(ui.caller(), yy == null ? LocalDate.now().getYear() : yy,
                    office.getValue() == null ? null : office.getValue().code(), null));
        }, "elections.xlsx");
        res.setMIMEType(cn.gannan.hpf.core.api.doc.Xlsx.MEDIA_TYPE);
        new FileDownloader(res).extend(xlsx);
        Runnable load = () -> {
            Integer yy = Ui.parseInt(y.getValue());
            if (yy == null) {
                y.setComponentError(new com.vaadin.server.UserError(ui.t("filter.yearInvalid")));
                return;
            }
            y.setComponentError(null);
            ui.run(() -> {
                List<ElectionStats.Line> l = elections.statistics(ui.caller(), yy,
                        office.getValue() == null ? null : office.getValue().code(), null).lines();
                lines.setItems(l);
            });
        };
        show.addClickListener(e -> load.run());
        load.run();
        VerticalLayout body = new VerticalLayout(new HorizontalLayout(y, show, xlsx), lines);
        Window w = ui.dialog(ui.t("stats.title"), body, "stats-dialog");
        w.setWidth("900px");
    }
}
