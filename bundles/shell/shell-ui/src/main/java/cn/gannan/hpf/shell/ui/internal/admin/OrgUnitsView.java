package cn.gannan.hpf.shell.ui.internal.admin;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.data.TreeData;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.provider.TreeDataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.TreeGrid;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Post;

/** 组织机构: the org tree per office, and the members of the selected unit. */
final class OrgUnitsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient AdminSupport s;
    private final transient OrgService org;
    private final transient PersonService people;
    private final transient OfficeService offices;
    private final ComboBox<Office> officeFilter;
    private final TreeGrid<OrgUnit> tree = new TreeGrid<>();
    private final Grid<Membership> members = new Grid<>();
    private final CheckBox currentOnly = new CheckBox();
    private final VerticalLayout memberPanel = new VerticalLayout();
    private List<OrgUnit> units = List.of();

    OrgUnitsView(AdminSupport s, OrgService org, PersonService people, OfficeService offices) {
        this.s = s;
        this.org = org;
        this.people = people;
        this.offices = offices;
        setId("admin-orgunits");
        setWidth("100%");
        Label title = new Label(s.t("admin.orgunits.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        officeFilter = s.officeFilter(offices);
        if (officeFilter != null) {
            officeFilter.addValueChangeListener(e -> reload());
        }

        tree.setId("orgunits-tree");
        tree.setWidth("100%");
        tree.setHeightByRows(10);
        tree.addColumn(OrgUnit::name).setCaption(s.t("field.name"));
        tree.addColumn(u -> u.type() == null ? "" : s.core(u.type().messageKey())).setCaption(s.t("field.type"));
        tree.addColumn(OrgUnit::sortOrder).setCaption(s.t("field.sortOrder"));
        if (officeFilter != null) {
            tree.addColumn(u -> s.officeName(offices, u.officeCode())).setCaption(s.t("field.office"));
        }
        tree.addSelectionListener(e -> showMembers());

        Button add = new Button(s.t("action.new"), VaadinIcons.PLUS);
        add.setId("orgunits-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.addClickListener(e -> openForm(null, selected().orElse(null)));
        Button edit = new Button(s.t("action.edit"), VaadinIcons.EDIT);
        edit.setId("orgunits-edit");
        edit.addClickListener(e -> selected().ifPresent(u -> openForm(u, null)));
        Button delete = new Button(s.t("action.delete"), VaadinIcons.TRASH);
        delete.setId("orgunits-delete");
        delete.addClickListener(e -> selected().ifPresent(u -> s.confirm(s.t("action.delete"),
                s.t("orgunits.deleteConfirm", u.name()), () -> {
                    org.delete(s.caller(), u.id(), u.meta().version());
                    s.ctx().notifySuccess(s.t("msg.deleted"));
                    reload();
                })));
        for (Button b : new Button[] { edit, delete }) {
            b.setEnabled(false);
            tree.addSelectionListener(e -> b.setEnabled(e.getFirstSelectedItem().isPresent()));
        }

        members.setWidth("100%");
        members.setHeightByRows(6);
        members.addColumn(Membership::personName).setCaption(s.t("field.person"));
        members.addColumn(m -> m.post() == null ? "" : s.core(m.post().messageKey())).setCaption(s.t("field.post"));
        members.addColumn(m -> AdminSupport.date(m.since())).setCaption(s.t("field.since"));
        members.addColumn(m -> AdminSupport.date(m.until())).setCaption(s.t("field.until"));
        currentOnly.setCaption(s.t("orgunits.currentOnly"));
        currentOnly.setValue(true);
        currentOnly.addValueChangeListener(e -> showMembers());
        Button addMember = new Button(s.t("orgunits.addMember"), VaadinIcons.PLUS);
        addMember.setId("orgunits-add-member");
        addMember.addClickListener(e -> selected().ifPresent(this::openAddMember));
        Button endMember = new Button(s.t("orgunits.endMembership"), VaadinIcons.CLOSE);
        endMember.setId("orgunits-end-member");
        endMember.setEnabled(false);
        members.addSelectionListener(e -> endMember.setEnabled(e.getFirstSelectedItem().map(Membership::current).orElse(false)));
        endMember.addClickListener(e -> members.getSelectedItems().stream().findFirst().ifPresent(m -> s.confirm(
                s.t("orgunits.endMembership"), s.t("orgunits.endConfirm", m.personName(), m.orgUnitName()), () -> {
                    org.endMembership(s.caller(), m.id(), m.meta().version(), LocalDate.now());
                    s.ctx().notifySuccess(s.t("msg.saved"));
                    showMembers();
                })));
        Label membersTitle = new Label(s.t("orgunits.members"));
        membersTitle.addStyleName(ValoTheme.LABEL_H3);
        memberPanel.setMargin(false);
        memberPanel.addComponents(membersTitle, new HorizontalLayout(addMember, endMember, currentOnly), members);
        memberPanel.setVisible(false);

        HorizontalLayout filters = new HorizontalLayout();
        if (officeFilter != null) {
            filters.addComponent(officeFilter);
        }
        addComponents(title, filters, s.buttons(add, edit, delete), tree, memberPanel);
        reload();
    }

    private Optional<OrgUnit> selected() {
        return tree.getSelectedItems().stream().findFirst();
    }

    private String officeCode() {
        return officeFilter == null ? null : AdminSupport.code(officeFilter.getSelectedItem());
    }

    private void reload() {
        s.run(() -> {
            units = org.units(s.caller(), officeCode());
            tree.setDataProvider(new TreeDataProvider<>(treeData(units)));
            tree.expand(units);
            memberPanel.setVisible(false);
        });
    }

    /** Builds the tree by parentId; a unit whose parent is not in the list becomes a root. */
    static TreeData<OrgUnit> treeData(List<OrgUnit> units) {
        TreeData<OrgUnit> data = new TreeData<>();
        Map<String, OrgUnit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        Set<String> added = new HashSet<>();
        for (OrgUnit u : units) {
            addWithParents(data, u, byId, added, 0);
        }
        return data;
    }

    private static void addWithParents(TreeData<OrgUnit> data, OrgUnit u, Map<String, OrgUnit> byId, Set<String> added, int depth) {
        if (added.contains(u.id()) || depth > 50) {
            return;
        }
        OrgUnit parent = u.parentId() == null ? null : byId.get(u.parentId());
        if (parent != null && !parent.id().equals(u.id())) {
            addWithParents(data, parent, byId, added, depth + 1);
            if (!added.contains(parent.id())) {
                parent = null; // cycle guard
            }
        }
        data.addItem(parent, u);
        added.add(u.id());
    }

    private void showMembers() {
        Optional<OrgUnit> unit = selected();
        memberPanel.setVisible(unit.isPresent());
        unit.ifPresent(u -> s.run(() -> members.setItems(org.members(s.caller(), u.id(), Boolean.TRUE.equals(currentOnly.getValue())))));
    }

    private void openForm(OrgUnit existing, OrgUnit parentSuggestion) {
        TextField name = new TextField(s.t("field.name"));
        name.setId("orgunit-name");
        name.setMaxLength(100);
        ComboBox<OrgUnitType> type = new ComboBox<>(s.t("field.type"), List.of(OrgUnitType.values()));
        type.setItemCaptionGenerator(t -> s.core(t.messageKey()));
        type.setEmptySelectionAllowed(false);
        ComboBox<OrgUnit> parent = new ComboBox<>(s.t("field.parent"));
        parent.setItemCaptionGenerator(OrgUnit::name);
        TextField sortOrder = new TextField(s.t("field.sortOrder"));
        ComboBox<Office> office = s.officeBox(offices, s.t("field.office"));
        office.setEmptySelectionAllowed(false);
        String officeCode = existing != null ? existing.officeCode()
                : parentSuggestion != null ? parentSuggestion.officeCode()
                : officeCode() != null ? officeCode() : s.caller().officeCode();
        office.setValue(offices.find(officeCode).orElse(null));
        office.setEnabled(existing == null && parentSuggestion == null && s.caller().writesAllOffices());
        Runnable parents = () -> {
            String oc = office.getValue() == null ? officeCode : office.getValue().code();
            parent.setItems(units.stream().filter(u -> u.officeCode().equals(oc))
                    .filter(u -> existing == null || !u.id().equals(existing.id())).toList());
        };
        parents.run();
        office.addValueChangeListener(e -> parents.run());
        if (existing != null) {
            name.setValue(existing.name());
            type.setValue(existing.type());
            sortOrder.setValue(String.valueOf(existing.sortOrder()));
            units.stream().filter(u -> u.id().equals(existing.parentId())).findFirst().ifPresent(parent::setValue);
        } else if (parentSuggestion != null) {
            parent.setValue(parentSuggestion);
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("parentId", parent);
        fields.put("sortOrder", sortOrder);
        fields.put("officeCode", office);

        Button save = new Button(s.t("action.save"));
        save.setId("orgunit-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(office, name, type, parent, sortOrder, s.buttons(save, cancel));
        form.setMargin(true);
        form.setWidth("460px");
        Window w = s.dialog(s.t(existing == null ? "orgunits.new" : "orgunits.edit"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setComponentError(null));
            boolean bad = false;
            if (name.getValue().isBlank()) {
                name.setComponentError(new UserError(s.t("validation.required")));
                bad = true;
            }
            if (type.getValue() == null) {
                type.setComponentError(new UserError(s.t("validation.required")));
                bad = true;
            }
            Integer order = null;
            if (!sortOrder.getValue().isBlank()) {
                try {
                    order = Integer.valueOf(sortOrder.getValue().strip());
                } catch (NumberFormatException ex) {
                    sortOrder.setComponentError(new UserError(s.t("validation.number")));
                    bad = true;
                }
            }
            if (bad) {
                return;
            }
            OrgUnitDraft draft = new OrgUnitDraft(office.getValue() == null ? officeCode : office.getValue().code(),
                    parent.getValue() == null ? null : parent.getValue().id(), type.getValue(), name.getValue().strip(), order);
            if (s.save(() -> {
                if (existing == null) {
                    org.create(s.caller(), draft);
                } else {
                    org.update(s.caller(), existing.id(), existing.meta().version(), draft);
                }
            }, fields)) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                reload();
            }
        });
    }

    private void openAddMember(OrgUnit unit) {
        ComboBox<Person> person = new ComboBox<>(s.t("field.person"));
        person.setId("member-person");
        person.setPlaceholder(s.t("orgunits.searchPerson"));
        person.setItemCaptionGenerator(p -> p.staffNo() == null ? p.name() : p.name() + " (" + p.staffNo() + ")");
        person.setDataProvider(DataProvider.<Person, String>fromFilteringCallbacks(
                q -> people.find(s.caller(), query(unit, q.getFilter().orElse(null)),
                        new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE,
                        people.find(s.caller(), query(unit, q.getFilter().orElse(null)), new PageRequest(0, 1)).total())));
        person.setWidth("100%");
        ComboBox<Post> post = new ComboBox<>(s.t("field.post"), List.of(Post.values()));
        post.setItemCaptionGenerator(p -> s.core(p.messageKey()));
        post.setEmptySelectionAllowed(false);
        post.setValue(Post.MEMBER);
        DateField since = new DateField(s.t("field.since"), LocalDate.now());
        since.setDateFormat("yyyy-MM-dd");
        Map<String, AbstractComponent> fields = Map.of("personId", person, "post", post, "since", since);
        Button save = new Button(s.t("action.save"));
        save.setId("member-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(new Label(unit.name()), person, post, since, s.buttons(save, cancel));
        form.setMargin(true);
        form.setWidth("460px");
        Window w = s.dialog(s.t("orgunits.addMember"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setComponentError(null));
            if (person.getValue() == null || post.getValue() == null || since.getValue() == null) {
                (person.getValue() == null ? person : post.getValue() == null ? post : since)
                        .setComponentError(new UserError(s.t("validation.required")));
                return;
            }
            if (s.save(() -> org.addMember(s.caller(), unit.id(), person.getValue().id(), post.getValue(), since.getValue()),
                    fields)) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                showMembers();
            }
        });
    }

    private static PersonQuery query(OrgUnit unit, String text) {
        return new PersonQuery(unit.officeCode(), AdminSupport.blankToNull(text), null, null, Boolean.TRUE);
    }
}
