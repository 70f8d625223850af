package cn.gannan.hpf.shell.ui.internal.admin;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 人员管理: the staff directory. */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-people",
        ShellConstants.TITLE + "=admin.people.title",
        ShellConstants.ICON + "=USERS",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=10",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN" })
public class PeopleAdminPage extends ShellAdminPage {

    @Reference
    private PersonService people;
    @Reference
    private OrgService org;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new PeopleView(new AdminSupport(context), people, org, offices);
    }
}
