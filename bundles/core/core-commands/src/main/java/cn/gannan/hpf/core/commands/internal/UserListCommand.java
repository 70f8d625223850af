package cn.gannan.hpf.core.commands.internal;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.commands.HpfAction;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "hpf", name = "user-list", description = "Lists user accounts")
@Service
public class UserListCommand extends HpfAction {

    @Option(name = "--office", description = "Office code, e.g. GN01")
    String office;

    @Option(name = "--limit", description = "Most rows to show")
    int limit = 100;

    @Argument(description = "Part of the username or display name")
    String text;

    @Override
    protected Object run(Caller caller) {
        Page<UserAccount> page = users.find(caller, office, text, new PageRequest(0, limit));
        System.out.printf("%-20s %-16s %-6s %-8s %-7s %s%n", "USERNAME", "NAME", "OFFICE", "ENABLED", "LOCKED", "ROLES");
        java.time.Instant now = java.time.Instant.now();
        for (UserAccount u : page.items()) {
            System.out.printf("%-20s %-16s %-6s %-8s %-7s %s%n", u.username(), u.displayName(), u.officeCode(),
                    u.enabled() ? "yes" : "no", u.lockedAt(now) ? "yes" : "no", u.roles());
        }
        System.out.printf("%d of %d%n", page.items().size(), page.total());
        return null;
    }
}
