package cn.gannan.hpf.shell.ui.internal.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Migrations.MigrationRecord;

/**
 * 数据库迁移: each module's applied schema versions; a module whose latest script failed is listed first, in
 * red, with the error, because that module did not activate.
 */
final class MigrationsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    MigrationsView(AdminSupport s, Migrations migrations) {
        s.caller().requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
        setId("admin-migrations");
        setWidth("100%");
        Label title = new Label(s.t("admin.migrations.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        Label summary = new Label();
        summary.setId("migrations-summary");
        Label failures = new Label("", ContentMode.TEXT);
        failures.setId("migrations-failures");
        failures.addStyleName(ValoTheme.LABEL_FAILURE);
        failures.setWidth("100%");

        Grid<MigrationRecord> grid = new Grid<>();
        grid.setId("migrations-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(MigrationRecord::module).setCaption(s.t("field.module"));
        grid.addColumn(MigrationRecord::version).setCaption(s.t("field.version"));
        grid.addColumn(MigrationRecord::description).setCaption(s.t("field.description"));
        grid.addColumn(r -> s.time(r.appliedAt())).setCaption(s.t("field.time"));
        grid.addColumn(r -> s.t(r.success() ? "migrations.ok" : "migrations.failed")).setCaption(s.t("field.status"))
                .setStyleGenerator(r -> r.success() ? null : "hpf-failed");
        grid.addColumn(r -> r.error() == null ? "" : r.error()).setCaption(s.t("field.error"))
                .setDescriptionGenerator(r -> r.error());

        Button refresh = new Button(s.t("action.refresh"), VaadinIcons.REFRESH);
        refresh.setId("migrations-refresh");
        Runnable load = () -> {
            List<MigrationRecord> all = migrations.history();
            List<String> broken = brokenModules(all);
            List<MigrationRecord> rows = new ArrayList<>(all);
            rows.sort(Comparator.comparing((MigrationRecord r) -> !broken.contains(r.module()))
                    .thenComparing(MigrationRecord::module).thenComparing(MigrationRecord::version));
            grid.setItems(rows);
            long modules = all.stream().map(MigrationRecord::module).distinct().count();
            long applied = all.stream().filter(MigrationRecord::success).count();
            summary.setValue(s.t("admin.migrations.summary", modules, applied, broken.size()));
            failures.setVisible(!broken.isEmpty());
            failures.setValue(broken.isEmpty() ? "" : s.t("admin.migrations.broken", String.join("、", broken)));
        };
        refresh.addClickListener(e -> s.run(load));
        load.run();
        addComponents(title, summary, failures, refresh, grid);
    }

    /** Modules whose most recent recorded script failed (a later success of the same version repairs it). */
    static List<String> brokenModules(List<MigrationRecord> records) {
        Map<String, MigrationRecord> latest = new TreeMap<>();
        for (MigrationRecord r : records) {
            MigrationRecord seen = latest.get(r.module());
            if (seen == null || later(r, seen)) {
                latest.put(r.module(), r);
            }
        }
        Set<String> broken = new LinkedHashSet<>();
        latest.values().stream().filter(r -> !r.success()).forEach(r -> broken.add(r.module()));
        return new ArrayList<>(broken);
    }

    private static boolean later(MigrationRecord a, MigrationRecord b) {
        if (a.appliedAt() != null && b.appliedAt() != null && !a.appliedAt().equals(b.appliedAt())) {
            return a.appliedAt().isAfter(b.appliedAt());
        }
        return a.version() > b.version() || a.version() == b.version() && a.success() && !b.success();
    }
}
