package cn.gannan.hpf.shell.ui.internal.admin;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditService;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 审计日志: the audit log. */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-audit",
        ShellConstants.TITLE + "=admin.audit.title",
        ShellConstants.ICON + "=RECORDS",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=40",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR" })
public class AuditAdminPage extends ShellAdminPage {

    @Reference
    private AuditService audit;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new AuditView(new AdminSupport(context), audit, offices);
    }
}
