package cn.gannan.hpf.talks.ui.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;

import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.api.TalkStatistics.BodyFigures;
import cn.gannan.hpf.talks.api.TalkStatistics.OfficeFigures;

/** Figures of a year (office, or all offices for central roles) and their export to Excel. */
final class StatsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient TalkService talks;
    private final transient OfficeService offices;
    private final ComboBox<Office> office;
    private final ComboBox<Integer> year;
    private final VerticalLayout figures = new VerticalLayout();

    StatsView(Ui ui, TalkService talks, OfficeService offices) {
        this.ui = ui;
        this.talks = talks;
        this.offices = offices;
        setId("talk-stats");
        setWidth("100%");
        Label title = new Label(ui.t("stats.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        office = ui.officeFilter(offices);
        int thisYear = LocalDate.now().getYear();
        year = ui.yearBox(null, 2000, thisYear, thisYear);
        year.setId("stats-year");
        year.setEmptySelectionAllowed(false);
        HorizontalLayout filters = new HorizontalLayout();
        if (office != null) {
            office.setCaption(null);
            filters.addComponent(office);
            office.addValueChangeListener(e -> refresh());
        }
        Button export = new Button(ui.t("action.export"), VaadinIcons.DOWNLOAD);
        export.setId("stats-export");
        StreamResource xlsx = new StreamResource(() -> new ByteArrayInputStream(talks.statisticsXlsx(ui.caller(),
                officeCode(), year.getValue(), ui.locale())), "talks.xlsx");
        xlsx.setMIMEType(cn.gannan.hpf.core.api.doc.Xlsx.MEDIA_TYPE);
        xlsx.setCacheTime(0);
        new FileDownloader(xlsx).extend(export);
        filters.addComponents(year, export);
        year.addValueChangeListener(e -> {
            xlsx.setFilename("talks-" + year.getValue() + ".xlsx");
            refresh();
        });
        xlsx.setFilename("talks-" + thisYear + ".xlsx");
        figures.setMargin(false);
        addComponents(title, filters, figures);
        refresh();
    }

    private String officeCode() {
        return office == null ? null : office.getSelectedItem().map(Office::code).orElse(null);
    }

    private static Label figure(String caption, Object value, String id) {
        Label l = new Label(value == null ? "—" : String.valueOf(value));
        l.setCaption(caption);
        l.setId(id);
        return l;
    }

    private void refresh() {
        figures.removeAllComponents();
        TalkStatistics[] s = new TalkStatistics[1];
        if (!ui.run(() -> s[0] = talks.statistics(ui.caller(), officeCode(), year.getValue()))) {
            return;
        }
        TalkStatistics st = s[0];
        if (st.talks() == 0 && st.plans() == 0) {
            figures.addComponent(Ui.empty(ui.t("stats.empty", st.year())));
            return;
        }
        FormLayout main = new FormLayout(
                figure(ui.t("stats.talks"), st.talks(), "stats-talks"),
                figure(ui.t("stats.collective"), st.collective(), "stats-collective"),
                figure(ui.t("stats.oneOnOne"), st.oneOnOne(), "stats-oneonone"),
                figure(ui.t("stats.personTimes"), st.personTimes(), "stats-persontimes"),
                figure(ui.t("stats.coverage"), st.coverageRate() == null ? null
                        : ui.t("stats.coverageValue", st.coverageRate(), st.coveredPairs(), st.totalPairs()), "stats-coverage"),
                figure(ui.t("stats.openFollowUps"), ui.t("stats.followUpsValue", st.openFollowUps(), st.overdueFollowUps()),
                        "stats-followups"));
        main.setMargin(false);
        Grid<Map.Entry<String, Integer>> kinds = new Grid<>();
        kinds.setCaption(ui.t("stats.byKind"));
        kinds.setId("stats-kinds");
        Map<String, String> names = new java.util.HashMap<>();
        talks.kinds(true).forEach(k -> names.put(k.code(), ui.kind(k)));
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(st.byKind().entrySet());
        kinds.setItems(rows);
        kinds.setHeightByRows(Math.max(1, rows.size()));
        kinds.addColumn(e -> names.getOrDefault(e.getKey(), e.getKey())).setCaption(ui.t("field.kind"));
        kinds.addColumn(Map.Entry::getValue).setCaption(ui.t("stats.talks"));
        kinds.setWidth("420px");
        HorizontalLayout top = new HorizontalLayout(main, kinds);
        figures.addComponent(top);
        if (st.officeCode() == null && !st.byOffice().isEmpty()) {
            Grid<OfficeFigures> byOffice = new Grid<>();
            byOffice.setCaption(ui.t("stats.byOffice"));
            byOffice.setId("stats-offices");
            byOffice.setWidth("100%");
            byOffice.setItems(st.byOffice());
            byOffice.setHeightByRows(Math.max(1, st.byOffice().size()));
            byOffice.addColumn(o -> ui.office(offices, o.officeCode())).setCaption(ui.t("field.office"));
            byOffice.addColumn(OfficeFigures::talks).setCaption(ui.t("stats.talks"));
            byOffice.addColumn(OfficeFigures::collective).setCaption(ui.t("stats.collective"));
            byOffice.addColumn(OfficeFigures::oneOnOne).setCaption(ui.t("stats.oneOnOne"));
            byOffice.addColumn(OfficeFigures::personTimes).setCaption(ui.t("stats.personTimes"));
            byOffice.addColumn(OfficeFigures::openFollowUps).setCaption(ui.t("stats.openFollowUps"));
            figures.addComponent(byOffice);
        }
        if (!st.byBody().isEmpty()) {
            Grid<BodyFigures> byBody = new Grid<>();
            byBody.setCaption(ui.t("stats.byBody"));
            byBody.setId("stats-bodies");
            byBody.setWidth("100%");
            byBody.setItems(st.byBody());
            byBody.setHeightByRows(Math.max(1, Math.min(12, st.byBody().size())));
            byBody.addColumn(b -> ui.office(offices, b.officeCode())).setCaption(ui.t("field.office"));
            byBody.addColumn(b -> b.orgUnitName() == null ? ui.t("stats.noBody") : b.orgUnitName()).setCaption(ui.t("field.body"));
            byBody.addColumn(BodyFigures::talks).setCaption(ui.t("stats.talks"));
            byBody.addColumn(BodyFigures::personTimes).setCaption(ui.t("stats.personTimes"));
            byBody.addColumn(b -> b.coverageRate() == null ? "—" : ui.t("stats.coverageValue", b.coverageRate(),
                    b.coveredPairs(), b.totalPairs())).setCaption(ui.t("stats.coverage"));
            figures.addComponent(byBody);
        }
    }

}
