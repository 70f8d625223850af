package cn.gannan.hpf.counter.ui.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.DocCondition;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.BusinessTypeDraft;
import cn.gannan.hpf.counter.api.Records.DocumentRequirement;
import cn.gannan.hpf.counter.api.Records.DocumentRequirementDraft;
import cn.gannan.hpf.counter.api.Records.ServiceWindow;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;
import cn.gannan.hpf.counter.api.rules.PaymentRules.Cap;

/** 服务事项与窗口: the catalogue (central admins edit), its documents, and the office's windows. */
final class CatalogAdminView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient CatalogService catalog;
    private final Grid<BusinessType> types = new Grid<>();
    private final Grid<DocumentRequirement> docs = new Grid<>();
    private final Grid<ServiceWindow> windows = new Grid<>();

    CatalogAdminView(Ui ui, CatalogService catalog) {
        this.ui = ui;
        this.catalog = catalog;
        setId("counter-catalog-admin");
        setWidth("100%");
        boolean central = ui.caller().has(Role.CENTRAL_ADMIN);

        types.setId("counter-types-grid");
        types.setWidth("100%");
        types.setHeightByRows(10);
        types.addColumn(BusinessType::code).setCaption(ui.t("field.code"));
        types.addColumn(b -> b.name(ui.locale())).setCaption(ui.t("field.name"));
        types.addColumn(BusinessType::legalDays).setCaption(ui.t("field.legalDays"));
        types.addColumn(BusinessType::promisedDays).setCaption(ui.t("field.promisedDays"));
        types.addColumn(b -> ui.label(b.paymentCap())).setCaption(ui.t("field.paymentCap"));
        types.addColumn(BusinessType::ticketPrefix).setCaption(ui.t("field.prefix"));
        types.addColumn(b -> ui.t(b.active() ? "value.yes" : "value.no")).setCaption(ui.t("field.active"));
        types.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showDocs));
        docs.setWidth("100%");
        docs.setHeightByRows(6);
        docs.setCaption(ui.t("catalog.documents"));
        docs.addColumn(DocumentRequirement::name).setCaption(ui.t("field.document"));
        docs.addColumn(d -> ui.label(d.condition())).setCaption(ui.t("field.condition"));

        Button addType = Ui.button(ui.t("action.new"), "counter-type-new", e -> openType(null));
        Button editType = Ui.button(ui.t("action.edit"), "counter-type-edit",
                e -> types.getSelectedItems().stream().findFirst().ifPresent(this::openType));
        Button addDoc = Ui.button(ui.t("catalog.addDocument"), "counter-doc-add",
                e -> types.getSelectedItems().stream().findFirst().ifPresent(this::openDoc));
        Button removeDoc = Ui.button(ui.t("catalog.removeDocument"), "counter-doc-remove",
                e -> docs.getSelectedItems().stream().findFirst().ifPresent(d -> ui.confirm(ui.t("catalog.removeDocument"),
                        ui.t("catalog.removeConfirm", d.name()), () -> {
                            catalog.removeDocument(ui.caller(), d.id(), d.meta().version());
                            types.getSelectedItems().stream().findFirst().ifPresent(this::showDocs);
                        })));
        for (Button b : new Button[] {addType, editType, addDoc, removeDoc}) {
            b.setVisible(central);
        }
        VerticalLayout catalogTab = new VerticalLayout(new HorizontalLayout(addType, editType, addDoc, removeDoc), types, docs);
        if (!central) {
            catalogTab.addComponentAsFirst(new com.vaadin.ui.Label(ui.t("catalog.centralOnly")));
        }

        windows.setId("counter-windows-grid");
        windows.setWidth("100%");
        windows.setHeightByRows(6);
        windows.addColumn(ServiceWindow::number).setCaption(ui.t("field.window"));
        windows.addColumn(ServiceWindow::name).setCaption(ui.t("field.name"));
        windows.addColumn(w -> String.join("、", w.businessCodes().stream().map(this::typeName).toList())).setCaption(ui.t("field.business"));
        windows.addColumn(w -> ui.t(w.active() ? "value.yes" : "value.no")).setCaption(ui.t("field.active"));
        Button addWindow = Ui.button(ui.t("action.new"), "counter-window-new", e -> openWindow(null));
        Button editWindow = Ui.button(ui.t("action.edit"), "counter-window-edit",
                e -> windows.getSelectedItems().stream().findFirst().ifPresent(this::openWindow));
        VerticalLayout windowTab = new VerticalLayout(new HorizontalLayout(addWindow, editWindow), windows);

        TabSheet tabs = new TabSheet();
        tabs.addTab(catalogTab, ui.t("catalog.types"));
        tabs.addTab(windowTab, ui.t("catalog.windows"));
        addComponents(Ui.title(ui.t("catalog.title")), tabs);
        reload();
    }

    private String typeName(String code) {
        return catalog.types(ui.caller(), true).stream().filter(t -> t.code().equals(code)).map(t -> t.name(ui.locale())).findFirst()
                .orElse(code);
    }

    private void reload() {
        ui.run(() -> {
            types.setItems(catalog.types(ui.caller(), true));
            List<ServiceWindow> ws = catalog.windows(ui.caller(), null);
            windows.setItems(ws);
            windows.setCaption(ws.isEmpty() ? ui.t("catalog.noWindows") : null);
        });
    }

    private void showDocs(BusinessType b) {
        ui.run(() -> docs.setItems(catalog.documents(ui.caller(), b.code())));
    }

    private void openType(BusinessType existing) {
        TextField code = new TextField(ui.t("field.code"));
        TextField zh = new TextField(ui.t("field.nameZh"));
        TextField en = new TextField(ui.t("field.nameEn"));
        TextField legal = new TextField(ui.t("field.legalDays"));
        TextField promised = new TextField(ui.t("field.promisedDays"));
        promised.setId("counter-type-promised");
        ComboBox<Cap> cap = new ComboBox<>(ui.t("field.paymentCap"), Arrays.asList(Cap.values()));
        cap.setItemCaptionGenerator(ui::label);
        cap.setEmptySelectionAllowed(false);
        TextField prefix = new TextField(ui.t("field.prefix"));
        TextField order = new TextField(ui.t("field.order"));
        CheckBox active = new CheckBox(ui.t("field.active"), true);
        if (existing != null) {
            code.setValue(existing.code());
            code.setEnabled(false);
            zh.setValue(existing.nameZh());
            en.setValue(existing.nameEn());
            legal.setValue(String.valueOf(existing.legalDays()));
            promised.setValue(String.valueOf(existing.promisedDays()));
            cap.setValue(existing.paymentCap());
            prefix.setValue(existing.ticketPrefix());
            order.setValue(String.valueOf(existing.sortOrder()));
            active.setValue(existing.active());
        } else {
            cap.setValue(Cap.NONE);
            order.setValue("100");
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("nameZh", zh);
        fields.put("nameEn", en);
        fields.put("legalDays", legal);
        fields.put("promisedDays", promised);
        fields.put("paymentCap", cap);
        fields.put("ticketPrefix", prefix);
        Button save = Ui.button(ui.t("action.save"), "counter-type-save", null);
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = ui.dialog(ui.t(existing == null ? "catalog.newType" : "catalog.editType"),
                new FormLayout(code, zh, en, legal, promised, cap, prefix, order, active, save));
        save.addClickListener(e -> {
            Integer l = number(legal);
            Integer p = number(promised);
            Integer o = number(order);
            if (l == null || p == null || o == null) {
                return;
            }
            BusinessTypeDraft d = new BusinessTypeDraft(code.getValue(), zh.getValue(), en.getValue(), l, p, cap.getValue(),
                    prefix.getValue(), active.getValue(), o);
            if (ui.save(() -> {
                if (existing == null) {
                    catalog.createType(ui.caller(), d);
                } else {
                    catalog.updateType(ui.caller(), existing.id(), existing.meta().version(), d);
                }
            }, fields)) {
                w.close();
                reload();
            }
        });
    }

    private Integer number(TextField f) {
        f.setComponentError(null);
        try {
            return Integer.valueOf(f.getValue().strip());
        } catch (NumberFormatException e) {
            f.setComponentError(new com.vaadin.server.UserError(ui.t("validation.integer")));
            return null;
        }
    }

    private void openDoc(BusinessType b) {
        TextField name = new TextField(ui.t("field.document"));
        ComboBox<DocCondition> cond = new ComboBox<>(ui.t("field.condition"), Arrays.asList(DocCondition.values()));
        cond.setItemCaptionGenerator(ui::label);
        cond.setValue(DocCondition.ALWAYS);
        cond.setEmptySelectionAllowed(false);
        Button save = Ui.button(ui.t("action.save"), "counter-doc-save", null);
        Window w = ui.dialog(ui.t("catalog.addDocument") + " · " + b.name(ui.locale()), new FormLayout(name, cond, save));
        save.addClickListener(e -> {
            if (ui.save(() -> catalog.addDocument(ui.caller(), new DocumentRequirementDraft(b.code(), name.getValue(), cond.getValue(),
                    (docs.getDataCommunicator().getDataProviderSize() + 1) * 10)), Map.of("name", name))) {
                w.close();
                showDocs(b);
            }
        });
    }

    private void openWindow(ServiceWindow existing) {
        TextField number = new TextField(ui.t("field.window"));
        TextField name = new TextField(ui.t("field.name"));
        com.vaadin.ui.CheckBoxGroup<BusinessType> served = new com.vaadin.ui.CheckBoxGroup<>(ui.t("field.business"));
        List<BusinessType> all = catalog.types(ui.caller(), false);
        served.setItems(all);
        served.setItemCaptionGenerator(b -> b.name(ui.locale()));
        CheckBox active = new CheckBox(ui.t("field.active"), true);
        if (existing != null) {
            number.setValue(String.valueOf(existing.number()));
            name.setValue(existing.name());
            all.stream().filter(b -> existing.businessCodes().contains(b.code())).forEach(served::select);
            active.setValue(existing.active());
        }
        Button save = Ui.button(ui.t("action.save"), "counter-window-save", null);
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = ui.dialog(ui.t("catalog.windows"), new FormLayout(number, name, served, active, save));
        save.addClickListener(e -> {
            Integer n = number(number);
            if (n == null) {
                return;
            }
            ServiceWindowDraft d = new ServiceWindowDraft(existing == null ? null : existing.officeCode(), n, name.getValue(),
                    served.getSelectedItems().stream().map(BusinessType::code).toList(), active.getValue());
            if (ui.save(() -> {
                if (existing == null) {
                    catalog.createWindow(ui.caller(), d);
                } else {
                    catalog.updateWindow(ui.caller(), existing.id(), existing.meta().version(), d);
                }
            }, Map.of("number", number, "name", name, "businessCodes", served))) {
                w.close();
                reload();
            }
        });
    }
}
