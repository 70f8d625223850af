package cn.gannan.hpf.shell.ui.internal.admin;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 组织机构: the org tree and its members. */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-orgunits",
        ShellConstants.TITLE + "=admin.orgunits.title",
        ShellConstants.ICON + "=SITEMAP",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=20",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN" })
public class OrgUnitsAdminPage extends ShellAdminPage {

    @Reference
    private OrgService org;
    @Reference
    private PersonService people;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new OrgUnitsView(new AdminSupport(context), org, people, offices);
    }
}
