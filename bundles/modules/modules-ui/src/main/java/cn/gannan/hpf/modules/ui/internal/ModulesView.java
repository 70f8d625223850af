package cn.gannan.hpf.modules.ui.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleProfile;
import cn.gannan.hpf.modules.api.ModuleService;
import cn.gannan.hpf.modules.api.ModuleState;
import cn.gannan.hpf.shell.api.ViewContext;

/**
 * 模块管理: the catalogue with states and failure reasons; enable, disable and profiles go through a dry-run
 * dialog the admin confirms; export downloads the data; purge asks twice (the second time the module id).
 */
final class ModulesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final ViewContext ctx;
    private final ModuleService modules;
    private final boolean admin;
    private final Grid<ModuleInfo> grid = new Grid<>();
    private final Label summary = new Label();
    private final Label failures = new Label("", ContentMode.PREFORMATTED);

    ModulesView(ViewContext ctx, ModuleService modules) {
        this.ctx = ctx;
        this.modules = modules;
        ctx.caller().requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
        this.admin = ctx.caller().has(Role.OFFICE_ADMIN);
        setId("admin-modules");
        setWidth("100%");
        Label title = new Label(t("modules.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        summary.setId("modules-summary");
        failures.setId("modules-failures");
        failures.addStyleName(ValoTheme.LABEL_FAILURE);
        failures.setWidth("100%");

        grid.setId("modules-grid");
        grid.setWidth("100%");
        grid.addColumn(m -> m.name(ctx.locale())).setCaption(t("field.name")).setId("name");
        grid.addColumn(ModuleInfo::id).setCaption(t("field.id"));
        grid.addColumn(ModuleInfo::version).setCaption(t("field.version"));
        grid.addColumn(m -> t(m.state().messageKey())).setCaption(t("field.state")).setId("state")
                .setStyleGenerator(m -> m.state() == ModuleState.FAILED ? "hpf-failed" : null);
        grid.addColumn(m -> String.join("、", m.requires())).setCaption(t("field.requires"));
        grid.addColumn(m -> m.description(ctx.locale())).setCaption(t("field.description"))
                .setDescriptionGenerator(m -> m.description(ctx.locale()));
        grid.addColumn(m -> m.failure() == null ? "" : m.failure()).setCaption(t("field.failure"))
                .setDescriptionGenerator(ModuleInfo::failure);
        if (admin) {
            // right after the name and the state: what the admin acts on is in view without scrolling sideways
            grid.addComponentColumn(this::actions).setCaption(t("field.actions")).setWidth(330).setId("actions");
            grid.setColumnOrder("name", "state", "actions");
        }

        Button refresh = new Button(t("action.refresh"), VaadinIcons.REFRESH);
        refresh.setId("modules-refresh");
        refresh.addClickListener(e -> safely(this::load));
        HorizontalLayout tools = new HorizontalLayout(refresh);
        if (admin) {
            ComboBox<ModuleProfile> profile = new ComboBox<>(t("field.profile"));
            profile.setId("modules-profile");
            profile.setEmptySelectionAllowed(false);
            profile.setItemCaptionGenerator(p -> t(p.messageKey()) + " (" + p.id() + ")");
            safely(() -> profile.setItems(modules.profiles(ctx.caller())));
            Button apply = new Button(t("action.applyProfile"), VaadinIcons.CHECK_SQUARE_O);
            apply.setId("modules-profile-apply");
            apply.addClickListener(e -> {
                if (profile.getValue() == null) {
                    ctx.notifySuccess(t("modules.profile.choose"));
                    return;
                }
                String pid = profile.getValue().id();
                safely(() -> confirmPlan(t("modules.plan.profile", t(profile.getValue().messageKey())),
                        modules.planProfile(ctx.caller(), pid), () -> modules.applyProfile(ctx.caller(), pid)));
            });
            tools.addComponents(profile, apply);
            tools.setComponentAlignment(refresh, com.vaadin.ui.Alignment.BOTTOM_LEFT);
            tools.setComponentAlignment(apply, com.vaadin.ui.Alignment.BOTTOM_LEFT);
        }
        Label empty = new Label(t("modules.empty"));
        empty.setId("modules-empty");
        addComponents(title, summary, failures, tools, grid, empty);
        safely(this::load);
        empty.setVisible(grid.getDataCommunicator().getDataProviderSize() == 0);
    }

    private HorizontalLayout actions(ModuleInfo m) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(true);
        if (m.state() == ModuleState.DISABLED || m.state() == ModuleState.FAILED && !m.desired()) {
            Button enable = small(t("action.enable"), "module-enable-" + m.id());
            enable.addStyleName(ValoTheme.BUTTON_PRIMARY);
            enable.addClickListener(e -> safely(() -> confirmPlan(t("modules.plan.enable", m.name(ctx.locale())),
                    modules.planEnable(ctx.caller(), m.id()), () -> modules.enable(ctx.caller(), m.id()))));
            row.addComponent(enable);
        } else {
            if (m.state() == ModuleState.FAILED) {
                Button retry = small(t("action.retry"), "module-retry-" + m.id());
                retry.addClickListener(e -> safely(() -> confirmPlan(t("modules.plan.enable", m.name(ctx.locale())),
                        modules.planEnable(ctx.caller(), m.id()), () -> modules.enable(ctx.caller(), m.id()))));
                row.addComponent(retry);
            }
            Button disable = small(t("action.disable"), "module-disable-" + m.id());
            disable.addClickListener(e -> safely(() -> confirmPlan(t("modules.plan.disable", m.name(ctx.locale())),
                    modules.planDisable(ctx.caller(), m.id()), () -> modules.disable(ctx.caller(), m.id()))));
            row.addComponent(disable);
        }
        if (m.tables() != null) {
            Button export = small(t("action.export"), "module-export-" + m.id());
            StreamResource file = new StreamResource(() -> {
                ModuleExport x = modules.exportData(ctx.caller(), m.id());
                return new ByteArrayInputStream(x.zip());
            }, "hpf-" + m.id() + "-data.zip");
            file.setMIMEType("application/zip");
            file.setCacheTime(0);
            new FileDownloader(file).extend(export);
            row.addComponent(export);
            if (m.state() == ModuleState.DISABLED && !m.desired()) {
                Button purge = small(t("action.purge"), "module-purge-" + m.id());
                purge.addStyleName(ValoTheme.BUTTON_DANGER);
                purge.addClickListener(e -> confirmPurge(m));
                row.addComponent(purge);
            }
        }
        return row;
    }

    private static Button small(String caption, String id) {
        Button b = new Button(caption);
        b.setId(id);
        b.addStyleName(ValoTheme.BUTTON_SMALL);
        return b;
    }

    private void load() {
        List<ModuleInfo> all = modules.catalogue(ctx.caller());
        grid.setItems(all);
        // every module visible without scrolling inside the grid (a node has a handful to a few dozen)
        grid.setHeightByRows(Math.max(1, all.size()));
        long enabled = all.stream().filter(m -> m.state() == ModuleState.ENABLED).count();
        List<ModuleInfo> failed = all.stream().filter(m -> m.state() == ModuleState.FAILED).collect(Collectors.toList());
        summary.setValue(t("modules.summary", all.size(), enabled, failed.size()));
        failures.setVisible(!failed.isEmpty());
        failures.setValue(failed.stream().map(m -> t("modules.failed", m.name(ctx.locale()), m.failure()))
                .collect(Collectors.joining("\n")));
    }

    /** Shows the dry run; the admin confirms or cancels. */
    private void confirmPlan(String title, ModulePlan plan, Runnable apply) {
        Window w = new Window(title);
        w.setId("modules-plan-dialog");
        w.setModal(true);
        w.setWidth("640px");
        VerticalLayout body = new VerticalLayout();
        Label text = new Label(planText(plan), ContentMode.PREFORMATTED);
        text.setId("modules-plan");
        text.setWidth("100%");
        Button ok = new Button(t("action.confirm"), VaadinIcons.CHECK);
        ok.setId("modules-plan-confirm");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        ok.setEnabled(!plan.isEmpty());
        Button cancel = new Button(t("action.cancel"));
        cancel.setId("modules-plan-cancel");
        cancel.addClickListener(e -> w.close());
        ok.addClickListener(e -> {
            w.close();
            try {
                apply.run();
                ctx.notifySuccess(t("modules.applied"));
            } catch (RuntimeException ex) {
                ctx.showError(ex);
            }
            safely(this::load);
        });
        body.addComponents(text, new HorizontalLayout(ok, cancel));
        w.setContent(body);
        UI.getCurrent().addWindow(w);
    }

    String planText(ModulePlan p) {
        StringBuilder sb = new StringBuilder();
        section(sb, "modules.plan.toEnable", p.enable());
        section(sb, "modules.plan.toDisable", p.disable());
        section(sb, "modules.plan.install", p.install());
        section(sb, "modules.plan.start", p.start());
        section(sb, "modules.plan.stop", p.stop());
        sb.append(t("modules.plan.refresh")).append(' ')
                .append(p.refresh().isEmpty() ? t("modules.plan.none") : String.join(", ", p.refresh())).append('\n');
        if (!p.unavailable().isEmpty()) {
            section(sb, "modules.plan.unavailable", p.unavailable());
        }
        if (p.isEmpty()) {
            sb.append(t("modules.plan.nothing"));
        }
        return sb.toString();
    }

    private void section(StringBuilder sb, String key, List<String> items) {
        if (!items.isEmpty()) {
            sb.append(t(key)).append('\n');
            items.forEach(i -> sb.append("  • ").append(i).append('\n'));
        }
    }

    /** First confirmation, then the module id typed again. */
    private void confirmPurge(ModuleInfo m) {
        Window first = new Window(t("modules.purge.title", m.name(ctx.locale())));
        first.setId("modules-purge-dialog");
        first.setModal(true);
        first.setWidth("520px");
        Label warn = new Label(t("modules.purge.warning", m.name(ctx.locale()), m.tables()));
        warn.setWidth("100%");
        Button next = new Button(t("action.purgeContinue"));
        next.setId("modules-purge-continue");
        next.addStyleName(ValoTheme.BUTTON_DANGER);
        Button cancel = new Button(t("action.cancel"));
        cancel.addClickListener(e -> first.close());
        next.addClickListener(e -> {
            first.close();
            Window second = new Window(t("modules.purge.title", m.name(ctx.locale())));
            second.setId("modules-purge-confirm-dialog");
            second.setModal(true);
            second.setWidth("520px");
            TextField typed = new TextField(t("modules.purge.type", m.id()));
            typed.setId("modules-purge-id");
            Button purge = new Button(t("action.purge"));
            purge.setId("modules-purge-confirm");
            purge.addStyleName(ValoTheme.BUTTON_DANGER);
            Button cancel2 = new Button(t("action.cancel"));
            cancel2.addClickListener(x -> second.close());
            purge.addClickListener(x -> {
                try {
                    List<String> dropped = modules.purgeData(ctx.caller(), m.id(), typed.getValue());
                    second.close();
                    ctx.notifySuccess(t("modules.purged", m.name(ctx.locale()), String.join(", ", dropped)));
                    safely(this::load);
                } catch (RuntimeException ex) {
                    ctx.showError(ex);
                }
            });
            second.setContent(new VerticalLayout(typed, new HorizontalLayout(purge, cancel2)));
            UI.getCurrent().addWindow(second);
        });
        first.setContent(new VerticalLayout(warn, new HorizontalLayout(next, cancel)));
        UI.getCurrent().addWindow(first);
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            ctx.showError(e);
        }
    }

    private String t(String key, Object... args) {
        return ctx.msg(key, args);
    }
}
