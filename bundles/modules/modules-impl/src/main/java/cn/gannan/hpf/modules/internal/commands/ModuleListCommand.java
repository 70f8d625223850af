package cn.gannan.hpf.modules.internal.commands;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.modules.api.ModuleInfo;

@Command(scope = "hpf", name = "module-list", description = "Lists the modules of this node with their state")
@Service
public class ModuleListCommand extends ModuleAction {

    @Override
    protected Object run(Caller caller) {
        System.out.printf("%-16s %-9s %-7s %-20s %-12s %s%n", "ID", "STATE", "DESIRED", "FEATURE", "VERSION",
                "NAME / REQUIRES");
        for (ModuleInfo m : modules.catalogue(caller)) {
            System.out.printf("%-16s %-9s %-7s %-20s %-12s %s%s%n", m.id(), m.state(), m.desired() ? "yes" : "no",
                    m.feature(), m.version(), m.name(locale()),
                    m.requires().isEmpty() ? "" : " (requires " + String.join(", ", m.requires()) + ")");
            if (m.failure() != null) {
                System.out.println("    failure: " + m.failure());
            }
        }
        return null;
    }
}
