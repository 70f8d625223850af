package cn.gannan.hpf.shell.ui.internal.admin;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.api.UserService;

/** 用户与角色: accounts, roles, passwords, unlock. */
final class UsersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient AdminSupport s;
    private final transient UserService users;
    private final transient OfficeService offices;
    private final Grid<UserAccount> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<UserAccount, Void, String[]> provider;

    UsersView(AdminSupport s, UserService users, OfficeService offices) {
        this.s = s;
        this.users = users;
        this.offices = offices;
        setId("admin-users");
        setWidth("100%");
        Label title = new Label(s.t("admin.users.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        ComboBox<Office> office = s.officeFilter(offices);
        TextField text = new TextField();
        text.setPlaceholder(s.t("filter.text"));
        // filter: {officeCode, text}
        DataProvider<UserAccount, String[]> dp = DataProvider.fromFilteringCallbacks(
                q -> {
                    String[] f = q.getFilter().orElse(new String[2]);
                    return users.find(s.caller(), f[0], f[1], new PageRequest(q.getOffset(), q.getLimit())).items().stream();
                },
                q -> {
                    String[] f = q.getFilter().orElse(new String[2]);
                    return (int) Math.min(Integer.MAX_VALUE, users.find(s.caller(), f[0], f[1], new PageRequest(0, 1)).total());
                });
        provider = dp.withConfigurableFilter();
        Runnable refresh = () -> provider.setFilter(new String[] {
                office == null ? null : AdminSupport.code(office.getSelectedItem()), AdminSupport.blankToNull(text.getValue()) });
        text.addValueChangeListener(e -> refresh.run());
        HorizontalLayout filters = new HorizontalLayout();
        if (office != null) {
            office.addValueChangeListener(e -> refresh.run());
            filters.addComponent(office);
        }
        filters.addComponent(text);

        grid.setId("users-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(UserAccount::username).setCaption(s.t("field.username"));
        grid.addColumn(UserAccount::displayName).setCaption(s.t("field.displayName"));
        grid.addColumn(u -> s.officeName(offices, u.officeCode())).setCaption(s.t("field.office"));
        grid.addColumn(u -> s.labels(u.roles(), Role::messageKey)).setCaption(s.t("field.roles"));
        grid.addColumn(u -> s.t(u.enabled() ? "value.enabled" : "value.disabled")).setCaption(s.t("field.enabled"));
        grid.addColumn(u -> u.lockedAt(Instant.now()) ? s.t("value.locked") : "").setCaption(s.t("field.locked"));
        grid.addColumn(u -> s.time(u.lastLoginAt())).setCaption(s.t("field.lastLogin"));
        grid.setDataProvider(provider);

        Button add = new Button(s.t("action.new"), VaadinIcons.PLUS);
        add.setId("users-new");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        add.addClickListener(e -> openForm(null));
        Button edit = new Button(s.t("action.edit"), VaadinIcons.EDIT);
        edit.setId("users-edit");
        edit.addClickListener(e -> selected().ifPresent(this::openForm));
        Button reset = new Button(s.t("users.resetPassword"), VaadinIcons.KEY);
        reset.setId("users-reset");
        reset.addClickListener(e -> selected().ifPresent(this::openReset));
        Button unlock = new Button(s.t("users.unlock"), VaadinIcons.UNLOCK);
        unlock.setId("users-unlock");
        unlock.addClickListener(e -> selected().ifPresent(u -> {
            if (s.run(() -> users.unlock(s.caller(), u.id()))) {
                s.ctx().notifySuccess(s.t("msg.saved"));
                provider.refreshAll();
            }
        }));
        for (Button b : new Button[] { edit, reset, unlock }) {
            b.setEnabled(false);
            grid.addSelectionListener(e -> b.setEnabled(e.getFirstSelectedItem().isPresent()));
        }
        addComponents(title, filters, s.buttons(add, edit, reset, unlock), grid);
        refresh.run();
    }

    private Optional<UserAccount> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    /** Roles this caller may grant: the central ones only by a central admin. */
    private Set<Role> grantable() {
        Set<Role> roles = EnumSet.allOf(Role.class);
        if (!s.caller().has(Role.CENTRAL_ADMIN)) {
            roles.remove(Role.CENTRAL_ADMIN);
            roles.remove(Role.AUDITOR);
        }
        return roles;
    }

    private void openForm(UserAccount existing) {
        boolean create = existing == null;
        TextField username = new TextField(s.t("field.username"));
        username.setId("user-username");
        TextField displayName = new TextField(s.t("field.displayName"));
        ComboBox<Office> office = s.officeBox(offices, s.t("field.office"));
        office.setEmptySelectionAllowed(false);
        CheckBoxGroup<Role> roles = new CheckBoxGroup<>(s.t("field.roles"));
        Set<Role> offered = grantable();
        if (existing != null) {
            offered.addAll(existing.roles());
        }
        roles.setItems(List.copyOf(offered));
        roles.setItemCaptionGenerator(r -> s.core(r.messageKey()));
        CheckBox enabled = new CheckBox(s.t("field.enabled"), true);
        PasswordField pw1 = new PasswordField(s.t("field.password"));
        PasswordField pw2 = new PasswordField(s.t("field.passwordRepeat"));
        if (create) {
            office.setValue(offices.find(s.caller().officeCode()).orElse(null));
            office.setEnabled(s.caller().writesAllOffices());
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName() == null ? "" : existing.displayName());
            office.setValue(offices.find(existing.officeCode()).orElse(null));
            office.setEnabled(false);
            roles.setValue(existing.roles());
            enabled.setValue(existing.enabled());
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("officeCode", office);
        fields.put("roles", roles);
        fields.put("password", pw1);
        fields.put("initialPassword", pw1);

        Button save = new Button(s.t("action.save"));
        save.setId("user-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(username, displayName, office, roles, enabled);
        if (create) {
            form.addComponents(pw1, pw2);
        }
        form.addComponent(s.buttons(save, cancel));
        form.setMargin(true);
        form.setWidth("460px");
        Window w = s.dialog(s.t(create ? "users.new" : "users.edit"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setComponentError(null));
            pw2.setComponentError(null);
            boolean bad = false;
            if (username.getValue().isBlank()) {
                username.setComponentError(new UserError(s.t("validation.required")));
                bad = true;
            }
            if (roles.getValue().isEmpty()) {
                roles.setComponentError(new UserError(s.t("validation.roles")));
                bad = true;
            }
            if (create && pw1.getValue().isEmpty()) {
                pw1.setComponentError(new UserError(s.t("validation.required")));
                bad = true;
            } else if (create && !pw1.getValue().equals(pw2.getValue())) {
                pw2.setComponentError(new UserError(s.t("validation.passwordMismatch")));
                bad = true;
            }
            if (bad) {
                return;
            }
            UserDraft draft = new UserDraft(username.getValue().strip(), AdminSupport.blankToNull(displayName.getValue()),
                    office.getValue() == null ? s.caller().officeCode() : office.getValue().code(),
                    existing == null ? null : existing.personId(), Set.copyOf(roles.getValue()), enabled.getValue());
            boolean ok = s.save(() -> {
                if (create) {
                    users.create(s.caller(), draft, pw1.getValue().toCharArray());
                } else {
                    users.update(s.caller(), existing.id(), existing.meta().version(), draft);
                }
            }, fields);
            if (ok) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                provider.refreshAll();
            }
        });
    }

    private void openReset(UserAccount u) {
        PasswordField pw1 = new PasswordField(s.t("field.password"));
        pw1.setId("reset-password");
        PasswordField pw2 = new PasswordField(s.t("field.passwordRepeat"));
        pw2.setId("reset-password-repeat");
        Button save = new Button(s.t("action.save"));
        save.setId("reset-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(s.t("action.cancel"));
        FormLayout form = new FormLayout(new Label(u.username()), pw1, pw2, s.buttons(save, cancel));
        form.setMargin(true);
        Window w = s.dialog(s.t("users.resetPassword"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            pw2.setComponentError(null);
            if (pw1.getValue().isEmpty() || !pw1.getValue().equals(pw2.getValue())) {
                pw2.setComponentError(new UserError(s.t("validation.passwordMismatch")));
                return;
            }
            if (s.save(() -> users.resetPassword(s.caller(), u.username(), pw1.getValue().toCharArray()),
                    Map.of("password", pw1, "newPassword", pw1))) {
                w.close();
                s.ctx().notifySuccess(s.t("msg.saved"));
                provider.refreshAll();
            }
        });
    }
}
