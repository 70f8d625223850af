package cn.gannan.hpf.core.commands.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.commands.HpfAction;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "hpf", name = "user-create", description = "Creates a user account")
@Service
public class UserCreateCommand extends HpfAction {

    @Argument(index = 0, name = "username", required = true, description = "Login name, 3-32 letters, digits, . - _")
    String username;

    @Argument(index = 1, name = "displayName", required = true, description = "Name shown in the UI")
    String displayName;

    @Option(name = "--office", description = "Office code (default: this node's office)")
    String office;

    @Option(name = "--role", multiValued = true, required = true,
            description = "STAFF, BRANCH_SECRETARY, LEADER, OFFICE_ADMIN, CENTRAL_ADMIN or AUDITOR; repeat for several")
    List<String> roles;

    @Option(name = "--password", description = "Initial password (asked for when omitted)", censor = true)
    String password;

    @Reference
    Session session;

    @Override
    protected Object run(Caller caller) throws Exception {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String r : roles) {
            try {
                set.add(Role.valueOf(r.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                System.err.println("Error: unknown role " + r);
                return null;
            }
        }
        char[] pw = Passwords.obtain(session, password);
        if (pw == null) {
            return null;
        }
        UserAccount u = users.create(caller, new UserDraft(username, displayName,
                office != null ? office : offices.current().code(), null, set, true), pw);
        System.out.printf("Created %s (%s) at %s with roles %s%n", u.username(), u.displayName(), u.officeCode(), u.roles());
        return null;
    }
}
