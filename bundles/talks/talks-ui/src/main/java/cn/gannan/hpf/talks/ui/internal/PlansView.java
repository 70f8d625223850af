package cn.gannan.hpf.talks.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.ProgressBar;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.talks.api.Coverage;
import cn.gannan.hpf.talks.api.PairCategory;
import cn.gannan.hpf.talks.api.PairDraft;
import cn.gannan.hpf.talks.api.PlanDraft;
import cn.gannan.hpf.talks.api.PlanPair;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.api.TalkPlanService;

/** Yearly plans per body and, for the chosen plan, its coverage: every pair without a talk is listed. */
final class PlansView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient TalkPlanService plans;
    private final transient PersonService people;
    private final transient OrgService org;
    private final ComboBox<Office> office;
    private final ComboBox<Integer> year;
    private final Grid<TalkPlan> grid = new Grid<>();
    private final Label empty;
    private final VerticalLayout coverage = new VerticalLayout();
    private final boolean writer;

    PlansView(Ui ui, TalkPlanService plans, PersonService people, OrgService org, OfficeService offices, String planId) {
        this.ui = ui;
        this.plans = plans;
        this.people = people;
        this.org = org;
        setId("talk-plans");
        setWidth("100%");
        writer = ui.caller().hasAny(Role.LEADER, Role.BRANCH_SECRETARY, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        Label title = new Label(ui.t("plans.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        office = ui.officeFilter(offices);
        int thisYear = LocalDate.now().getYear();
        year = ui.yearBox(null, 2000, thisYear + 1, thisYear);
        year.setId("plans-filter-year");
        year.setEmptySelectionAllowed(false);
        HorizontalLayout filters = new HorizontalLayout();
        if (office != null) {
            office.setCaption(null);
            filters.addComponent(office);
            office.addValueChangeListener(e -> refresh(null));
        }
        filters.addComponent(year);
        year.addValueChangeListener(e -> refresh(null));

        grid.setId("plans-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(6);
        grid.addColumn(TalkPlan::year).setCaption(ui.t("field.year"));
        grid.addColumn(TalkPlan::orgUnitName).setCaption(ui.t("field.body"));
        grid.addColumn(p -> p.pairs().size()).setCaption(ui.t("field.pairs"));
        grid.addColumn(p -> ui.office(offices, p.officeCode())).setCaption(ui.t("field.office"));
        grid.addColumn(TalkPlan::note).setCaption(ui.t("field.note"));
        grid.addSelectionListener(e -> showCoverage(e.getFirstSelectedItem().orElse(null)));

        Button add = new Button(ui.t("action.newPlan"), VaadinIcons.PLUS);
        add.setId("plans-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.setVisible(writer);
        add.addClickListener(e -> openCreate());
        empty = Ui.empty(ui.t(writer ? "plans.empty.writer" : "plans.empty.reader"));
        empty.setId("plans-empty");
        coverage.setMargin(false);
        coverage.setId("plan-coverage");
        addComponents(title, filters, add, grid, empty, coverage);
        if (!planId.isEmpty()) {
            ui.run(() -> {
                TalkPlan p = plans.plan(ui.caller(), planId);
                year.setValue(p.year());
                refresh(p.id());
            });
        } else {
            refresh(null);
        }
    }

    private void refresh(String select) {
        List<TalkPlan> list = new ArrayList<>();
        ui.run(() -> list.addAll(plans.plans(ui.caller(), office == null ? null : office.getSelectedItem()
                .map(Office::code).orElse(null), year.getValue())));
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setVisible(list.isEmpty());
        coverage.removeAllComponents();
        list.stream().filter(p -> p.id().equals(select)).findFirst().ifPresent(grid::select);
    }

    private void showCoverage(TalkPlan plan) {
        coverage.removeAllComponents();
        if (plan == null) {
            return;
        }
        Coverage c;
        try {
            c = plans.coverage(ui.caller(), plan.id(), LocalDate.now());
        } catch (RuntimeException e) {
            ui.ctx().showError(e);
            return;
        }
        Label head = new Label(ui.t("coverage.head", plan.orgUnitName(), plan.year(), c.coveredPairs(), c.totalPairs(),
                c.ratePercent(), c.daysLeft()));
        head.setId("coverage-head");
        head.addStyleName(ValoTheme.LABEL_H3);
        ProgressBar bar = new ProgressBar((float) (c.ratePercent() / 100.0));
        bar.setWidth("400px");
        coverage.addComponents(head, bar);
        if (c.uncovered().isEmpty()) {
            Label all = Ui.empty(ui.t("coverage.complete"));
            all.setId("coverage-complete");
            coverage.addComponent(all);
        } else {
            Grid<PlanPair> pairs = new Grid<>();
            pairs.setId("coverage-uncovered");
            pairs.setCaption(ui.t("coverage.uncovered", c.uncovered().size()));
            pairs.setWidth("100%");
            pairs.setItems(c.uncovered());
            pairs.setHeightByRows(Math.min(10, c.uncovered().size()));
            pairs.addColumn(PlanPair::nameA).setCaption(ui.t("field.personA"));
            pairs.addColumn(PlanPair::nameB).setCaption(ui.t("field.personB"));
            pairs.addColumn(p -> ui.t(p.category().messageKey())).setCaption(ui.t("field.category"));
            if (writer) {
                pairs.addComponentColumn(p -> {
                    Button rm = new Button(ui.t("action.removePair"));
                    rm.addStyleName(ValoTheme.BUTTON_SMALL);
                    rm.addClickListener(e -> ui.confirm(ui.t("plans.removePair"), ui.t("plans.removePairText", p.nameA(),
                            p.nameB()), () -> {
                                TalkPlan fresh = plans.plan(ui.caller(), plan.id());
                                plans.removePair(ui.caller(), plan.id(), fresh.meta().version(), p.id());
                                refresh(plan.id());
                            }));
                    return rm;
                });
            }
            coverage.addComponent(pairs);
        }
        if (writer) {
            Button addPair = new Button(ui.t("action.addPair"), VaadinIcons.PLUS);
            addPair.setId("plans-add-pair");
            addPair.addClickListener(e -> openAddPair(plan));
            Button delete = new Button(ui.t("action.deletePlan"), VaadinIcons.TRASH);
            delete.setId("plans-delete");
            delete.addStyleName(ValoTheme.BUTTON_DANGER);
            delete.addClickListener(e -> ui.confirm(ui.t("plans.delete"), ui.t("plans.deleteText", plan.orgUnitName(),
                    plan.year()), () -> {
                        plans.delete(ui.caller(), plan.id(), plan.meta().version());
                        ui.ctx().notifySuccess(ui.t("msg.deleted"));
                        refresh(null);
                    }));
            coverage.addComponent(new HorizontalLayout(addPair, delete));
        }
    }

    private void openCreate() {
        ComboBox<OrgUnit> body = new ComboBox<>(ui.t("field.body"));
        body.setId("plan-body");
        body.setWidth("360px");
        ui.run(() -> body.setItems(org.units(ui.caller(), null)));
        body.setItemCaptionGenerator(OrgUnit::name);
        ComboBox<Integer> y = ui.yearBox(ui.t("field.year"), 2000, LocalDate.now().getYear() + 1, year.getValue());
        y.setId("plan-year");
        CheckBox members = new CheckBox(ui.t("plans.includeMembers"));
        members.setId("plan-members");
        TextField note = new TextField(ui.t("field.note"));
        Button save = new Button(ui.t("action.save"));
        save.setId("plan-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        Window w = ui.dialog(ui.t("action.newPlan"), new VerticalLayout(new Label(ui.t("plans.createHint")),
                new FormLayout(body, y, members, note), new HorizontalLayout(save, cancel)));
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            TalkPlan[] made = new TalkPlan[1];
            if (ui.save(() -> made[0] = plans.create(ui.caller(), new PlanDraft(body.getSelectedItem().map(OrgUnit::id)
                    .orElse(null), y.getValue() == null ? 0 : y.getValue(), note.getValue(), members.getValue())),
                    Map.of("orgUnitId", body, "year", y, "note", note, "includeMemberPairs", members))) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                year.setValue(made[0].year());
                refresh(made[0].id());
            }
        });
    }

    private void openAddPair(TalkPlan plan) {
        List<Person> directory = new ArrayList<>();
        ui.run(() -> directory.addAll(people.find(ui.caller(), new PersonQuery(plan.officeCode(), null, null, null,
                Boolean.TRUE), new PageRequest(0, PageRequest.MAX_LIMIT)).items()));
        ComboBox<Person> a = new ComboBox<>(ui.t("field.personA"), directory);
        a.setItemCaptionGenerator(Person::name);
        ComboBox<Person> b = new ComboBox<>(ui.t("field.personB"), directory);
        b.setItemCaptionGenerator(Person::name);
        ComboBox<PairCategory> cat = new ComboBox<>(ui.t("field.category"), List.of(PairCategory.values()));
        cat.setItemCaptionGenerator(c -> ui.t(c.messageKey()));
        Button save = new Button(ui.t("action.save"));
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        Window w = ui.dialog(ui.t("action.addPair"), new VerticalLayout(new FormLayout(a, b, cat),
                new HorizontalLayout(save, cancel)));
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            if (ui.save(() -> {
                TalkPlan fresh = plans.plan(ui.caller(), plan.id());
                plans.addPair(ui.caller(), plan.id(), fresh.meta().version(), new PairDraft(a.getSelectedItem()
                        .map(Person::id).orElse(null), b.getSelectedItem().map(Person::id).orElse(null), cat.getValue()));
            }, Map.of("personA", a, "personB", b, "category", cat))) {
                w.close();
                refresh(plan.id());
            }
        });
    }
}
