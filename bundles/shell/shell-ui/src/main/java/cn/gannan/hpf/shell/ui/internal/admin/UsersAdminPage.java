package cn.gannan.hpf.shell.ui.internal.admin;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 用户与角色: accounts, roles and passwords. */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-users",
        ShellConstants.TITLE + "=admin.users.title",
        ShellConstants.ICON + "=USER_CARD",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=30",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN" })
public class UsersAdminPage extends ShellAdminPage {

    @Reference
    private UserService users;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new UsersView(new AdminSupport(context), users, offices);
    }
}
