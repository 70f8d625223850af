package cn.gannan.hpf.talks.ui.internal;

import java.time.LocalDate;

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
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkQuery;
import cn.gannan.hpf.talks.api.TalkRow;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkStatus;

/** The talk list: lazy grid, filters (office, year, kind, deciding body, status, text); no content ever. */
final class TalkListView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient TalkService talks;
    private final ComboBox<Office> office;
    private final ComboBox<Integer> year;
    private final ComboBox<TalkKind> kind = new ComboBox<>();
    private final ComboBox<OrgUnit> body = new ComboBox<>();
    private final ComboBox<TalkStatus> status = new ComboBox<>();
    private final TextField text = new TextField();
    private final Grid<TalkRow> grid = new Grid<>();
    private final Label empty;
    private final ConfigurableFilterDataProvider<TalkRow, Void, TalkQuery> provider;

    TalkListView(Ui ui, TalkService talks, OrgService org, OfficeService offices) {
        this.ui = ui;
        this.talks = talks;
        setId("talks-list");
        setWidth("100%");
        Label title = new Label(ui.t("talks.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        office = ui.officeFilter(offices);
        int thisYear = LocalDate.now().getYear();
        year = ui.yearBox(null, 2000, thisYear, null);
        year.setId("talks-filter-year");
        year.setPlaceholder(ui.t("filter.anyYear"));
        kind.setId("talks-filter-kind");
        kind.setPlaceholder(ui.t("filter.anyKind"));
        kind.setItems(talks.kinds(true));
        kind.setItemCaptionGenerator(ui::kind);
        body.setId("talks-filter-body");
        body.setPlaceholder(ui.t("filter.anyBody"));
        ui.run(() -> body.setItems(org.units(ui.caller(), null)));
        body.setItemCaptionGenerator(OrgUnit::name);
        status.setId("talks-filter-status");
        status.setPlaceholder(ui.t("filter.anyStatus"));
        status.setItems(TalkStatus.values());
        status.setItemCaptionGenerator(s -> ui.t(s.messageKey()));
        text.setId("talks-filter-text");
        text.setPlaceholder(ui.t("filter.text"));
        HorizontalLayout filters = new HorizontalLayout();
        if (office != null) {
            office.setCaption(null);
            filters.addComponent(office);
            office.addValueChangeListener(e -> refresh());
        }
        filters.addComponents(year, kind, body, status, text);
        year.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        body.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());

        DataProvider<TalkRow, TalkQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> talks.find(ui.caller(), q.getFilter().orElse(TalkQuery.all()),
                        new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, talks.find(ui.caller(), q.getFilter().orElse(TalkQuery.all()),
                        new PageRequest(0, 1)).total()));
        provider = dp.withConfigurableFilter();
        grid.setId("talks-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(14);
        grid.addColumn(r -> Ui.date(r.date())).setCaption(ui.t("field.date")).setId("date");
        grid.addColumn(r -> ui.kind(r.kind())).setCaption(ui.t("field.kind"));
        grid.addColumn(TalkRow::talkerNames).setCaption(ui.t("field.talkers"));
        grid.addColumn(TalkRow::targetNames).setCaption(ui.t("field.targets"));
        grid.addColumn(TalkRow::personTimes).setCaption(ui.t("field.personTimes"));
        grid.addColumn(TalkRow::decidedBy).setCaption(ui.t("field.decidedBy"));
        grid.addColumn(r -> r.trigger() == null ? "" : ui.t(r.trigger().messageKey())).setCaption(ui.t("field.trigger"));
        grid.addColumn(r -> r.status() == TalkStatus.VOID ? ui.t(r.status().messageKey())
                : r.confirmedByAll() ? ui.t("value.confirmed") : ui.t("value.unconfirmed")).setCaption(ui.t("field.status"));
        grid.addColumn(r -> r.contentVisible() ? ui.t("value.readable") : ui.t("value.confidential"))
                .setCaption(ui.t("field.content"));
        if (office != null) {
            grid.addColumn(r -> ui.office(offices, r.officeCode())).setCaption(ui.t("field.office"));
        }
        grid.setDataProvider(provider);
        grid.addItemClickListener(e -> ui.ctx().navigate(TalksContribution.ID + "/" + e.getItem().id()));

        Button add = new Button(ui.t("action.newTalk"), VaadinIcons.PLUS);
        add.setId("talks-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.addClickListener(e -> ui.ctx().navigate(TalksContribution.ID + "/new"));
        add.setVisible(ui.caller().hasAny(Role.LEADER, Role.BRANCH_SECRETARY, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN));
        Label hint = new Label(ui.t("talks.listHint"));
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        empty = Ui.empty(ui.t(add.isVisible() ? "talks.empty.writer" : "talks.empty.reader"));
        empty.setId("talks-empty");
        addComponents(title, filters, add, grid, empty, hint);
        refresh();
    }

    private void refresh() {
        TalkQuery q = new TalkQuery(office == null ? null : office.getSelectedItem().map(Office::code).orElse(null),
                year.getValue(), kind.getSelectedItem().map(TalkKind::code).orElse(null),
                body.getSelectedItem().map(OrgUnit::id).orElse(null), status.getValue(), null, Ui.blankToNull(text.getValue()));
        provider.setFilter(q);
        boolean none = talks.find(ui.caller(), q, new PageRequest(0, 1)).total() == 0;
        grid.setVisible(!none);
        empty.setVisible(none);
    }
}
