package cn.gannan.hpf.fleet.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModuleService;
import cn.gannan.hpf.modules.api.ModuleState;

public class ModuleManagementEnabledModulesTest {

    private static ModuleInfo module(String id, ModuleState state, boolean desired) {
        return new ModuleInfo(id, "hpf-" + id, "0.1.0", id, id, null, null, state, null, desired, List.of(), List.of(),
                null, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.Function<Object[], Object> answer, String method) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer.apply(args);
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    public void theDesiredSetIsReportedAsTheNodeSeesItWithTheNodesOwnOffice() {
        List<Caller> callers = new java.util.ArrayList<>();
        ModuleService modules = fake(ModuleService.class, args -> {
            callers.add((Caller) args[0]);
            return List.of(module("meetings", ModuleState.ENABLED, true), module("meetings-ui", ModuleState.ENABLED, true),
                    // chosen by the office but failing after an update: still the office's choice
                    module("talks", ModuleState.FAILED, true),
                    // installed by hand outside module management: not the office's choice
                    module("rooms", ModuleState.ENABLED, false), module("elections", ModuleState.DISABLED, false));
        }, "catalogue");
        OfficeService offices = fake(OfficeService.class, args -> new Office("GN03", "卓尼县管理部", "Zhuoni", false),
                "current");
        assertEquals(Set.of("meetings", "meetings-ui", "talks"),
                new ModuleManagementEnabledModules(modules, offices).enabledModules());
        assertEquals("GN03", callers.get(0).officeCode());
    }

    @Test
    public void settlingWhileModuleManagementReconciles() {
        boolean[] reconciling = { true };
        List<Caller> callers = new java.util.ArrayList<>();
        ModuleService modules = fake(ModuleService.class, args -> {
            callers.add((Caller) args[0]);
            return reconciling[0];
        }, "reconciling");
        OfficeService offices = fake(OfficeService.class, args -> new Office("GN03", "卓尼县管理部", "Zhuoni", false),
                "current");
        ModuleManagementEnabledModules enabled = new ModuleManagementEnabledModules(modules, offices);
        assertTrue(enabled.settling());
        reconciling[0] = false;
        assertFalse(enabled.settling());
        assertEquals("GN03", callers.get(0).officeCode());
    }
}
