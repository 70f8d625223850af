package cn.gannan.hpf.rooms.ui.internal;

import java.util.Optional;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomService;

/** The rooms of the sites: a lazy grid with office and text filters; open one for its detail. */
final class SitesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Filter of the grid. */
    record Filter(String office, String text) {
    }

    private final transient UiSupport s;
    private final transient RoomService rooms;
    private final ComboBox<Office> officeFilter;
    private final TextField text = new TextField();
    private final ConfigurableFilterDataProvider<Room, Void, Filter> provider;
    private final Grid<Room> grid = new Grid<>();
    private final Label empty;

    SitesView(UiSupport s, RoomService rooms, OfficeService offices, PersonService people) {
        this.s = s;
        this.rooms = rooms;
        setId("rooms-sites");
        setWidth("100%");
        officeFilter = s.officeFilter(offices, "rooms-filter-office");
        text.setPlaceholder(s.t("filter.text"));
        text.setId("rooms-filter-text");
        text.addValueChangeListener(e -> refresh());
        com.vaadin.ui.HorizontalLayout f = UiSupport.row(text);
        if (officeFilter != null) {
            f.addComponentAsFirst(officeFilter);
            officeFilter.addValueChangeListener(e -> refresh());
        }
        provider = UiSupport.paged(new Filter(null, null), (q, p) -> rooms.rooms(s.caller(), q.office(), q.text(), p));
        grid.setId("rooms-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(9);
        grid.addColumn(r -> s.officeName(offices, r.officeCode())).setCaption(s.t("field.office"));
        grid.addColumn(Room::name).setCaption(s.t("field.roomName"));
        grid.addColumn(r -> r.areaM2() == null ? "" : r.areaM2().stripTrailingZeros().toPlainString())
                .setCaption(s.t("field.area"));
        grid.addColumn(r -> r.seats() == null ? "" : String.valueOf(r.seats())).setCaption(s.t("field.seats"));
        grid.addColumn(r -> r.functions().size() + "/4").setCaption(s.t("field.functions"));
        grid.addColumn(Room::managerName).setCaption(s.t("field.manager"));
        grid.addColumn(Room::openingHours).setCaption(s.t("field.openingHours"));
        grid.setDataProvider(provider);
        grid.addItemClickListener(e -> {
            if (e.getMouseEventDetails().isDoubleClick()) {
                open(e.getItem());
            }
        });

        Button add = new Button(s.t("rooms.new"), VaadinIcons.PLUS);
        add.setId("rooms-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.setVisible(s.caller().hasAny(Role.OFFICE_ADMIN, Role.LEADER, Role.BRANCH_SECRETARY, Role.CENTRAL_ADMIN));
        add.addClickListener(e -> RoomForm.open(s, offices, people, null, saved -> {
            provider.refreshAll();
            open(saved);
        }, rooms));
        Button openButton = new Button(s.t("rooms.open"), VaadinIcons.ARROW_RIGHT);
        openButton.setId("rooms-open");
        openButton.setEnabled(false);
        grid.addSelectionListener(e -> openButton.setEnabled(e.getFirstSelectedItem().isPresent()));
        openButton.addClickListener(e -> selected().ifPresent(this::open));

        empty = UiSupport.empty("rooms-empty", s.t("rooms.empty"));
        addComponents(UiSupport.title(s.t("rooms.title")), new Label(s.t("rooms.intro")), f,
                UiSupport.row(add, openButton), grid, empty);
        refresh();
    }

    private Optional<Room> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void open(Room r) {
        s.ctx().navigate(RoomsViewContribution.ID + "/" + r.id());
    }

    private void refresh() {
        provider.setFilter(new Filter(officeFilter == null ? null : UiSupport.code(officeFilter.getSelectedItem()),
                UiSupport.blankToNull(text.getValue())));
        s.run(() -> {
            boolean none = rooms.rooms(s.caller(), null, null, new PageRequest(0, 1)).total() == 0;
            empty.setVisible(none);
        });
    }

}
