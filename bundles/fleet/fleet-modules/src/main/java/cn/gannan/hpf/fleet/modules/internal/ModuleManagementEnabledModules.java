package cn.gannan.hpf.fleet.modules.internal;

import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.fleet.spi.EnabledModules;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModuleService;

/**
 * The office's enabled modules as module management keeps them: the desired set (what the office chose), so a
 * module that failed to start after an update is still reported and kept. Ranked above the agent's fallback
 * (its installed features).
 */
@Component(property = "service.ranking:Integer=100")
public class ModuleManagementEnabledModules implements EnabledModules {

    private final ModuleService modules;
    private final OfficeService offices;

    @Activate
    public ModuleManagementEnabledModules(@Reference ModuleService modules, @Reference OfficeService offices) {
        this.modules = modules;
        this.offices = offices;
    }

    /** While module management reconciles the office's modules (after the node's start), they may not all run yet. */
    @Override
    public boolean settling() {
        return modules.reconciling(Caller.system(offices.current().code()));
    }

    @Override
    public Set<String> enabledModules() {
        Set<String> out = new TreeSet<>();
        for (ModuleInfo m : modules.catalogue(Caller.system(offices.current().code()))) {
            if (m.desired()) {
                out.add(m.id());
            }
        }
        return out;
    }
}
