package cn.gannan.hpf.shell.ui.internal.admin;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.vaadin.data.Binder;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.validator.StringLengthValidator;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.StatusChange;

/** 人员管理: lazy grid with filters, form, status change with history, deactivation, memberships. */
final class PeopleView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient AdminSupport s;
    private final transient PersonService people;
    private final transient OrgService org;
    private final transient OfficeService offices;

    private final ComboBox<Office> officeFilter;
    private final TextField textFilter = new TextField();
    private final ComboBox<PoliticalStatus> statusFilter = new ComboBox<>();
    private final CheckBox inactiveFilter = new CheckBox();
    private final Grid<Person> grid = new Grid<>();
    private final Grid<Membership> memberships = new Grid<>();
    private final ConfigurableFilterDataProvider<Person, Void, PersonQuery> provider;

    PeopleView(AdminSupport s, PersonService people, OrgService org, OfficeService offices) {
        this.s = s;
        this.people = people;
        this.org = org;
        this.offices = offices;
        setId("admin-people");
        setWidth("100%");

        Label title = new Label(s.t("admin.people.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        officeFilter = s.officeFilter(offices);
        textFilter.setPlaceholder(s.t("filter.text"));
        textFilter.setId("people-filter-text");
        statusFilter.setPlaceholder(s.t("filter.anyStatus"));
        statusFilter.setItems(PoliticalStatus.values());
        statusFilter.setItemCaptionGenerator(p -> s.core(p.messageKey()));
        inactiveFilter.setCaption(s.t("filter.includeInactive"));
        HorizontalLayout filters = new HorizontalLayout();
        if (officeFilter != null) {
            filters.addComponent(officeFilter);
            officeFilter.addValueChangeListener(e -> refresh());
        }
        filters.addComponents(textFilter, statusFilter, inactiveFilter);
        textFilter.addValueChangeListener(e -> refresh());
        statusFilter.addValueChangeListener(e -> refresh());
        inactiveFilter.addValueChangeListener(e -> refresh());

        DataProvider<Person, PersonQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> people.find(s.caller(), q.getFilter().orElse(PersonQuery.all()),
                        new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, people.find(s.caller(), q.getFilter().orElse(PersonQuery.all()),
                        new PageRequest(0, 1)).total()));
        provider = dp.withConfigurableFilter();
        grid.setId("people-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(Person::name).setCaption(s.t("field.name"));
        grid.addColumn(Person::staffNo).setCaption(s.t("field.staffNo"));
        grid.addColumn(p -> p.gender() == null ? "" : s.core(p.gender().messageKey())).setCaption(s.t("field.gender"));
        grid.addColumn(p -> AdminSupport.date(p.birthDate())).setCaption(s.t("field.birthDate"));
        grid.addColumn(Person::jobTitle).setCaption(s.t("field.jobTitle"));
        grid.addColumn(p -> p.politicalStatus() == null ? "" : s.core(p.politicalStatus().messageKey()))
                .setCaption(s.t("field.politicalStatus"));
        grid.addColumn(Person::phone).setCaption(s.t("field.phone"));
        grid.addColumn(p -> s.t(p.active() ? "value.active" : "value.inactive")).setCaption(s.t("field.active"));
        if (officeFilter != null) {
            grid.addColumn(p -> s.officeName(offices, p.officeCode())).setCaption(s.t("field.office"));
        }
        grid.setDataProvider(provider);
        grid.addSelectionListener(e -> showMemberships(e.getFirstSelectedItem()));

        Button add = new Button(s.t("action.new"), VaadinIcons.PLUS);
        add.setId("people-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.addClickListener(e -> openForm(null));
        Button edit = new Button(s.t("action.edit"), VaadinIcons.EDIT);
        edit.setId("people-edit");
        edit.addClickListener(e -> selected().ifPresent(this::openForm));
        Button status = new Button(s.t("people.changeStatus"), VaadinIcons.EXCHANGE);
        status.setId("people-status");
        status.addClickListener(e -> selected().ifPresent(this::openStatusDialog));
        Button deactivate = new Button(s.t("people.deactivate"), VaadinIcons.BAN);
        deactivate.setId("people-deactivate");
        deactivate.addClickListener(e -> selected().ifPresent(this::confirmDeactivate));
        for (Button b : new Button[] { edit, status, deactivate }) {
            b.setEnabled(false);
            grid.addSelectionListener(e -> b.setEnabled(e.getFirstSelectedItem().isPresent()));
        }

        memberships.setWidth("100%");
        memberships.setHeightByRows(4);
        memberships.setCaption(s.t("people.memberships"));
        memberships.addColumn(Membership::orgUnitName).setCaption(s.t("field.orgUnit"));
        memberships.addColumn(m -> m.post() == null ? "" : s.core(m.post().messageKey())).setCaption(s.t("field.post"));
        memberships.addColumn(m -> AdminSupport.date(m.since())).setCaption(s.t("field.since"));
        memberships.addColumn(m -> AdminSupport.date(m.until())).setCaption(s.t("field.until"));
        memberships.setVisible(false);

        addComponents(title, filters, s.buttons(add, edit, status, deactivate), grid, memberships);
        refresh();
    }

    private Optional<Person> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void refresh() {
        provider.setFilter(new PersonQuery(officeFilter == null ? null : AdminSupport.code(officeFilter.getSelectedItem()),
                AdminSupport.blankToNull(textFilter.getValue()), statusFilter.getValue(), null,
                Boolean.TRUE.equals(inactiveFilter.getValue()) ? null : Boolean.TRUE));
    }

    private void showMemberships(Optional<Person> person) {
        memberships.setVisible(person.isPresent());
        person.ifPresent(p -> s.run(() -> memberships.setItems(org.membershipsOf(s.caller(), p.id()))));
    }

    /** The form's bean. */
    static final class PersonForm {
        Office office;
        String name = "";
        Gender gender;
        LocalDate birthDate;
        String staffNo = "";
        String phone = "";
        String jobTitle = "";
        PoliticalStatus status = PoliticalStatus.MASSES;
    }

    private void openForm(Person existing) {
        PersonForm bean = new PersonForm();
        if (existing != null) {
            bean.office = offices.find(existing.officeCode()).orElse(null);
            bean.name = nz(existing.name());
            bean.gender = existing.gender();
            bean.birthDate = existing.birthDate();
            bean.staffNo = nz(existing.staffNo());
            bean.phone = nz(existing.phone());
            bean.jobTitle = nz(existing.jobTitle());
            bean.status = existing.politicalStatus();
        }
        ComboBox<Office> office = s.officeBox(offices, s.t("field.office"));
        TextField name = new TextField(s.t("field.name"));
        name.setId("person-name");
        ComboBox<Gender> gender = new ComboBox<>(s.t("field.gender"), java.util.List.of(Gender.values()));
        gender.setItemCaptionGenerator(g -> s.core(g.messageKey()));
        DateField birth = new DateField(s.t("field.birthDate"));
        birth.setDateFormat("yyyy-MM-dd");
        TextField staffNo = new TextField(s.t("field.staffNo"));
        TextField phone = new TextField(s.t("field.phone"));
        TextField jobTitle = new TextField(s.t("field.jobTitle"));
        ComboBox<PoliticalStatus> status = new ComboBox<>(s.t("field.politicalStatus"),
                java.util.List.of(PoliticalStatus.values()));
        status.setItemCaptionGenerator(p -> s.core(p.messageKey()));
        status.setEmptySelectionAllowed(false);
        if (existing != null) {
            status.setEnabled(false);
            status.setDescription(s.t("people.statusHint"));
        }

        Binder<PersonForm> binder = new Binder<>();
        if (s.caller().writesAllOffices() && existing == null) {
            binder.forField(office).asRequired(s.t("validation.required")).bind(b -> b.office, (b, v) -> b.office = v);
        } else {
            office.setEnabled(false);
            if (existing == null) {
                bean.office = offices.find(s.caller().officeCode()).orElse(null);
            }
            binder.forField(office).bind(b -> b.office, (b, v) -> b.office = v);
        }
        binder.forField(name).asRequired(s.t("validation.required"))
                .withValidator(new StringLengthValidator(s.t("validation.maxLength", 50), 1, 50))
                .bind(b -> b.name, (b, v) -> b.name = v);
        binder.forField(gender).bind(b -> b.gender, (b, v) -> b.gender = v);
        binder.forField(birth).withValidator(d -> d == null || d.isBefore(LocalDate.now()), s.t("validation.birthDate"))
                .bind(b -> b.birthDate, (b, v) -> b.birthDate = v);
        binder.forField(staffNo).withValidator(new StringLengthValidator(s.t("validation.maxLength", 32), 0, 32))
                .bind(b -> b.staffNo, (b, v) -> b.staffNo = v);
        binder.forField(phone)
                .withValidator(v -> v == null || v.isBlank() || v.strip().matches("[0-9 \\-]{7,20}"), s.t("validation.phone"))
                .bind(b -> b.phone, (b, v) -> b.phone = v);
        binder.forField(jobTitle).withValidator(new StringLengthValidator(s.t("validation.maxLength", 50), 0, 50))
                .bind(b -> b.jobTitle, (b, v) -> b.jobTitle = v);
        binder.forField(status).asRequired(s.t("validation.required")).bind(b -> b.status, (b, v) -> b.status = v);
        binder.readBean(bean);

        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("officeCode", office);
        fields.put("name", name);
        fields.put("gender", gender);
        fields.put("birthDate", birth);
        fields.put("staffNo", staffNo);
        fields.put("phone", phone);
        fields.put("jobTitle", jobTitle);
        fields.put("politicalStatus", status);

        Button save = new Button(s.t("action.save"));
        save.setId("person-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(office, name, gender, birth, staffNo, phone, jobTitle, status, s.buttons(save, cancel));
        form.setMargin(true);
        form.setWidth("460px");
        Window w = s.dialog(s.t(existing == null ? "people.new" : "people.edit"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            PersonDraft draft = new PersonDraft(bean.office == null ? null : bean.office.code(), bean.name.strip(),
                    bean.gender, bean.birthDate, AdminSupport.blankToNull(bean.staffNo), AdminSupport.blankToNull(bean.phone),
                    AdminSupport.blankToNull(bean.jobTitle), bean.status);
            boolean ok = s.save(() -> {
                if (existing == null) {
                    people.create(s.caller(), draft);
                } else {
                    people.update(s.caller(), existing.id(), existing.meta().version(), draft);
                }
            }, fields);
            if (ok) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                provider.refreshAll();
            }
        });
    }

    private void openStatusDialog(Person p) {
        ComboBox<PoliticalStatus> status = new ComboBox<>(s.t("people.newStatus"), java.util.List.of(PoliticalStatus.values()));
        status.setItemCaptionGenerator(v -> s.core(v.messageKey()));
        status.setEmptySelectionAllowed(false);
        Label probationHint = new Label(s.t("people.probationHint"));
        probationHint.setId("status-probation-hint");
        probationHint.setWidth("100%");
        probationHint.addStyleName(ValoTheme.LABEL_SMALL);
        probationHint.setVisible(p.politicalStatus() == PoliticalStatus.PARTY_PROBATION);
        status.setId("status-new");
        status.addValueChangeListener(e -> probationHint.setVisible(e.getValue() == PoliticalStatus.PARTY_PROBATION
                || p.politicalStatus() == PoliticalStatus.PARTY_PROBATION));
        DateField effective = new DateField(s.t("people.effective"), LocalDate.now());
        effective.setDateFormat("yyyy-MM-dd");
        TextArea note = new TextArea(s.t("field.note"));
        note.setRows(2);
        note.setMaxLength(500);
        Grid<StatusChange> history = new Grid<>();
        history.setCaption(s.t("people.history"));
        history.setWidth("100%");
        history.setHeightByRows(4);
        history.addColumn(c -> AdminSupport.date(c.effectiveDate())).setCaption(s.t("people.effective"));
        history.addColumn(c -> c.fromStatus() == null ? "" : s.core(c.fromStatus().messageKey())).setCaption(s.t("people.from"));
        history.addColumn(c -> s.core(c.toStatus().messageKey())).setCaption(s.t("people.to"));
        history.addColumn(StatusChange::note).setCaption(s.t("field.note"));
        history.addColumn(StatusChange::recordedBy).setCaption(s.t("field.recordedBy"));
        s.run(() -> history.setItems(people.statusHistory(s.caller(), p.id())));

        Map<String, AbstractComponent> fields = Map.of("status", status, "politicalStatus", status,
                "effective", effective, "effectiveDate", effective, "note", note);
        Button save = new Button(s.t("action.save"));
        save.setId("status-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        VerticalLayout body = new VerticalLayout(new Label(p.name() + " · " + (p.politicalStatus() == null ? ""
                : s.core(p.politicalStatus().messageKey()))), new FormLayout(status, effective, note), probationHint,
                s.buttons(save, cancel), history);
        body.setWidth("620px");
        Window w = s.dialog(s.t("people.changeStatus"), body);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            status.setComponentError(null);
            if (status.getValue() == null || effective.getValue() == null) {
                (status.getValue() == null ? status : effective)
                        .setComponentError(new com.vaadin.server.UserError(s.t("validation.required")));
                return;
            }
            if (s.save(() -> people.changeStatus(s.caller(), p.id(), p.meta().version(), status.getValue(),
                    effective.getValue(), AdminSupport.blankToNull(note.getValue())), fields)) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                provider.refreshAll();
            }
        });
    }

    private void confirmDeactivate(Person p) {
        s.confirm(s.t("people.deactivate"), s.t("people.deactivateConfirm", p.name()), () -> {
            people.deactivate(s.caller(), p.id(), p.meta().version());
            s.ctx().notifySuccess(s.t("msg.saved"));
            provider.refreshAll();
        });
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
