package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.meetings.api.MeetingQuery;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingSummary;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.MinutesStatus;

/** 会议记录: lazy list with filters (office, year, body, type, status, text). */
final class MeetingListView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final ComboBox<Office> office = new ComboBox<>();
    private final ComboBox<Integer> year = new ComboBox<>();
    private final ComboBox<OrgUnit> body = new ComboBox<>();
    private final ComboBox<MeetingType> type = new ComboBox<>();
    private final ComboBox<MinutesStatus> status = new ComboBox<>();
    private final TextField text = new TextField();
    private final Grid<MeetingSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<MeetingSummary, Void, MeetingQuery> provider;
    private final Label empty = new Label();

    MeetingListView(Ui ui, MeetingService meetings, OrgService org, OfficeService offices) {
        this.ui = ui;
        setId("meetings-list");
        setWidth("100%");
        boolean central = ui.caller().readsAllOffices();
        office.setPlaceholder(ui.t("filter.allOffices"));
        office.setItems(offices.offices());
        office.setItemCaptionGenerator(o -> o.name(ui.locale()));
        office.setVisible(central);
        int thisYear = LocalDate.now().getYear();
        year.setItems(IntStream.rangeClosed(2015, thisYear + 1).boxed().sorted((a, b) -> b - a).toList());
        year.setPlaceholder(ui.t("filter.anyYear"));
        year.setId("meetings-filter-year");
        body.setPlaceholder(ui.t("filter.anyBody"));
        body.setItemCaptionGenerator(OrgUnit::name);
        ui.run(() -> body.setItems(org.units(ui.caller(), null)));
        body.setId("meetings-filter-body");
        type.setItems(MeetingType.values());
        type.setItemCaptionGenerator(x -> ui.api(x.messageKey()));
        type.setPlaceholder(ui.t("filter.anyType"));
        type.setId("meetings-filter-type");
        status.setItems(MinutesStatus.values());
        status.setItemCaptionGenerator(x -> ui.api(x.messageKey()));
        status.setPlaceholder(ui.t("filter.anyStatus"));
        status.setId("meetings-filter-status");
        text.setPlaceholder(ui.t("filter.text"));
        text.setId("meetings-filter-text");
        office.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        body.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());

        DataProvider<MeetingSummary, MeetingQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> meetings.find(ui.caller(), q.getFilter().orElse(MeetingQuery.all()),
                        new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> {
                    long total = meetings.find(ui.caller(), q.getFilter().orElse(MeetingQuery.all()), new PageRequest(0, 1))
                            .total();
                    empty.setVisible(total == 0);
                    return (int) Math.min(Integer.MAX_VALUE, total);
                });
        provider = dp.withConfigurableFilter();
        grid.setId("meetings-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(15);
        grid.addColumn(m -> Ui.dateTime(m.startAt())).setCaption(ui.t("field.startAt")).setId("startAt");
        grid.addColumn(m -> ui.api(m.type().messageKey())).setCaption(ui.t("field.type"));
        grid.addColumn(MeetingSummary::bodyName).setCaption(ui.t("field.body"));
        grid.addColumn(MeetingSummary::subject).setCaption(ui.t("field.subject"));
        grid.addColumn(m -> m.present() + "/" + m.expected()).setCaption(ui.t("field.attendance"));
        grid.addColumn(MeetingSummary::topics).setCaption(ui.t("field.topics"));
        grid.addColumn(m -> ui.api(m.status().messageKey())).setCaption(ui.t("field.status"));
        grid.addColumn(m -> m.numberText() == null ? "" : m.numberText()).setCaption(ui.t("field.number"));
        if (central) {
            grid.addColumn(MeetingSummary::officeCode).setCaption(ui.t("field.office"));
        }
        grid.setDataProvider(provider);
        grid.addItemClickListener(e -> {
            if (e.getMouseEventDetails().isDoubleClick()) {
                ui.ctx().navigate(MeetingsContribution.ID + "/" + e.getItem().id());
            }
        });

        Button add = new Button(ui.t("action.newMeeting"), VaadinIcons.PLUS);
        add.setId("meetings-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.addClickListener(e -> new MeetingForm(ui, meetings, org, null, m -> ui.ctx().navigate(MeetingsContribution.ID
                + "/" + m.id())).open());
        Button open = new Button(ui.t("action.open"), VaadinIcons.FOLDER_OPEN_O);
        open.setId("meetings-open");
        open.setEnabled(false);
        grid.addSelectionListener(e -> open.setEnabled(e.getFirstSelectedItem().isPresent()));
        open.addClickListener(e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(m -> ui.ctx().navigate(MeetingsContribution.ID + "/" + m.id())));
        empty.setValue(ui.t("meetings.empty"));
        empty.setId("meetings-empty");
        empty.addStyleName(ValoTheme.LABEL_LIGHT);
        empty.setVisible(false);

        HorizontalLayout filters = new HorizontalLayout(office, year, body, type, status, text);
        filters.setWidth("100%");
        addComponents(Ui.h2(ui.t("meetings.title")), filters, new HorizontalLayout(add, open), empty, grid);
        refresh();
    }

    private void refresh() {
        provider.setFilter(new MeetingQuery(office.getSelectedItem().map(Office::code).orElse(null), year.getValue(),
                body.getSelectedItem().map(OrgUnit::id).orElse(null), type.getValue(), status.getValue(),
                Ui.blankToNull(text.getValue())));
    }

    static List<Integer> years() {
        int thisYear = LocalDate.now().getYear();
        return IntStream.rangeClosed(2015, thisYear + 1).boxed().sorted((a, b) -> b - a).toList();
    }
}
