package cn.gannan.hpf.rooms.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Image;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.InventoryDetails;
import cn.gannan.hpf.rooms.api.InventoryDraft;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.InventoryQuery;
import cn.gannan.hpf.rooms.api.InventoryService;
import cn.gannan.hpf.rooms.api.Movement;
import cn.gannan.hpf.rooms.api.Photo;
import cn.gannan.hpf.rooms.api.PhotoOwner;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardService;

/** One site's room: its facts, the conformance check item by item, the inventory with history, the photos. */
final class SiteDetailView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** Largest upload accepted by the browser side; the service checks the configured limit. */
    static final int UPLOAD_LIMIT = 10 * 1024 * 1024;

    private final transient UiSupport s;
    private final transient RoomService rooms;
    private final transient InventoryService inventory;
    private final transient OfficeService offices;
    private final transient PersonService people;
    private final transient List<StandardItem> standardItems;
    private Room room;
    private final boolean manager;

    private final Label facts = new Label();
    private final Grid<ConformanceLine> conformance = new Grid<>();
    private final Label rate = new Label();
    private final Grid<InventoryItem> items = new Grid<>();
    private final TextField itemText = new TextField();
    private final ComboBox<Condition> itemCondition = new ComboBox<>();
    private final CheckBox writtenOff = new CheckBox();
    private final ConfigurableFilterDataProvider<InventoryItem, Void, InventoryQuery> itemProvider;
    private final CssLayout photos = new CssLayout();

    SiteDetailView(UiSupport s, String roomId, RoomService rooms, InventoryService inventory, StandardService standards,
            OfficeService offices, PersonService people) {
        this.s = s;
        this.rooms = rooms;
        this.inventory = inventory;
        this.offices = offices;
        this.people = people;
        this.room = rooms.room(s.caller(), roomId);
        this.standardItems = standards.current(s.caller()).items();
        this.manager = s.caller().hasAny(Role.OFFICE_ADMIN, Role.LEADER, Role.BRANCH_SECRETARY, Role.CENTRAL_ADMIN)
                && s.caller().canWrite(room.officeCode());
        setId("rooms-detail");
        setWidth("100%");

        Button back = new Button(s.t("action.back"), VaadinIcons.ARROW_LEFT);
        back.setId("rooms-back");
        back.addStyleName(ValoTheme.BUTTON_LINK);
        back.addClickListener(e -> s.ctx().navigate(RoomsViewContribution.ID));
        Button edit = new Button(s.t("rooms.edit"), VaadinIcons.EDIT);
        edit.setId("rooms-edit");
        edit.setVisible(manager);
        edit.addClickListener(e -> RoomForm.open(s, offices, people, room, saved -> {
            room = saved;
            showFacts();
            refreshConformance();
        }, rooms));
        facts.setContentMode(com.vaadin.shared.ui.ContentMode.TEXT);
        facts.setId("rooms-facts");
        facts.setWidth("100%");

        // conformance
        conformance.setId("rooms-conformance");
        conformance.setWidth("100%");
        conformance.setHeightByRows(12);
        conformance.addColumn(l -> s.label(l.category())).setCaption(s.t("field.category"));
        conformance.addColumn(ConformanceLine::name).setCaption(s.t("field.item"));
        conformance.addColumn(ConformanceLine::specification).setCaption(s.t("field.specification"));
        conformance.addColumn(l -> s.t(l.mandatory() ? "value.mandatory" : "value.optional")).setCaption(s.t("field.mandatory"));
        conformance.addColumn(l -> s.label(l.status())).setCaption(s.t("field.result"))
                .setStyleGenerator(l -> UiSupport.statusStyle(l.status())).setId("status");
        conformance.addColumn(s::explain).setCaption(s.t("field.numbers"));
        rate.setId("rooms-rate");
        VerticalLayout conformanceTab = new VerticalLayout(rate, conformance);

        // inventory
        itemText.setPlaceholder(s.t("filter.text"));
        itemText.setId("items-filter-text");
        itemCondition.setPlaceholder(s.t("filter.anyCondition"));
        itemCondition.setItems(Condition.values());
        itemCondition.setItemCaptionGenerator(s::label);
        writtenOff.setCaption(s.t("filter.writtenOff"));
        itemText.addValueChangeListener(e -> refreshItems());
        itemCondition.addValueChangeListener(e -> refreshItems());
        writtenOff.addValueChangeListener(e -> refreshItems());
        itemProvider = UiSupport.paged(InventoryQuery.ofRoom(room.id()), (f, p) -> inventory.find(s.caller(), f, p));
        items.setId("items-grid");
        items.setWidth("100%");
        items.setHeightByRows(10);
        items.addColumn(InventoryItem::assetNo).setCaption(s.t("field.assetNo"));
        items.addColumn(InventoryItem::name).setCaption(s.t("field.itemName"));
        items.addColumn(i -> standardName(i.standardItemCode())).setCaption(s.t("field.standardItem"));
        items.addColumn(InventoryItem::quantity).setCaption(s.t("field.quantity"));
        items.addColumn(i -> s.label(i.condition())).setCaption(s.t("field.condition"));
        items.addColumn(i -> s.t(i.specOk() ? "value.yes" : "value.no")).setCaption(s.t("field.specOk"));
        items.addColumn(InventoryItem::location).setCaption(s.t("field.location"));
        items.addColumn(InventoryItem::responsiblePerson).setCaption(s.t("field.responsible"));
        items.addColumn(i -> UiSupport.date(i.acquiredOn())).setCaption(s.t("field.acquiredOn"));
        items.addColumn(i -> i.writtenOff() ? s.t("value.writtenOff") : "").setCaption(s.t("field.state"));
        items.setDataProvider(itemProvider);

        Button add = button("items-add", "items.add", VaadinIcons.PLUS, () -> openItemForm(null));
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button editItem = button("items-edit", "items.edit", VaadinIcons.EDIT, () -> selected().ifPresent(this::openItemForm));
        Button move = button("items-move", "items.move", VaadinIcons.EXCHANGE, () -> selected().ifPresent(i ->
                openChange(i, "move")));
        Button cond = button("items-condition", "items.condition", VaadinIcons.WRENCH, () -> selected().ifPresent(i ->
                openChange(i, "condition")));
        Button qty = button("items-quantity", "items.quantity", VaadinIcons.ABACUS, () -> selected().ifPresent(i ->
                openChange(i, "quantity")));
        Button off = button("items-writeoff", "items.writeOff", VaadinIcons.TRASH, () -> selected().ifPresent(i ->
                openChange(i, "writeOff")));
        Button history = button("items-history", "items.history", VaadinIcons.TIME_BACKWARD, () -> selected()
                .ifPresent(this::showHistory));
        for (Button b : List.of(editItem, move, cond, qty, off, history)) {
            b.setEnabled(false);
            items.addSelectionListener(e -> b.setEnabled(e.getFirstSelectedItem().isPresent()));
        }
        for (Button b : List.of(add, editItem, move, cond, qty, off)) {
            b.setVisible(manager);
        }
        Label itemsEmpty = UiSupport.empty("items-empty", s.t("items.empty"));
        itemsEmpty.setVisible(false);
        s.run(() -> itemsEmpty.setVisible(inventory.find(s.caller(), new InventoryQuery(null, room.id(), null, null, null,
                true), new PageRequest(0, 1)).total() == 0));
        VerticalLayout inventoryTab = new VerticalLayout(UiSupport.row(itemText, itemCondition, writtenOff),
                UiSupport.row(add, editItem, move, cond, qty, off, history), items, itemsEmpty);

        // photos
        photos.setId("rooms-photos");
        photos.setWidth("100%");
        VerticalLayout photoTab = new VerticalLayout(photos);
        if (manager) {
            photoTab.addComponentAsFirst(upload());
        }

        TabSheet tabs = new TabSheet();
        tabs.setId("rooms-tabs");
        tabs.addTab(conformanceTab, s.t("tab.conformance")).setId("tab-conformance");
        tabs.addTab(inventoryTab, s.t("tab.inventory")).setId("tab-inventory");
        tabs.addTab(photoTab, s.t("tab.photos")).setId("tab-photos");
        tabs.addSelectedTabChangeListener(e -> refreshConformance());

        addComponents(back, UiSupport.title(room.name() + " · " + s.officeName(offices, room.officeCode())),
                UiSupport.row(edit), facts, tabs);
        showFacts();
        refreshConformance();
        refreshItems();
        refreshPhotos();
    }

    private Button button(String id, String key, VaadinIcons icon, Runnable action) {
        Button b = new Button(s.t(key), icon);
        b.setId(id);
        b.addClickListener(e -> action.run());
        return b;
    }

    private Optional<InventoryItem> selected() {
        return items.getSelectedItems().stream().findFirst();
    }

    private String standardName(String code) {
        if (code == null) {
            return "";
        }
        return standardItems.stream().filter(i -> i.code().equals(code)).map(StandardItem::name).findFirst().orElse(code);
    }

    private void showFacts() {
        String fn = room.functions().stream().map(s::label).collect(Collectors.joining("、"));
        facts.setValue(s.t("rooms.facts", room.areaM2() == null ? "—" : room.areaM2().stripTrailingZeros().toPlainString(),
                room.seats() == null ? "—" : String.valueOf(room.seats()), fn.isEmpty() ? "—" : fn,
                room.managerName() == null ? "—" : room.managerName(), room.managerPhone() == null ? "—" : room.managerPhone(),
                room.openingHours() == null ? "—" : room.openingHours(), room.location() == null ? "—" : room.location(),
                s.t(room.bookable() ? "value.yes" : "value.no")));
    }

    private void refreshConformance() {
        s.run(() -> {
            ConformanceReport r = rooms.check(s.caller(), room.officeCode());
            conformance.setItems(r.lines());
            rate.setValue(s.t("conformance.rate", r.standardVersion(), r.mandatorySatisfied(), r.mandatoryTotal(),
                    UiSupport.percent(r.rate()), r.failures().size()));
        });
    }

    private void refreshItems() {
        itemProvider.setFilter(new InventoryQuery(null, room.id(), UiSupport.blankToNull(itemText.getValue()), null,
                itemCondition.getValue(), Boolean.TRUE.equals(writtenOff.getValue())));
    }

    private void afterItemChange() {
        itemProvider.refreshAll();
        refreshConformance();
        s.ctx().notifySuccess(s.t("msg.saved"));
    }

    private void openItemForm(InventoryItem existing) {
        TextField asset = new TextField(s.t("field.assetNo"), existing == null ? "" : existing.assetNo());
        asset.setId("item-asset");
        ComboBox<StandardItem> std = new ComboBox<>(s.t("field.standardItem"), standardItems);
        std.setItemCaptionGenerator(i -> i.name() + " (" + i.code() + ")");
        std.setId("item-standard");
        std.setWidth("320px");
        if (existing != null && existing.standardItemCode() != null) {
            standardItems.stream().filter(i -> i.code().equals(existing.standardItemCode())).findFirst().ifPresent(std::setValue);
        }
        TextField name = new TextField(s.t("field.itemName"), existing == null ? "" : existing.name());
        name.setId("item-name");
        std.addValueChangeListener(e -> {
            if (e.getValue() != null && name.getValue().isBlank()) {
                name.setValue(e.getValue().name());
            }
        });
        TextField quantity = new TextField(s.t("field.quantity"), existing == null ? "1" : String.valueOf(existing.quantity()));
        quantity.setId("item-quantity");
        ComboBox<Condition> condition = new ComboBox<>(s.t("field.condition"), List.of(Condition.values()));
        condition.setItemCaptionGenerator(s::label);
        condition.setEmptySelectionAllowed(false);
        condition.setValue(existing == null ? Condition.GOOD : existing.condition());
        condition.setId("item-condition");
        TextField location = new TextField(s.t("field.location"), existing == null || existing.location() == null ? ""
                : existing.location());
        location.setId("item-location");
        TextField responsible = new TextField(s.t("field.responsible"), existing == null || existing.responsiblePerson() == null
                ? "" : existing.responsiblePerson());
        DateField acquired = new DateField(s.t("field.acquiredOn"), existing == null ? null : existing.acquiredOn());
        acquired.setDateFormat("yyyy-MM-dd");
        CheckBox specOk = new CheckBox(s.t("field.specOk"), existing == null || existing.specOk());
        specOk.setId("item-specok");
        if (existing != null) {
            quantity.setEnabled(false);
            condition.setEnabled(false);
            location.setEnabled(false);
            quantity.setDescription(s.t("items.viaMovement"));
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("assetNo", asset);
        fields.put("standardItemCode", std);
        fields.put("name", name);
        fields.put("quantity", quantity);
        fields.put("condition", condition);
        fields.put("location", location);
        fields.put("responsiblePerson", responsible);
        fields.put("acquiredOn", acquired);
        Button save = new Button(s.t("action.save"));
        save.setId("item-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(asset, std, name, quantity, condition, location, responsible, acquired, specOk,
                UiSupport.row(save, cancel));
        form.setMargin(true);
        Window w = s.dialog(s.t(existing == null ? "items.add" : "items.edit"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            boolean ok = s.save(() -> {
                String code = std.getValue() == null ? null : std.getValue().code();
                if (existing == null) {
                    Map<String, cn.gannan.hpf.core.api.Msg> errors = new LinkedHashMap<>();
                    Integer q = RoomForm.integer(quantity.getValue(), "quantity", errors);
                    if (!errors.isEmpty()) {
                        throw new cn.gannan.hpf.core.api.ValidationException(errors.values().iterator().next(), errors);
                    }
                    inventory.add(s.caller(), room.id(), new InventoryDraft(asset.getValue(), code, name.getValue(), q,
                            condition.getValue(), location.getValue(), responsible.getValue(), acquired.getValue(),
                            specOk.getValue()));
                } else {
                    inventory.updateDetails(s.caller(), existing.id(), existing.meta().version(), new InventoryDetails(
                            asset.getValue(), code, name.getValue(), responsible.getValue(), acquired.getValue(),
                            specOk.getValue()));
                }
            }, fields);
            if (ok) {
                w.close();
                afterItemChange();
            }
        });
    }

    /** A movement: move, condition, quantity, or write-off (asked again before it is done). */
    private void openChange(InventoryItem item, String kind) {
        TextField location = new TextField(s.t("items.newLocation"), item.location() == null ? "" : item.location());
        location.setId("change-location");
        ComboBox<Condition> condition = new ComboBox<>(s.t("field.condition"), List.of(Condition.values()));
        condition.setItemCaptionGenerator(s::label);
        condition.setEmptySelectionAllowed(false);
        condition.setValue(item.condition());
        condition.setId("change-condition");
        TextField quantity = new TextField(s.t("field.quantity"), String.valueOf(item.quantity()));
        quantity.setId("change-quantity");
        TextField note = new TextField(s.t(kind.equals("writeOff") ? "items.reason" : "field.note"));
        note.setId("change-note");
        note.setWidth("320px");
        FormLayout form = new FormLayout(new Label(item.assetNo() + " · " + item.name()));
        switch (kind) {
            case "move" -> form.addComponent(location);
            case "condition" -> form.addComponent(condition);
            case "quantity" -> form.addComponent(quantity);
            default -> form.addComponent(new Label(s.t("items.writeOffHint")));
        }
        form.addComponent(note);
        Button save = new Button(s.t(kind.equals("writeOff") ? "items.writeOff" : "action.save"));
        save.setId("change-save");
        save.addStyleName(kind.equals("writeOff") ? ValoTheme.BUTTON_DANGER : ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        form.addComponent(UiSupport.row(save, cancel));
        form.setMargin(true);
        Window w = s.dialog(s.t("items." + kind), form);
        cancel.addClickListener(e -> w.close());
        Map<String, AbstractComponent> fields = Map.of("location", location, "condition", condition, "quantity", quantity,
                "note", note, "reason", note);
        Runnable apply = () -> {
            long v = item.meta().version();
            if (s.save(() -> {
                switch (kind) {
                    case "move" -> inventory.move(s.caller(), item.id(), v, location.getValue(), note.getValue());
                    case "condition" -> inventory.changeCondition(s.caller(), item.id(), v, condition.getValue(),
                            note.getValue());
                    case "quantity" -> {
                        Map<String, cn.gannan.hpf.core.api.Msg> errors = new LinkedHashMap<>();
                        Integer q = RoomForm.integer(quantity.getValue(), "quantity", errors);
                        if (q == null) {
                            errors.putIfAbsent("quantity", cn.gannan.hpf.core.api.Msg.core("error.field.required"));
                            throw new cn.gannan.hpf.core.api.ValidationException(errors.values().iterator().next(), errors);
                        }
                        inventory.changeQuantity(s.caller(), item.id(), v, q, note.getValue());
                    }
                    default -> inventory.writeOff(s.caller(), item.id(), v, note.getValue());
                }
            }, fields)) {
                w.close();
                afterItemChange();
            }
        };
        save.addClickListener(e -> {
            if (kind.equals("writeOff")) {
                s.confirm(s.t("items.writeOff"), s.t("items.writeOffConfirm", item.assetNo(), item.name()), apply);
            } else {
                apply.run();
            }
        });
    }

    private void showHistory(InventoryItem item) {
        Grid<Movement> g = new Grid<>();
        g.setId("items-history-grid");
        g.setWidth("720px");
        g.setHeightByRows(8);
        g.addColumn(m -> UiSupport.time(m.at())).setCaption(s.t("field.time"));
        g.addColumn(m -> s.label(m.kind())).setCaption(s.t("field.movement"));
        g.addColumn(m -> m.fromValue() == null ? "" : m.fromValue()).setCaption(s.t("field.from"));
        g.addColumn(m -> m.toValue() == null ? "" : m.toValue()).setCaption(s.t("field.to"));
        g.addColumn(Movement::note).setCaption(s.t("field.note"));
        g.addColumn(Movement::by).setCaption(s.t("field.by"));
        s.run(() -> g.setItems(inventory.movements(s.caller(), item.id())));
        VerticalLayout body = new VerticalLayout(g);
        s.dialog(s.t("items.historyOf", item.assetNo(), item.name()), body);
    }

    private Upload upload() {
        ByteArrayOutputStream[] buffer = new ByteArrayOutputStream[1];
        String[] name = new String[1];
        Upload up = new Upload(s.t("photos.upload"), (filename, mime) -> {
            buffer[0] = new ByteArrayOutputStream();
            name[0] = filename;
            return buffer[0];
        });
        up.setId("rooms-photo-upload");
        up.setButtonCaption(s.t("photos.choose"));
        up.setAcceptMimeTypes("image/*");
        up.addStartedListener(e -> {
            if (e.getContentLength() > UPLOAD_LIMIT) {
                up.interruptUpload();
            }
        });
        up.addSucceededListener(e -> {
            if (s.run(() -> rooms.addPhoto(s.caller(), PhotoOwner.ROOM, room.id(), name[0], null, buffer[0].toByteArray()))) {
                s.ctx().notifySuccess(s.t("msg.saved"));
                refreshPhotos();
            }
        });
        up.addFailedListener(e -> s.ctx().showError(new cn.gannan.hpf.core.api.ValidationException(
                cn.gannan.hpf.rooms.api.RoomsMsg.of("error.photo.tooLarge", "> 10 MB", "10 MB"))));
        return up;
    }

    private void refreshPhotos() {
        photos.removeAllComponents();
        s.run(() -> {
            List<Photo> list = rooms.photos(s.caller(), PhotoOwner.ROOM, room.id());
            if (list.isEmpty()) {
                photos.addComponent(UiSupport.empty("photos-empty", s.t(manager ? "photos.emptyManager" : "photos.empty")));
            }
            for (Photo p : list) {
                StreamResource res = new StreamResource(() -> new ByteArrayInputStream(
                        rooms.photoData(s.caller(), p.id()).bytes()), p.id() + "-" + p.fileName());
                res.setMIMEType(p.mediaType());
                Image img = new Image(p.caption() == null ? p.fileName() : p.caption(), res);
                img.setWidth("240px");
                Button del = new Button(s.t("action.delete"), VaadinIcons.TRASH);
                del.addStyleName(ValoTheme.BUTTON_SMALL);
                del.setVisible(manager);
                del.addClickListener(e -> s.confirm(s.t("photos.delete"), s.t("photos.deleteConfirm", p.fileName()), () -> {
                    rooms.deletePhoto(s.caller(), p.id(), p.meta().version());
                    refreshPhotos();
                }));
                VerticalLayout card = new VerticalLayout(img, del);
                card.setWidthUndefined();
                photos.addComponent(card);
            }
        });
    }
}
