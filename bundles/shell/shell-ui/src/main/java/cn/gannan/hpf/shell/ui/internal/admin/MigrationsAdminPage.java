package cn.gannan.hpf.shell.ui.internal.admin;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 数据库迁移: every module's schema versions, and why a module's migration failed. */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-migrations",
        ShellConstants.TITLE + "=admin.migrations.title",
        ShellConstants.ICON + "=DATABASE",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=50",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR" })
public class MigrationsAdminPage extends ShellAdminPage {

    @Reference
    private Migrations migrations;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new MigrationsView(new AdminSupport(context), migrations);
    }
}
