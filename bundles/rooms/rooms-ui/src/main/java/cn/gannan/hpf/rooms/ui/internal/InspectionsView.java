package cn.gannan.hpf.rooms.ui.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.rooms.api.Inspection;
import cn.gannan.hpf.rooms.api.InspectionDraft;
import cn.gannan.hpf.rooms.api.InspectionKind;
import cn.gannan.hpf.rooms.api.InspectionQuery;
import cn.gannan.hpf.rooms.api.InspectionService;
import cn.gannan.hpf.rooms.api.Rectification;
import cn.gannan.hpf.rooms.api.RectificationDraft;
import cn.gannan.hpf.rooms.api.RectificationStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 检查与整改: inspections with filters; an inspection's rectification items, closed one by one. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=rooms-inspections",
        ShellConstants.TITLE + "=inspections.title",
        ShellConstants.ICON + "=CLIPBOARD_CHECK",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=42" })
public class InspectionsView implements ViewContribution, RoomsContribution {

    @Reference
    private InspectionService inspections;
    @Reference
    private RoomService rooms;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new Page(new UiSupport(context), inspections, rooms, offices);
    }

    /** The view of one UI. */
    static final class Page extends VerticalLayout {

        private static final long serialVersionUID = 1L;
        private final transient UiSupport s;
        private final transient InspectionService inspections;
        private final transient RoomService rooms;
        private final transient OfficeService offices;
        private final ComboBox<Office> office;
        private final ComboBox<Integer> year = new ComboBox<>();
        private final ComboBox<InspectionKind> kind = new ComboBox<>();
        private final TextField text = new TextField();
        private final CheckBox openOnly = new CheckBox();
        private final Grid<Inspection> grid = new Grid<>();
        private final ConfigurableFilterDataProvider<Inspection, Void, InspectionQuery> provider;

        Page(UiSupport s, InspectionService inspections, RoomService rooms, OfficeService offices) {
            this.s = s;
            this.inspections = inspections;
            this.rooms = rooms;
            this.offices = offices;
            setId("rooms-inspections");
            setWidth("100%");
            office = s.officeFilter(offices, "inspections-filter-office");
            int thisYear = LocalDate.now(UiSupport.ZONE).getYear();
            year.setItems(List.of(thisYear, thisYear - 1, thisYear - 2, thisYear - 3));
            year.setPlaceholder(s.t("filter.anyYear"));
            year.setItemCaptionGenerator(String::valueOf);
            kind.setItems(InspectionKind.values());
            kind.setItemCaptionGenerator(s::label);
            kind.setPlaceholder(s.t("filter.anyKind"));
            text.setPlaceholder(s.t("filter.text"));
            text.setId("inspections-filter-text");
            openOnly.setCaption(s.t("filter.openOnly"));
            openOnly.setId("inspections-filter-open");
            com.vaadin.ui.HorizontalLayout filters = UiSupport.row(year, kind, text, openOnly);
            if (office != null) {
                filters.addComponentAsFirst(office);
                office.addValueChangeListener(e -> refresh());
            }
            year.addValueChangeListener(e -> refresh());
            kind.addValueChangeListener(e -> refresh());
            text.addValueChangeListener(e -> refresh());
            openOnly.addValueChangeListener(e -> refresh());
            provider = UiSupport.paged(null, (f, p) -> inspections.find(s.caller(), f, p));
            grid.setId("inspections-grid");
            grid.setWidth("100%");
            grid.setHeightByRows(10);
            grid.addColumn(i -> UiSupport.date(i.inspectedOn())).setCaption(s.t("field.inspectedOn"));
            grid.addColumn(i -> s.officeName(offices, i.officeCode())).setCaption(s.t("field.office"));
            grid.addColumn(i -> s.label(i.kind())).setCaption(s.t("field.kind"));
            grid.addColumn(Inspection::inspector).setCaption(s.t("field.inspector"));
            grid.addColumn(i -> i.mandatorySatisfied() + "/" + i.mandatoryTotal() + " (v" + i.standardVersion() + ")")
                    .setCaption(s.t("field.conformanceThen"));
            grid.addColumn(i -> i.openItems() + "/" + i.totalItems()).setCaption(s.t("field.openItems"));
            grid.addColumn(Inspection::findings).setCaption(s.t("field.findings"));
            grid.setDataProvider(provider);
            grid.addItemClickListener(e -> {
                if (e.getMouseEventDetails().isDoubleClick()) {
                    openDetail(e.getItem());
                }
            });
            Button add = new Button(s.t("inspections.new"), VaadinIcons.PLUS);
            add.setId("inspections-new");
            add.addStyleName(ValoTheme.BUTTON_PRIMARY);
            add.setVisible(s.caller().hasAny(Role.CENTRAL_ADMIN, Role.LEADER, Role.OFFICE_ADMIN));
            add.addClickListener(e -> openNew());
            Button detail = new Button(s.t("inspections.rectifications"), VaadinIcons.LIST);
            detail.setId("inspections-detail");
            detail.setEnabled(false);
            grid.addSelectionListener(e -> detail.setEnabled(e.getFirstSelectedItem().isPresent()));
            detail.addClickListener(e -> selected().ifPresent(this::openDetail));
            addComponents(UiSupport.title(s.t("inspections.title")), filters, UiSupport.row(add, detail), grid,
                    UiSupport.empty("inspections-hint", s.t("inspections.hint")));
            refresh();
        }

        private Optional<Inspection> selected() {
            return grid.getSelectedItems().stream().findFirst();
        }

        private void refresh() {
            provider.setFilter(new InspectionQuery(office == null ? null : UiSupport.code(office.getSelectedItem()),
                    year.getValue(), kind.getValue(), UiSupport.blankToNull(text.getValue()),
                    Boolean.TRUE.equals(openOnly.getValue())));
        }

        private void openNew() {
            ComboBox<Office> site = s.officeBox(offices, s.t("field.office"));
            site.setEmptySelectionAllowed(false);
            site.setValue(offices.find(s.caller().officeCode()).orElse(null));
            site.setEnabled(s.caller().writesAllOffices());
            site.setId("inspection-office");
            DateField on = new DateField(s.t("field.inspectedOn"), LocalDate.now(UiSupport.ZONE));
            on.setDateFormat("yyyy-MM-dd");
            on.setId("inspection-date");
            TextField inspector = new TextField(s.t("field.inspector"), s.caller().displayName());
            inspector.setId("inspection-inspector");
            ComboBox<InspectionKind> k = new ComboBox<>(s.t("field.kind"), List.of(InspectionKind.values()));
            k.setItemCaptionGenerator(s::label);
            k.setValue(s.caller().writesAllOffices() ? InspectionKind.CONCENTRATED : InspectionKind.SELF_CHECK);
            k.setId("inspection-kind");
            TextArea findings = new TextArea(s.t("field.findings"));
            findings.setRows(4);
            findings.setWidth("360px");
            findings.setId("inspection-findings");
            Button save = new Button(s.t("action.save"));
            save.setId("inspection-save");
            save.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button cancel = new Button(s.t("action.cancel"));
            FormLayout form = new FormLayout(site, on, inspector, k, findings, new Label(s.t("inspections.snapshotHint")),
                    UiSupport.row(save, cancel));
            form.setMargin(true);
            Window w = s.dialog(s.t("inspections.new"), form);
            cancel.addClickListener(e -> w.close());
            save.addClickListener(e -> {
                Optional<Room> room = site.getValue() == null ? Optional.empty()
                        : rooms.roomOfOffice(s.caller(), site.getValue().code());
                if (room.isEmpty()) {
                    site.setComponentError(new com.vaadin.server.UserError(s.t("bookings.noRoom")));
                    return;
                }
                Inspection[] created = new Inspection[1];
                Map<String, AbstractComponent> fields = new LinkedHashMap<>();
                fields.put("inspectedOn", on);
                fields.put("inspector", inspector);
                fields.put("kind", k);
                fields.put("findings", findings);
                if (s.save(() -> created[0] = inspections.create(s.caller(), new InspectionDraft(room.get().id(), on.getValue(),
                        inspector.getValue(), k.getValue(), findings.getValue())), fields)) {
                    w.close();
                    s.ctx().notifySuccess(s.t("msg.saved"));
                    provider.refreshAll();
                    openDetail(created[0]);
                }
            });
        }

        private void openDetail(Inspection insp) {
            Grid<Rectification> items = new Grid<>();
            items.setId("rect-grid");
            items.setWidth("860px");
            items.setHeightByRows(6);
            items.addColumn(Rectification::description).setCaption(s.t("field.description"));
            items.addColumn(Rectification::owner).setCaption(s.t("field.owner"));
            items.addColumn(r -> UiSupport.date(r.dueOn())).setCaption(s.t("field.dueOn"));
            items.addColumn(r -> s.label(r.status()) + (r.overdueOn(LocalDate.now(UiSupport.ZONE)) ? " · "
                    + s.t("value.overdue") : "")).setCaption(s.t("field.status"))
                    .setStyleGenerator(r -> r.status() == RectificationStatus.OPEN ? "hpf-bad" : "hpf-ok");
            items.addColumn(r -> UiSupport.date(r.closedOn())).setCaption(s.t("field.closedOn"));
            items.addColumn(Rectification::closingNote).setCaption(s.t("field.closingNote"));
            Runnable reload = () -> s.run(() -> items.setItems(inspections.rectifications(s.caller(), insp.id())));
            reload.run();

            TextField desc = new TextField(s.t("field.description"));
            desc.setId("rect-description");
            desc.setWidth("300px");
            TextField owner = new TextField(s.t("field.owner"));
            owner.setId("rect-owner");
            DateField due = new DateField(s.t("field.dueOn"), LocalDate.now(UiSupport.ZONE).plusDays(30));
            due.setDateFormat("yyyy-MM-dd");
            due.setId("rect-due");
            Button add = new Button(s.t("rect.add"), VaadinIcons.PLUS);
            add.setId("rect-add");
            boolean inspector = s.caller().hasAny(Role.CENTRAL_ADMIN, Role.LEADER, Role.OFFICE_ADMIN)
                    && s.caller().canWrite(insp.officeCode());
            add.addClickListener(e -> {
                if (s.save(() -> inspections.addRectification(s.caller(), insp.id(), new RectificationDraft(desc.getValue(),
                        owner.getValue(), due.getValue())), Map.of("description", desc, "owner", owner, "dueOn", due))) {
                    desc.clear();
                    owner.clear();
                    reload.run();
                    provider.refreshAll();
                }
            });
            com.vaadin.ui.HorizontalLayout addRow = UiSupport.row(desc, owner, due, add);
            addRow.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
            addRow.setVisible(inspector);

            Button close = new Button(s.t("rect.close"), VaadinIcons.CHECK);
            close.setId("rect-close");
            close.setEnabled(false);
            items.addSelectionListener(e -> close.setEnabled(e.getFirstSelectedItem()
                    .map(r -> r.status() == RectificationStatus.OPEN).orElse(false)));
            close.addClickListener(e -> items.getSelectedItems().stream().findFirst().ifPresent(r -> openClose(r, () -> {
                reload.run();
                provider.refreshAll();
            })));
            com.vaadin.ui.CssLayout photos = new com.vaadin.ui.CssLayout();
            photos.setId("inspection-photos");
            Runnable loadPhotos = () -> s.run(() -> {
                photos.removeAllComponents();
                for (cn.gannan.hpf.rooms.api.Photo p : rooms.photos(s.caller(), cn.gannan.hpf.rooms.api.PhotoOwner.INSPECTION,
                        insp.id())) {
                    com.vaadin.server.StreamResource res = new com.vaadin.server.StreamResource(
                            () -> new java.io.ByteArrayInputStream(rooms.photoData(s.caller(), p.id()).bytes()),
                            p.id() + "-" + p.fileName());
                    res.setMIMEType(p.mediaType());
                    com.vaadin.ui.Image img = new com.vaadin.ui.Image(p.fileName(), res);
                    img.setWidth("160px");
                    photos.addComponent(img);
                }
            });
            loadPhotos.run();
            java.io.ByteArrayOutputStream[] buffer = new java.io.ByteArrayOutputStream[1];
            String[] name = new String[1];
            com.vaadin.ui.Upload upload = new com.vaadin.ui.Upload(s.t("photos.upload"), (filename, mime) -> {
                buffer[0] = new java.io.ByteArrayOutputStream();
                name[0] = filename;
                return buffer[0];
            });
            upload.setId("inspection-photo-upload");
            upload.setButtonCaption(s.t("photos.choose"));
            upload.setAcceptMimeTypes("image/*");
            upload.addStartedListener(e -> {
                if (e.getContentLength() > SiteDetailView.UPLOAD_LIMIT) {
                    upload.interruptUpload();
                }
            });
            upload.addSucceededListener(e -> {
                if (s.run(() -> rooms.addPhoto(s.caller(), cn.gannan.hpf.rooms.api.PhotoOwner.INSPECTION, insp.id(), name[0],
                        null, buffer[0].toByteArray()))) {
                    s.ctx().notifySuccess(s.t("msg.saved"));
                    loadPhotos.run();
                }
            });
            upload.setVisible(inspector);
            VerticalLayout body = new VerticalLayout(new Label(s.t("inspections.summary", UiSupport.date(insp.inspectedOn()),
                    s.officeName(offices, insp.officeCode()), s.label(insp.kind()), insp.inspector(),
                    insp.mandatorySatisfied(), insp.mandatoryTotal())), new Label(insp.findings() == null ? ""
                            : insp.findings()), addRow, items, UiSupport.row(close), upload, photos);
            s.dialog(s.t("inspections.rectifications"), body);
        }

        private void openClose(Rectification r, Runnable done) {
            DateField on = new DateField(s.t("field.closedOn"), LocalDate.now(UiSupport.ZONE));
            on.setDateFormat("yyyy-MM-dd");
            TextArea note = new TextArea(s.t("field.closingNote"));
            note.setRows(3);
            note.setWidth("320px");
            note.setId("rect-close-note");
            Button yes = new Button(s.t("rect.close"));
            yes.setId("rect-close-yes");
            yes.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button no = new Button(s.t("action.cancel"));
            FormLayout form = new FormLayout(new Label(r.description()), on, note, UiSupport.row(yes, no));
            form.setMargin(true);
            Window w = s.dialog(s.t("rect.close"), form);
            no.addClickListener(e -> w.close());
            yes.addClickListener(e -> {
                if (s.save(() -> inspections.close(s.caller(), r.id(), r.meta().version(), on.getValue(), note.getValue()),
                        Map.of("closedOn", on, "closingNote", note))) {
                    w.close();
                    s.ctx().notifySuccess(s.t("msg.saved"));
                    done.run();
                }
            });
        }
    }
}
