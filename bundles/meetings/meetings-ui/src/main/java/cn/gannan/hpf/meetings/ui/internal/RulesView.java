package cn.gannan.hpf.meetings.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.meetings.api.Cadence;
import cn.gannan.hpf.meetings.api.Category;
import cn.gannan.hpf.meetings.api.MeetingRule;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.Threshold;
import cn.gannan.hpf.meetings.api.VoteBase;

/** The rule sets (quorum, votes, cadence) per meeting type and the topic categories, for admins. */
final class RulesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient MeetingService meetings;
    private final Grid<MeetingRule> rules = new Grid<>();
    private final Grid<Category> categories = new Grid<>();

    RulesView(Ui ui, MeetingService meetings) {
        this.ui = ui;
        this.meetings = meetings;
        setId("meetings-rules-view");
        setWidth("100%");
        rules.setId("rules-grid");
        rules.setWidth("100%");
        rules.setHeightByRows(12);
        rules.addColumn(r -> ui.api(r.type().messageKey())).setCaption(ui.t("field.type"));
        rules.addColumn(r -> label(r.quorum())).setCaption(ui.t("rules.quorum"));
        rules.addColumn(r -> label(r.personnelQuorum())).setCaption(ui.t("rules.personnelQuorum"));
        rules.addColumn(r -> r.vote() == null ? "—" : label(r.vote()) + " " + ui.api(r.voteBase().messageKey()))
                .setCaption(ui.t("rules.vote"));
        rules.addColumn(r -> ui.api(r.cadence().messageKey())).setCaption(ui.t("field.cadence"));
        rules.addColumn(r -> r.appliesTo() == null ? "" : ui.core(r.appliesTo().messageKey())).setCaption(ui.t("rules.appliesTo"));
        Button editRule = new Button(ui.t("action.edit"), VaadinIcons.EDIT);
        editRule.setId("rules-edit");
        editRule.addClickListener(e -> rules.getSelectedItems().stream().findFirst().ifPresent(this::editRule));

        categories.setId("categories-grid");
        categories.setWidth("100%");
        categories.setHeightByRows(8);
        categories.addColumn(Category::code).setCaption(ui.t("rules.code"));
        categories.addColumn(Category::nameZh).setCaption(ui.t("rules.nameZh"));
        categories.addColumn(Category::nameEn).setCaption(ui.t("rules.nameEn"));
        categories.addColumn(Category::sortOrder).setCaption(ui.t("rules.sortOrder"));
        categories.addColumn(c -> ui.t(c.active() ? "value.yes" : "value.no")).setCaption(ui.t("rules.active"));
        Button addCategory = new Button(ui.t("action.newCategory"), VaadinIcons.PLUS);
        addCategory.setId("categories-new");
        addCategory.addClickListener(e -> editCategory(null));
        Button editCategory = new Button(ui.t("action.edit"), VaadinIcons.EDIT);
        editCategory.addClickListener(e -> categories.getSelectedItems().stream().findFirst().ifPresent(this::editCategory));

        addComponents(Ui.h2(ui.t("rules.title")), editRule, rules, Ui.h3(ui.t("rules.categories")),
                new HorizontalLayout(addCategory, editCategory), categories);
        refresh();
    }

    private void refresh() {
        ui.run(() -> {
            rules.setItems(meetings.rules(ui.caller()));
            categories.setItems(meetings.categories(ui.caller(), false));
        });
    }

    private static String label(Threshold t) {
        return t == null ? "—" : t.label();
    }

    /** Three fields of a threshold: numerator, denominator, "more than". */
    private final class ThresholdFields {
        final TextField num = new TextField();
        final TextField den = new TextField();
        final CheckBox strict = new CheckBox(ui.t("rules.strict"));
        final HorizontalLayout row;

        ThresholdFields(String caption, Threshold t) {
            num.setWidth("60px");
            den.setWidth("60px");
            if (t != null) {
                num.setValue(String.valueOf(t.numerator()));
                den.setValue(String.valueOf(t.denominator()));
                strict.setValue(t.strict());
            }
            row = new HorizontalLayout(num, den, strict);
            row.setCaption(caption);
        }

        /** Null when left empty; throws a field error for bad numbers. */
        Threshold value() {
            if (num.getValue().isBlank() && den.getValue().isBlank()) {
                return null;
            }
            try {
                return new Threshold(Integer.parseInt(num.getValue().strip()), Integer.parseInt(den.getValue().strip()),
                        strict.getValue());
            } catch (IllegalArgumentException e) {
                throw cn.gannan.hpf.core.api.ValidationException.field("threshold",
                        new cn.gannan.hpf.core.api.Msg(Ui.BASE_NAME, RulesView.class.getClassLoader(), "rules.badThreshold"));
            }
        }
    }

    private void editRule(MeetingRule r) {
        ThresholdFields quorum = new ThresholdFields(ui.t("rules.quorum"), r.quorum());
        ThresholdFields personnel = new ThresholdFields(ui.t("rules.personnelQuorum"), r.personnelQuorum());
        ThresholdFields vote = new ThresholdFields(ui.t("rules.vote"), r.vote());
        ComboBox<VoteBase> base = new ComboBox<>(ui.t("rules.voteBase"), List.of(VoteBase.values()));
        base.setItemCaptionGenerator(b -> ui.api(b.messageKey()));
        base.setValue(r.voteBase());
        ComboBox<Cadence> cadence = new ComboBox<>(ui.t("field.cadence"), List.of(Cadence.values()));
        cadence.setItemCaptionGenerator(c -> ui.api(c.messageKey()));
        cadence.setEmptySelectionAllowed(false);
        cadence.setValue(r.cadence());
        ComboBox<OrgUnitType> applies = new ComboBox<>(ui.t("rules.appliesTo"), List.of(OrgUnitType.values()));
        applies.setItemCaptionGenerator(t -> ui.core(t.messageKey()));
        applies.setValue(r.appliesTo());
        Button save = new Button(ui.t("action.save"));
        save.setId("rule-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(quorum.row, personnel.row, vote.row, base, cadence, applies, save);
        form.setMargin(true);
        Window w = ui.dialog(ui.api(r.type().messageKey()), form);
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("threshold", quorum.row);
        fields.put("quorum", quorum.row);
        fields.put("voteBase", base);
        fields.put("cadence", cadence);
        fields.put("appliesTo", applies);
        save.addClickListener(e -> {
            if (ui.save(() -> meetings.updateRule(ui.caller(), new MeetingRule(r.type(), quorum.value(), personnel.value(),
                    vote.value(), base.getValue(), cadence.getValue(), applies.getValue(), r.version()), r.version()), fields)) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                refresh();
            }
        });
    }

    private void editCategory(Category c) {
        TextField code = new TextField(ui.t("rules.code"), c == null ? "" : c.code());
        code.setEnabled(c == null);
        code.setId("category-code");
        TextField zh = new TextField(ui.t("rules.nameZh"), c == null ? "" : c.nameZh());
        zh.setId("category-zh");
        TextField en = new TextField(ui.t("rules.nameEn"), c == null ? "" : c.nameEn());
        en.setId("category-en");
        TextField sort = new TextField(ui.t("rules.sortOrder"), c == null ? "100" : String.valueOf(c.sortOrder()));
        CheckBox active = new CheckBox(ui.t("rules.active"), c == null || c.active());
        Button save = new Button(ui.t("action.save"));
        save.setId("category-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(code, zh, en, sort, active, save);
        form.setMargin(true);
        Window w = ui.dialog(ui.t(c == null ? "action.newCategory" : "action.edit"), form);
        save.addClickListener(e -> {
            int order;
            try {
                order = Integer.parseInt(sort.getValue().strip());
            } catch (NumberFormatException ex) {
                sort.setComponentError(new com.vaadin.server.UserError(ui.t("rules.badNumber")));
                return;
            }
            if (ui.save(() -> meetings.saveCategory(ui.caller(), new Category(code.getValue(), zh.getValue(), en.getValue(),
                    order, active.getValue(), 0), c == null ? 0 : c.version()),
                    Map.of("code", code, "nameZh", zh, "nameEn", en))) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                refresh();
            }
        });
    }
}
