package cn.gannan.hpf.modules.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.modules.api.ModulePlan;

@Command(scope = "hpf", name = "module-enable", description = "Enables a module (and what it requires): shows the dry run, then applies it")
@Service
public class ModuleEnableCommand extends ModuleAction {

    @Option(name = "--dry-run", description = "Only show what would be done")
    boolean dryRun;

    @Argument(required = true, description = "Module id, e.g. meetings-ui")
    @Completion(ModuleIdCompleter.class)
    String id;

    @Override
    protected Object run(Caller caller) {
        ModulePlan plan = modules.planEnable(caller, id);
        System.out.println("Enable " + id + ":");
        print(plan);
        if (!dryRun) {
            long t0 = System.nanoTime();
            modules.enable(caller, id);
            System.out.printf("Enabled %s in %.1f s: %s%n", id, (System.nanoTime() - t0) / 1e9,
                    modules.module(caller, id).state());
        }
        return null;
    }
}
