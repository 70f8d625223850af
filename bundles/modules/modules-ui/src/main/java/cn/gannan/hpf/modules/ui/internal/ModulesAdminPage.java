package cn.gannan.hpf.modules.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.modules.api.ModuleService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 模块管理: the modules of this office node; office admins enable and disable them after a dry run. */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-modules",
        ShellConstants.TITLE + "=modules.title",
        ShellConstants.ICON + "=PACKAGE",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=5",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR" })
public class ModulesAdminPage implements AdminPage {

    static final String BASE_NAME = "cn.gannan.hpf.modules.ui.internal.Messages";

    @Reference
    private ModuleService modules;

    @Override
    public String messagesBaseName() {
        return BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new ModulesView(context, modules);
    }
}
