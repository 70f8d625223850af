package cn.gannan.hpf.modules.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.modules.api.ModulePlan;

@Command(scope = "hpf", name = "module-disable", description = "Disables a module, keeping its data: shows the dry run, then applies it")
@Service
public class ModuleDisableCommand extends ModuleAction {

    @Option(name = "--dry-run", description = "Only show what would be done")
    boolean dryRun;

    @Argument(required = true, description = "Module id, e.g. meetings-ui")
    @Completion(ModuleIdCompleter.class)
    String id;

    @Override
    protected Object run(Caller caller) {
        ModulePlan plan = modules.planDisable(caller, id);
        System.out.println("Disable " + id + ":");
        print(plan);
        if (!dryRun) {
            long t0 = System.nanoTime();
            modules.disable(caller, id);
            System.out.printf("Disabled %s in %.1f s%n", id, (System.nanoTime() - t0) / 1e9);
        }
        return null;
    }
}
