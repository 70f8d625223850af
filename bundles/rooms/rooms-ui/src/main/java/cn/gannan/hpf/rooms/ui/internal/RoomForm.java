package cn.gannan.hpf.rooms.ui.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomDraft;
import cn.gannan.hpf.rooms.api.RoomFunction;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.RoomsMsg;

/** The room's form (new or edit); the service's field errors appear next to the fields. */
final class RoomForm {

    private RoomForm() {
    }

    static void open(UiSupport s, OfficeService offices, PersonService people, Room existing, Consumer<Room> saved,
            RoomService rooms) {
        ComboBox<Office> office = s.officeBox(offices, s.t("field.office"));
        office.setId("room-office");
        office.setEmptySelectionAllowed(false);
        office.setValue(offices.find(existing != null ? existing.officeCode() : s.caller().officeCode()).orElse(null));
        office.setEnabled(existing == null && s.caller().writesAllOffices());
        TextField name = new TextField(s.t("field.roomName"), existing == null ? s.t("rooms.defaultName") : existing.name());
        name.setId("room-name");
        CheckBoxGroup<RoomFunction> functions = new CheckBoxGroup<>(s.t("field.functions"), List.of(RoomFunction.values()));
        functions.setItemCaptionGenerator(s::label);
        functions.setId("room-functions");
        functions.setValue(existing == null ? EnumSet.allOf(RoomFunction.class) : existing.functions());
        TextField area = new TextField(s.t("field.area"), existing == null || existing.areaM2() == null ? ""
                : existing.areaM2().stripTrailingZeros().toPlainString());
        area.setId("room-area");
        TextField seats = new TextField(s.t("field.seats"), existing == null || existing.seats() == null ? ""
                : String.valueOf(existing.seats()));
        seats.setId("room-seats");
        ComboBox<Person> manager = new ComboBox<>(s.t("field.managerPerson"));
        manager.setId("room-manager-person");
        manager.setItemCaptionGenerator(Person::name);
        TextField managerName = new TextField(s.t("field.manager"), existing == null || existing.managerName() == null ? ""
                : existing.managerName());
        managerName.setId("room-manager");
        Runnable loadPeople = () -> s.run(() -> {
            String code = office.getValue() == null ? null : office.getValue().code();
            manager.setItems(code == null ? List.of() : people.find(s.caller(), new PersonQuery(code, null, null, null, true),
                    new PageRequest(0, 500)).items());
        });
        loadPeople.run();
        office.addValueChangeListener(e -> loadPeople.run());
        manager.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                managerName.setValue(e.getValue().name());
                if (e.getValue().phone() != null) {
                    managerName.setDescription(e.getValue().phone());
                }
            }
        });
        TextField phone = new TextField(s.t("field.managerPhone"), existing == null || existing.managerPhone() == null ? ""
                : existing.managerPhone());
        phone.setId("room-phone");
        TextField hours = new TextField(s.t("field.openingHours"), existing == null || existing.openingHours() == null
                ? s.t("rooms.defaultHours") : existing.openingHours());
        hours.setId("room-hours");
        TextField location = new TextField(s.t("field.location"), existing == null || existing.location() == null ? ""
                : existing.location());
        location.setId("room-location");
        CheckBox bookable = new CheckBox(s.t("field.bookable"), existing == null || existing.bookable());
        bookable.setId("room-bookable");
        TextArea note = new TextArea(s.t("field.note"), existing == null || existing.note() == null ? "" : existing.note());
        note.setRows(2);
        for (com.vaadin.ui.AbstractField<?> f : List.of(name, area, seats, managerName, phone, hours, location, note)) {
            f.setWidth("320px");
        }

        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("officeCode", office);
        fields.put("name", name);
        fields.put("functions", functions);
        fields.put("areaM2", area);
        fields.put("seats", seats);
        fields.put("managerPersonId", manager);
        fields.put("managerName", managerName);
        fields.put("managerPhone", phone);
        fields.put("openingHours", hours);
        fields.put("location", location);
        fields.put("note", note);

        Button save = new Button(s.t("action.save"), VaadinIcons.CHECK);
        save.setId("room-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(office, name, functions, area, seats, manager, managerName, phone, hours, location,
                bookable, note, UiSupport.row(save, cancel));
        form.setMargin(true);
        Window w = s.dialog(s.t(existing == null ? "rooms.new" : "rooms.edit"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            Room[] result = new Room[1];
            boolean ok = s.save(() -> {
                Map<String, cn.gannan.hpf.core.api.Msg> errors = new LinkedHashMap<>();
                BigDecimal a = decimal(area.getValue(), "areaM2", errors);
                Integer n = integer(seats.getValue(), "seats", errors);
                if (!errors.isEmpty()) {
                    throw new ValidationException(errors.values().iterator().next(), errors);
                }
                Set<RoomFunction> fn = functions.getValue();
                RoomDraft d = new RoomDraft(office.getValue() == null ? null : office.getValue().code(), name.getValue(), fn, a,
                        n, manager.getValue() == null ? null : manager.getValue().id(), managerName.getValue(),
                        phone.getValue(), hours.getValue(), location.getValue(), bookable.getValue(), note.getValue());
                result[0] = existing == null ? rooms.create(s.caller(), d)
                        : rooms.update(s.caller(), existing.id(), existing.meta().version(), d);
            }, fields);
            if (ok) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                saved.accept(result[0]);
            }
        });
    }

    static BigDecimal decimal(String v, String field, Map<String, cn.gannan.hpf.core.api.Msg> errors) {
        String t = UiSupport.blankToNull(v);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            errors.put(field, RoomsMsg.of("error.room.area", t));
            return null;
        }
    }

    static Integer integer(String v, String field, Map<String, cn.gannan.hpf.core.api.Msg> errors) {
        String t = UiSupport.blankToNull(v);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            errors.put(field, cn.gannan.hpf.core.api.Msg.core("error.field.invalid"));
            return null;
        }
    }
}
