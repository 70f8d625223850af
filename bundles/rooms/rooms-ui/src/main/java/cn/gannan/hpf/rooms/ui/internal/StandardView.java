package cn.gannan.hpf.rooms.ui.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardCategory;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardItemDraft;
import cn.gannan.hpf.rooms.api.StandardService;
import cn.gannan.hpf.rooms.api.StandardStatus;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 阵地标准: the current standard, its versions; central admins edit a draft and publish; file export and import. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=rooms-standard",
        ShellConstants.TITLE + "=standard.title",
        ShellConstants.ICON + "=BOOK",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=44" })
public class StandardView implements ViewContribution, RoomsContribution {

    @Reference
    private StandardService standards;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new Page(new UiSupport(context), standards);
    }

    /** The view of one UI. */
    static final class Page extends VerticalLayout {

        private static final long serialVersionUID = 1L;
        private final transient UiSupport s;
        private final transient StandardService standards;
        private final ComboBox<Standard> version = new ComboBox<>();
        private final Grid<StandardItem> grid = new Grid<>();
        private final Label info = new Label();
        private final Button newDraft = new Button();
        private final Button addItem = new Button();
        private final Button editItem = new Button();
        private final Button removeItem = new Button();
        private final Button publish = new Button();
        private final Button discard = new Button();
        private final Button export = new Button();
        private Standard shown;
        private final boolean central;

        Page(UiSupport s, StandardService standards) {
            this.s = s;
            this.standards = standards;
            this.central = s.caller().has(Role.CENTRAL_ADMIN);
            setId("rooms-standard");
            setWidth("100%");
            version.setCaption(s.t("standard.version"));
            version.setEmptySelectionAllowed(false);
            version.setItemCaptionGenerator(v -> s.t("standard.versionCaption", v.versionNo(), s.label(v.status()), v.title()));
            version.setWidth("460px");
            version.setId("standard-version");
            version.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    show(e.getValue().id());
                }
            });
            grid.setId("standard-grid");
            grid.setWidth("100%");
            grid.setHeightByRows(12);
            grid.addColumn(StandardItem::code).setCaption(s.t("field.code"));
            grid.addColumn(i -> s.label(i.category())).setCaption(s.t("field.category"));
            grid.addColumn(StandardItem::name).setCaption(s.t("field.item"));
            grid.addColumn(StandardItem::specification).setCaption(s.t("field.specification"));
            grid.addColumn(i -> s.label(i.measure())).setCaption(s.t("field.measure"));
            grid.addColumn(StandardItem::requiredQuantity).setCaption(s.t("field.required"));
            grid.addColumn(i -> s.t(i.mandatory() ? "value.mandatory" : "value.optional")).setCaption(s.t("field.mandatory"));
            info.setId("standard-info");

            setup(newDraft, "standard-new-draft", "standard.newDraft", VaadinIcons.COPY, this::openNewDraft);
            setup(addItem, "standard-add-item", "standard.addItem", VaadinIcons.PLUS, () -> openItem(null));
            setup(editItem, "standard-edit-item", "standard.editItem", VaadinIcons.EDIT,
                    () -> grid.getSelectedItems().stream().findFirst().ifPresent(this::openItem));
            setup(removeItem, "standard-remove-item", "standard.removeItem", VaadinIcons.MINUS,
                    () -> grid.getSelectedItems().stream().findFirst().ifPresent(i -> s.confirm(s.t("standard.removeItem"),
                            s.t("standard.removeConfirm", i.name()), () -> {
                                standards.removeItem(s.caller(), i.id(), i.meta().version());
                                reload(shown.id());
                            })));
            setup(publish, "standard-publish", "standard.publish", VaadinIcons.CHECK_CIRCLE,
                    () -> s.confirm(s.t("standard.publish"), s.t("standard.publishConfirm", shown.versionNo()), () -> {
                        standards.publish(s.caller(), shown.id(), shown.meta().version());
                        s.ctx().notifySuccess(s.t("standard.published", shown.versionNo()));
                        reload(shown.id());
                    }));
            setup(discard, "standard-discard", "standard.discard", VaadinIcons.TRASH,
                    () -> s.confirm(s.t("standard.discard"), s.t("standard.discardConfirm", shown.versionNo()), () -> {
                        standards.discardDraft(s.caller(), shown.id(), shown.meta().version());
                        reload(null);
                    }));
            publish.addStyleName(ValoTheme.BUTTON_PRIMARY);
            discard.addStyleName(ValoTheme.BUTTON_DANGER);
            export.setCaption(s.t("standard.export"));
            export.setIcon(VaadinIcons.DOWNLOAD);
            export.setId("standard-export");
            UiSupport.download(export, "hpf-rooms-standard.txt", "text/plain; charset=UTF-8",
                    () -> standards.exportFile(s.caller(), shown.id()));
            editItem.setEnabled(false);
            removeItem.setEnabled(false);
            grid.addSelectionListener(e -> {
                boolean draft = shown != null && shown.status() == StandardStatus.DRAFT;
                editItem.setEnabled(draft && e.getFirstSelectedItem().isPresent());
                removeItem.setEnabled(draft && e.getFirstSelectedItem().isPresent());
            });
            com.vaadin.ui.HorizontalLayout actions = UiSupport.row(newDraft, addItem, editItem, removeItem, publish, discard,
                    export);
            VerticalLayout importBox = new VerticalLayout();
            importBox.setMargin(false);
            if (s.caller().hasAny(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN)) {
                importBox.addComponents(new Label(s.t("standard.importHint")), upload());
            }
            addComponents(UiSupport.title(s.t("standard.title")), new Label(s.t("standard.intro")), version, info, actions,
                    grid, importBox);
            reload(null);
        }

        private void setup(Button b, String id, String key, VaadinIcons icon, Runnable action) {
            b.setCaption(s.t(key));
            b.setIcon(icon);
            b.setId(id);
            b.addClickListener(e -> action.run());
        }

        private void reload(String selectId) {
            s.run(() -> {
                List<Standard> versions = standards.versions(s.caller());
                version.setItems(versions);
                Standard pick = versions.stream().filter(v -> selectId == null ? v.status() == StandardStatus.PUBLISHED
                        : v.id().equals(selectId)).findFirst().orElse(versions.isEmpty() ? null : versions.get(0));
                if (pick != null) {
                    version.setValue(pick);
                    show(pick.id());
                }
            });
        }

        private void show(String id) {
            s.run(() -> {
                shown = standards.get(s.caller(), id);
                grid.setItems(shown.items());
                info.setValue(s.t("standard.info", shown.versionNo(), s.label(shown.status()), shown.items().size(),
                        shown.publishedAt() == null ? "—" : UiSupport.time(shown.publishedAt()),
                        shown.note() == null ? "" : shown.note()));
                boolean draft = shown.status() == StandardStatus.DRAFT;
                newDraft.setVisible(central);
                for (Button b : List.of(addItem, editItem, removeItem, publish, discard)) {
                    b.setVisible(central && draft);
                }
            });
        }

        private void openNewDraft() {
            TextField title = new TextField(s.t("standard.draftTitle"));
            title.setId("draft-title");
            title.setWidth("360px");
            TextField note = new TextField(s.t("field.note"));
            note.setWidth("360px");
            Button save = new Button(s.t("action.save"));
            save.setId("draft-save");
            save.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button cancel = new Button(s.t("action.cancel"));
            Window w = s.dialog(s.t("standard.newDraft"), new FormLayout(title, note, UiSupport.row(save, cancel)));
            cancel.addClickListener(e -> w.close());
            save.addClickListener(e -> {
                Standard[] d = new Standard[1];
                if (s.save(() -> d[0] = standards.createDraft(s.caller(), title.getValue(), note.getValue()),
                        Map.of("title", title, "note", note))) {
                    w.close();
                    reload(d[0].id());
                }
            });
        }

        private void openItem(StandardItem existing) {
            TextField code = new TextField(s.t("field.code"), existing == null ? "" : existing.code());
            code.setId("item-code");
            ComboBox<StandardCategory> category = new ComboBox<>(s.t("field.category"), List.of(StandardCategory.values()));
            category.setItemCaptionGenerator(s::label);
            category.setValue(existing == null ? null : existing.category());
            TextField name = new TextField(s.t("field.item"), existing == null ? "" : existing.name());
            name.setId("std-item-name");
            TextField spec = new TextField(s.t("field.specification"), existing == null || existing.specification() == null
                    ? "" : existing.specification());
            spec.setWidth("360px");
            ComboBox<Measure> measure = new ComboBox<>(s.t("field.measure"), List.of(Measure.values()));
            measure.setItemCaptionGenerator(s::label);
            measure.setValue(existing == null ? Measure.QUANTITY : existing.measure());
            TextField required = new TextField(s.t("field.required"), existing == null ? "1"
                    : String.valueOf(existing.requiredQuantity()));
            CheckBox mandatory = new CheckBox(s.t("field.mandatory"), existing == null || existing.mandatory());
            TextField sort = new TextField(s.t("field.sort"), existing == null ? "100" : String.valueOf(existing.sortOrder()));
            Map<String, AbstractComponent> fields = new LinkedHashMap<>();
            fields.put("code", code);
            fields.put("category", category);
            fields.put("name", name);
            fields.put("specification", spec);
            fields.put("measure", measure);
            fields.put("requiredQuantity", required);
            fields.put("sortOrder", sort);
            Button save = new Button(s.t("action.save"));
            save.setId("std-item-save");
            save.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button cancel = new Button(s.t("action.cancel"));
            FormLayout form = new FormLayout(code, category, name, spec, measure, required, mandatory, sort,
                    UiSupport.row(save, cancel));
            form.setMargin(true);
            Window w = s.dialog(s.t(existing == null ? "standard.addItem" : "standard.editItem"), form);
            cancel.addClickListener(e -> w.close());
            save.addClickListener(e -> {
                if (s.save(() -> {
                    Map<String, cn.gannan.hpf.core.api.Msg> errors = new LinkedHashMap<>();
                    Integer req = RoomForm.integer(required.getValue(), "requiredQuantity", errors);
                    Integer so = RoomForm.integer(sort.getValue(), "sortOrder", errors);
                    if (!errors.isEmpty()) {
                        throw new cn.gannan.hpf.core.api.ValidationException(errors.values().iterator().next(), errors);
                    }
                    StandardItemDraft d = new StandardItemDraft(code.getValue(), category.getValue(), name.getValue(),
                            spec.getValue(), measure.getValue(), req, mandatory.getValue(), so);
                    if (existing == null) {
                        standards.addItem(s.caller(), shown.id(), d);
                    } else {
                        standards.updateItem(s.caller(), existing.id(), existing.meta().version(), d);
                    }
                }, fields)) {
                    w.close();
                    show(shown.id());
                }
            });
        }

        private Upload upload() {
            ByteArrayOutputStream[] buffer = new ByteArrayOutputStream[1];
            Upload up = new Upload(s.t("standard.import"), (filename, mime) -> {
                buffer[0] = new ByteArrayOutputStream();
                return buffer[0];
            });
            up.setId("standard-import");
            up.setButtonCaption(s.t("standard.importButton"));
            up.addStartedListener(e -> {
                if (e.getContentLength() > 512 * 1024) {
                    up.interruptUpload();
                }
            });
            up.addSucceededListener(e -> {
                Standard[] imported = new Standard[1];
                if (s.run(() -> imported[0] = standards.importFile(s.caller(), buffer[0].toByteArray()))) {
                    s.ctx().notifySuccess(s.t("standard.imported", imported[0].versionNo()));
                    reload(imported[0].id());
                }
            });
            return up;
        }
    }
}
