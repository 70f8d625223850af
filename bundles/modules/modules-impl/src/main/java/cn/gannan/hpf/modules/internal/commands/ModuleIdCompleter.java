package cn.gannan.hpf.modules.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.modules.api.ModuleService;

/** Completes module ids. */
@Service
public class ModuleIdCompleter implements Completer {

    @Reference
    ModuleService modules;

    @Reference
    OfficeService offices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        modules.catalogue(Caller.system(offices.current().code())).forEach(m -> ids.getStrings().add(m.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
