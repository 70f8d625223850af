package cn.gannan.hpf.core.commands.internal;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.commands.HpfAction;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "hpf", name = "user-reset-password", description = "Sets a new password for a user and clears a lock-out")
@Service
public class UserResetPasswordCommand extends HpfAction {

    @Argument(index = 0, name = "username", required = true)
    String username;

    @Option(name = "--password", description = "New password (asked for when omitted)", censor = true)
    String password;

    @Reference
    Session session;

    @Override
    protected Object run(Caller caller) throws Exception {
        char[] pw = Passwords.obtain(session, password);
        if (pw == null) {
            return null;
        }
        UserAccount u = users.resetPassword(caller, username, pw);
        System.out.printf("Password of %s reset; the account is unlocked.%n", u.username());
        return null;
    }
}
