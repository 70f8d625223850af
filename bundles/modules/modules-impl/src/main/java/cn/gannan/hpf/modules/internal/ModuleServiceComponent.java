package cn.gannan.hpf.modules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleProfile;
import cn.gannan.hpf.modules.api.ModuleService;

/**
 * The {@link ModuleService} of the node: migrates its tables, waits for Karaf's boot to finish, then reconciles
 * the node with the stored desired module set in the background. Configuration {@code cn.gannan.hpf.modules}:
 * {@code profile} (applied at first start only, when no desired set is stored yet) and
 * {@code profile.<id> = module, module, …} (the presets).
 */
@Component(service = ModuleService.class, configurationPid = "cn.gannan.hpf.modules", immediate = true)
public class ModuleServiceComponent implements ModuleService {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleServiceComponent.class);

    private final ModuleServiceImpl impl;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hpf-modules-reconcile");
        t.setDaemon(true);
        return t;
    });
    private final String office;

    @Activate
    public ModuleServiceComponent(@Reference FeaturesService features, @Reference Database db,
            @Reference Migrations migrations, @Reference OfficeService offices, @Reference BootFinished bootFinished,
            @Reference ServiceComponentRuntime scr, BundleContext context, Map<String, Object> config) {
        migrations.migrate("modules", ModuleServiceComponent.class, "db/modules");
        office = offices.current().code();
        impl = new ModuleServiceImpl(new KarafNode(features, context, scr, migrations), new DbDesiredStore(db, office),
                new DbModuleData(db, office), profiles(config), string(config.get("profile")));
        impl.startupScheduled();
        background.submit(() -> {
            try {
                impl.startupReconcile(Caller.system(office));
            } catch (RuntimeException e) {
                LOG.error("Reconciling the modules with the desired set failed", e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    static Map<String, List<String>> profiles(Map<String, Object> config) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        config.keySet().stream().sorted().filter(k -> k.startsWith("profile.")).forEach(k -> {
            List<String> ids = new ArrayList<>();
            Arrays.stream(string(config.get(k)).split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(ids::add);
            out.put(k.substring("profile.".length()), ids);
        });
        return out;
    }

    private static String string(Object o) {
        if (o instanceof String[] a) {
            return String.join(",", a);
        }
        return o == null ? "" : o.toString();
    }

    @Override
    public List<ModuleInfo> catalogue(Caller caller) {
        return impl.catalogue(caller);
    }

    @Override
    public ModuleInfo module(Caller caller, String id) {
        return impl.module(caller, id);
    }

    @Override
    public ModulePlan planEnable(Caller caller, String id) {
        return impl.planEnable(caller, id);
    }

    @Override
    public ModulePlan planDisable(Caller caller, String id) {
        return impl.planDisable(caller, id);
    }

    @Override
    public ModulePlan enable(Caller caller, String id) {
        return impl.enable(caller, id);
    }

    @Override
    public ModulePlan disable(Caller caller, String id) {
        return impl.disable(caller, id);
    }

    @Override
    public List<ModuleProfile> profiles(Caller caller) {
        return impl.profiles(caller);
    }

    @Override
    public ModulePlan planProfile(Caller caller, String profileId) {
        return impl.planProfile(caller, profileId);
    }

    @Override
    public ModulePlan applyProfile(Caller caller, String profileId) {
        return impl.applyProfile(caller, profileId);
    }

    @Override
    public ModuleExport exportData(Caller caller, String id) {
        return impl.exportData(caller, id);
    }

    @Override
    public List<String> purgeData(Caller caller, String id, String confirmation) {
        return impl.purgeData(caller, id, confirmation);
    }

    @Override
    public List<ModuleInfo> reconcile(Caller caller) {
        return impl.reconcile(caller);
    }

    @Override
    public boolean reconciling(Caller caller) {
        return impl.reconciling(caller);
    }
}
