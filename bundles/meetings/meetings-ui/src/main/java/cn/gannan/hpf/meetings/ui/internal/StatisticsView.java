package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;
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

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.meetings.api.Category;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingStats;
import cn.gannan.hpf.meetings.api.MeetingType;

/** 统计: figures of a year for an office (or all, for central roles), with an Excel export. */
final class StatisticsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient MeetingService meetings;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final ComboBox<Office> office = new ComboBox<>();
    private final FormLayout figures = new FormLayout();
    private final Grid<Map.Entry<String, Long>> byType = new Grid<>();
    private final Grid<Map.Entry<String, Long>> byCategory = new Grid<>();
    private final Grid<MeetingStats.BodyLine> byBody = new Grid<>();

    StatisticsView(Ui ui, MeetingService meetings, OfficeService offices) {
        this.ui = ui;
        this.meetings = meetings;
        setId("meetings-stats-view");
        setWidth("100%");
        year.setItems(MeetingListView.years());
        year.setValue(LocalDate.now().getYear());
        year.setEmptySelectionAllowed(false);
        year.setId("stats-year");
        office.setItems(offices.offices());
        office.setItemCaptionGenerator(o -> o.name(ui.locale()));
        office.setPlaceholder(ui.t("filter.allOffices"));
        office.setVisible(ui.caller().readsAllOffices());
        Button export = new Button(ui.t("action.exportXlsx"), VaadinIcons.DOWNLOAD);
        export.setId("stats-export");
        StreamResource xlsx = new StreamResource(() -> new java.io.ByteArrayInputStream(meetings.statisticsXlsx(ui.caller(),
                office.getSelectedItem().map(Office::code).orElse(null), year.getValue(), LocalDate.now(), ui.locale())),
                "meetings-statistics.xlsx");
        xlsx.setMIMEType(Xlsx.MEDIA_TYPE);
        xlsx.setCacheTime(0);
        new FileDownloader(xlsx).extend(export);
        for (Grid<Map.Entry<String, Long>> g : List.of(byType, byCategory)) {
            g.addColumn(Map.Entry::getKey).setCaption(ui.t(g == byType ? "field.type" : "field.category"));
            g.addColumn(Map.Entry::getValue).setCaption(ui.t("field.count"));
            g.setWidth("100%");
            g.setHeightByRows(12);
        }
        byType.setId("stats-by-type");
        byCategory.setId("stats-by-category");
        byBody.setId("stats-by-body");
        byBody.setWidth("100%");
        byBody.addColumn(MeetingStats.BodyLine::officeCode).setCaption(ui.t("field.office"));
        byBody.addColumn(MeetingStats.BodyLine::bodyName).setCaption(ui.t("field.body"));
        byBody.addColumn(MeetingStats.BodyLine::meetings).setCaption(ui.t("stats.meetings"));
        byBody.addColumn(MeetingStats.BodyLine::minutesIssued).setCaption(ui.t("stats.minutesIssued"));
        byBody.addColumn(MeetingStats.BodyLine::topics).setCaption(ui.t("stats.topics"));
        byBody.addColumn(MeetingStats.BodyLine::studySessions).setCaption(ui.t("stats.study"));
        figures.setId("stats-figures");
        year.addValueChangeListener(e -> refresh());
        office.addValueChangeListener(e -> refresh());
        HorizontalLayout grids = new HorizontalLayout(byType, byCategory);
        grids.setWidth("100%");
        addComponents(Ui.h2(ui.t("stats.title")), new HorizontalLayout(year, office, export), figures, grids, byBody);
        refresh();
    }

    private void refresh() {
        Integer y = year.getValue();
        if (y == null) {
            return;
        }
        ui.run(() -> {
            MeetingStats s = meetings.statistics(ui.caller(), office.getSelectedItem().map(Office::code).orElse(null), y,
                    LocalDate.now());
            figures.removeAllComponents();
            figures.addComponents(figure("stats-meetings", "stats.meetings",
                    s.meetingsByType().values().stream().mapToLong(Long::longValue).sum()),
                    figure("stats-minutes", "stats.minutesIssued", s.minutesIssued()),
                    figure("stats-topics", "stats.topics", s.topics()),
                    figure("stats-theory", "stats.theoryStudy", s.theoryStudySessions()),
                    figure("stats-collective", "stats.collectiveStudy", s.collectiveStudySessions()),
                    figure("stats-open", "stats.actionsOpen", s.actionsOpen()),
                    figure("stats-overdue", "stats.actionsOverdue", s.actionsOverdue()),
                    figure("stats-done", "stats.actionsDone", s.actionsDone()));
            List<Category> cats = meetings.categories(ui.caller(), false);
            byType.setItems(s.meetingsByType().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> Map.entry(ui.api(e.getKey().messageKey()), e.getValue())).toList());
            byCategory.setItems(s.topicsByCategory().entrySet().stream()
                    .map(e -> Map.entry(cats.stream().filter(c -> c.code().equals(e.getKey())).findFirst()
                            .map(c -> c.name(ui.locale())).orElse(e.getKey()), e.getValue())).toList());
            byBody.setItems(s.byBody());
        });
    }

    private Label figure(String id, String key, long value) {
        Label l = new Label(String.valueOf(value));
        l.setCaption(ui.t(key));
        l.setId(id);
        return l;
    }

    static String typeName(Ui ui, MeetingType t) {
        return ui.api(t.messageKey());
    }
}
