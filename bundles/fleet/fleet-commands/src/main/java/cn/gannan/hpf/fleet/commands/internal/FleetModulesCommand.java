package cn.gannan.hpf.fleet.commands.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.FleetService;

@Command(scope = "hpf", name = "fleet-modules", description = "Sets the modules a county office should run (centre); 'office' hands the choice back")
@Service
public class FleetModulesCommand extends FleetAction {

    @Reference(optional = true)
    FleetService fleet;

    @Argument(index = 0, required = true, description = "County office code, e.g. GN03")
    String office;

    @Argument(index = 1, required = true, description = "Module ids separated by commas (e.g. meetings-ui,talks-ui), 'none', or 'office'")
    String modules;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(fleet);
        List<String> ids = "office".equals(modules) ? null : "none".equals(modules) ? List.of()
                : Arrays.stream(modules.split(",")).map(String::strip).toList();
        fleet.setDesiredModules(caller, office, ids);
        System.out.println(office + ": " + list(fleet.office(caller, office).desiredModules()));
        return null;
    }
}
