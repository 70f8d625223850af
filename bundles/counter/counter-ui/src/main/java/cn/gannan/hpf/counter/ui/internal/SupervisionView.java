package cn.gannan.hpf.counter.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.counter.api.RatingService;
import cn.gannan.hpf.counter.api.Records.CounterStats;
import cn.gannan.hpf.counter.api.Records.Rectification;
import cn.gannan.hpf.counter.api.Records.StatRow;
import cn.gannan.hpf.counter.api.StatisticsService;

/** 统计与整改: statistics per office, window, clerk and business type (Excel export), and rectification items. */
final class SupervisionView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient StatisticsService stats;
    private final transient RatingService ratings;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final ComboBox<Office> office = new ComboBox<>();
    private final TabSheet groups = new TabSheet();
    private final Grid<Rectification> items = new Grid<>();

    SupervisionView(Ui ui, StatisticsService stats, RatingService ratings, OfficeService offices) {
        this.ui = ui;
        this.stats = stats;
        this.ratings = ratings;
        setId("counter-supervision");
        int now = LocalDate.now(Ui.ZONE).getYear();
        year.setCaption(ui.t("field.year"));
        year.setItems(now, now - 1, 2017);
        year.setValue(now);
        year.setEmptySelectionAllowed(false);
        office.setCaption(ui.t("field.office"));
        office.setItems(offices.offices());
        office.setItemCaptionGenerator(o -> o.name(ui.locale()));
        office.setPlaceholder(ui.t("filter.allOffices"));
        office.setVisible(ui.caller().readsAllOffices());
        year.addValueChangeListener(e -> reload());
        office.addValueChangeListener(e -> reload());
        Button export = new Button(ui.t("stats.export"), VaadinIcons.DOWNLOAD);
        export.setId("counter-stats-export");
        StreamResource xlsx = new StreamResource(() -> new java.io.ByteArrayInputStream(stats.xlsx(ui.caller(),
                office.getValue() == null ? null : office.getValue().code(), year.getValue(), ui.locale())), "counter-statistics.xlsx");
        xlsx.setMIMEType(cn.gannan.hpf.core.api.doc.Xlsx.MEDIA_TYPE);
        xlsx.setCacheTime(0);
        new FileDownloader(xlsx).extend(export);
        groups.setId("counter-stats-groups");

        items.setId("counter-rectifications");
        items.setWidth("100%");
        items.setHeightByRows(8);
        items.addColumn(r -> r.dueOn().toString()).setCaption(ui.t("field.dueOn"));
        items.addColumn(Rectification::score).setCaption(ui.t("rating.score"));
        items.addColumn(r -> Ui.s(r.comment())).setCaption(ui.t("rating.comment"));
        items.addColumn(r -> Ui.s(r.raterName()) + " " + Ui.s(r.raterPhone())).setCaption(ui.t("rating.name"));
        items.addColumn(r -> Ui.s(r.clerk())).setCaption(ui.t("field.owner"));
        items.addColumn(r -> ui.label(r.status())).setCaption(ui.t("field.status"));
        items.addColumn(r -> Ui.s(r.callbackNote())).setCaption(ui.t("rect.callbackNote"));
        items.addColumn(r -> Ui.s(r.fixNote())).setCaption(ui.t("rect.fixNote"));
        Button callback = Ui.button(ui.t("rect.callback"), "counter-rect-callback", e -> selected(r -> note(ui.t("rect.callback"),
                n -> ratings.callback(ui.caller(), r.id(), r.meta().version(), n))));
        Button close = Ui.button(ui.t("rect.close"), "counter-rect-close", e -> selected(r -> note(ui.t("rect.close"),
                n -> ratings.close(ui.caller(), r.id(), r.meta().version(), n))));
        VerticalLayout rectTab = new VerticalLayout(new HorizontalLayout(callback, close), items);

        TabSheet tabs = new TabSheet();
        tabs.addTab(new VerticalLayout(new HorizontalLayout(year, office, export), groups), ui.t("stats.title"));
        tabs.addTab(rectTab, ui.t("rect.title"));
        addComponents(Ui.title(ui.t("supervision.title")), tabs);
        reload();
    }

    private void selected(java.util.function.Consumer<Rectification> action) {
        items.getSelectedItems().stream().findFirst().ifPresent(action);
    }

    private void note(String caption, java.util.function.Consumer<String> save) {
        TextArea note = new TextArea(caption);
        note.setId("counter-rect-note");
        note.setRows(3);
        Button ok = Ui.button(ui.t("action.save"), "counter-rect-ok", null);
        Window w = ui.dialog(caption, new VerticalLayout(note, ok));
        ok.addClickListener(e -> {
            if (ui.save(() -> save.accept(note.getValue()), Map.of("note", note, "fixNote", note))) {
                w.close();
                reload();
            }
        });
    }

    private void reload() {
        ui.run(() -> {
            String code = office.getValue() == null ? null : office.getValue().code();
            CounterStats s = stats.stats(ui.caller(), code, year.getValue());
            groups.removeAllComponents();
            groups.addTab(grid(s.byOffice()), ui.t("stats.byOffice"));
            groups.addTab(grid(s.byWindow()), ui.t("stats.byWindow"));
            groups.addTab(grid(s.byClerk()), ui.t("stats.byClerk"));
            groups.addTab(grid(s.byBusiness()), ui.t("stats.byBusiness"));
            items.setItems(ratings.rectifications(ui.caller(), code, false));
        });
    }

    private Grid<StatRow> grid(List<StatRow> rows) {
        Grid<StatRow> g = new Grid<>();
        g.setWidth("100%");
        g.setHeightByRows(Math.max(1, Math.min(10, rows.size())));
        g.addColumn(StatRow::label).setCaption(ui.t("stats.group"));
        g.addColumn(StatRow::tickets).setCaption(ui.t("stats.tickets"));
        g.addColumn(r -> Ui.s(r.avgWaitMinutes())).setCaption(ui.t("stats.avgWait"));
        g.addColumn(r -> Ui.s(r.avgHandleMinutes())).setCaption(ui.t("stats.avgHandle"));
        g.addColumn(StatRow::applications).setCaption(ui.t("stats.applications"));
        g.addColumn(r -> Ui.s(r.avgAcceptToPayHours())).setCaption(ui.t("stats.acceptToPay"));
        g.addColumn(r -> r.onTimeRate() == null ? "" : Math.round(r.onTimeRate() * 1000) / 10.0 + "%").setCaption(ui.t("stats.onTime"));
        g.addColumn(StatRow::ratings).setCaption(ui.t("stats.ratings"));
        g.addColumn(r -> Ui.s(r.avgRating())).setCaption(ui.t("stats.avgRating"));
        g.addColumn(StatRow::badRatings).setCaption(ui.t("stats.bad"));
        g.setItems(rows);
        if (rows.isEmpty()) {
            g.setCaption(ui.t("stats.empty"));
        }
        return g;
    }
}
