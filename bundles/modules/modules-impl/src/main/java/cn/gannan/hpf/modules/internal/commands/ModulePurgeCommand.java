package cn.gannan.hpf.modules.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;

@Command(scope = "hpf", name = "module-purge", description = "Removes a disabled module's data (after hpf:module-export); --confirm must repeat the id")
@Service
public class ModulePurgeCommand extends ModuleAction {

    @Option(name = "--confirm", description = "The module id again, to confirm", required = true)
    String confirm;

    @Argument(required = true, description = "Module id")
    @Completion(ModuleIdCompleter.class)
    String id;

    @Override
    protected Object run(Caller caller) {
        System.out.println("Dropped tables: " + modules.purgeData(caller, id, confirm));
        return null;
    }
}
