package cn.gannan.hpf.shell.ui.internal.admin;

import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.ui.internal.Texts;

/** The shell's own admin pages take their texts from the shell's bundle. */
abstract class ShellAdminPage implements AdminPage {

    @Override
    public String messagesBaseName() {
        return Texts.BASE_NAME;
    }

    @Override
    public ClassLoader messagesLoader() {
        return ShellAdminPage.class.getClassLoader();
    }
}
