package cn.gannan.hpf.modules.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleProfile;

@Command(scope = "hpf", name = "module-profile", description = "Lists the module profiles, or applies one (dry run first)")
@Service
public class ModuleProfileCommand extends ModuleAction {

    @Option(name = "--dry-run", description = "Only show what would be done")
    boolean dryRun;

    @Argument(description = "Profile id, e.g. county-standard; none lists the profiles")
    String id;

    @Override
    protected Object run(Caller caller) {
        if (id == null) {
            for (ModuleProfile p : modules.profiles(caller)) {
                System.out.printf("%-18s modules: %s%s%n", p.id(), String.join(", ", p.modules()),
                        p.unavailable().isEmpty() ? "" : "  (unavailable here: " + String.join(", ", p.unavailable()) + ")");
            }
            return null;
        }
        ModulePlan plan = modules.planProfile(caller, id);
        System.out.println("Profile " + id + ":");
        print(plan);
        if (!dryRun) {
            modules.applyProfile(caller, id);
            System.out.println("Applied profile " + id);
        }
        return null;
    }
}
