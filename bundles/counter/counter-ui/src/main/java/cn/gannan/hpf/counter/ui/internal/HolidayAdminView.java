package cn.gannan.hpf.counter.ui.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.counter.api.CalendarService;
import cn.gannan.hpf.counter.api.Records.HolidayDraft;
import cn.gannan.hpf.counter.api.Records.HolidayEntry;
import cn.gannan.hpf.counter.api.rules.WorkCalendar.DayKind;

/** 节假日日历: official days off and make-up working days per year (central admins edit). */
final class HolidayAdminView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient CalendarService calendar;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final Grid<HolidayEntry> grid = new Grid<>();
    private final Label coverage = new Label();

    HolidayAdminView(Ui ui, CalendarService calendar) {
        this.ui = ui;
        this.calendar = calendar;
        setId("counter-holidays");
        int now = LocalDate.now(Ui.ZONE).getYear();
        year.setCaption(ui.t("field.year"));
        year.setItems(2017, now - 1, now, now + 1);
        year.setValue(now);
        year.setEmptySelectionAllowed(false);
        year.addValueChangeListener(e -> reload());
        coverage.setId("counter-holidays-coverage");
        grid.setId("counter-holidays-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(h -> h.date().toString()).setCaption(ui.t("field.date"));
        grid.addColumn(h -> ui.t("weekday." + h.date().getDayOfWeek().getValue())).setCaption(ui.t("field.weekday"));
        grid.addColumn(h -> ui.label(h.kind())).setCaption(ui.t("field.kind"));
        grid.addColumn(HolidayEntry::name).setCaption(ui.t("field.name"));
        boolean central = ui.caller().has(Role.CENTRAL_ADMIN);
        Button add = Ui.button(ui.t("action.new"), "counter-holiday-new", e -> openAdd());
        Button remove = Ui.button(ui.t("action.delete"), "counter-holiday-delete",
                e -> grid.getSelectedItems().stream().findFirst().ifPresent(h -> ui.confirm(ui.t("action.delete"),
                        ui.t("holiday.removeConfirm", h.date().toString(), h.name()), () -> {
                            calendar.remove(ui.caller(), h.id(), h.meta().version());
                            reload();
                        })));
        add.setVisible(central);
        remove.setVisible(central);
        addComponents(Ui.title(ui.t("holiday.title")), new Label(ui.t("holiday.hint")), new HorizontalLayout(year, add, remove),
                coverage, grid);
        reload();
    }

    private void reload() {
        Integer y = year.getValue();
        ui.run(() -> {
            grid.setItems(calendar.entries(ui.caller(), y));
            coverage.setValue(calendar.calendar().covers(y) ? "" : ui.t("holiday.notEntered", y));
        });
    }

    private void openAdd() {
        DateField date = new DateField(ui.t("field.date"));
        date.setDateFormat("yyyy-MM-dd");
        ComboBox<DayKind> kind = new ComboBox<>(ui.t("field.kind"), Arrays.asList(DayKind.values()));
        kind.setItemCaptionGenerator(ui::label);
        kind.setValue(DayKind.OFF);
        kind.setEmptySelectionAllowed(false);
        TextField name = new TextField(ui.t("field.name"));
        Button save = Ui.button(ui.t("action.save"), "counter-holiday-save", null);
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = ui.dialog(ui.t("holiday.title"), new FormLayout(date, kind, name, save));
        save.addClickListener(e -> {
            if (ui.save(() -> calendar.add(ui.caller(), new HolidayDraft(date.getValue(), kind.getValue(), name.getValue())),
                    Map.of("date", date, "kind", kind, "name", name))) {
                w.close();
                reload();
            }
        });
    }
}
