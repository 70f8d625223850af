package cn.gannan.hpf.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleState;

/** The module graph, plans, refusals, desired set, reconciliation and audit trail on a fake node and store. */
public class ModuleServiceImplTest {

    static final Caller ADMIN = new Caller("u1", "demo.admin", "管理员", "GN01", EnumSet.of(Role.OFFICE_ADMIN));
    static final Caller STAFF = new Caller("u2", "demo.staff", "职员", "GN01", EnumSet.of(Role.STAFF));
    static final Caller AUDITOR = new Caller("u3", "demo.auditor", "审计", "GN00", EnumSet.of(Role.AUDITOR));

    FakeNode node;
    FakeStore store;
    FakeData data;
    ModuleServiceImpl service;

    @Before
    public void setUp() {
        node = new FakeNode();
        node.add("hpf-sample", "hpf.module;hpf.module=sample;name.zh=\"示例\";tables=SAMPLE_", List.of("hpf-core"),
                List.of("file:/sample.jar"));
        node.add("hpf-sample-ui", "hpf.module;hpf.module=sample-ui;name.zh=\"示例界面\"",
                List.of("hpf-sample", "hpf-shell"), List.of("file:/sample-ui.jar"));
        node.add("hpf-docs", "hpf.module;hpf.module=docs;name.zh=\"文书打印\"", List.of("hpf-core-api"),
                List.of("mvn:cn.gannan.hpf/core-docs/1"));
        store = new FakeStore();
        data = new FakeData();
        Map<String, List<String>> profiles = new LinkedHashMap<>();
        profiles.put("county-standard", List.of("sample-ui", "meetings"));
        profiles.put("central", List.of("docs"));
        service = new ModuleServiceImpl(node, store, data, profiles, "county-standard", Duration.ZERO, Duration.ZERO,
                millis -> { });
    }

    @Test
    public void catalogueListsModulesAfterWhatTheyRequire() {
        List<ModuleInfo> all = service.catalogue(ADMIN);
        assertEquals(List.of("docs", "sample", "sample-ui"), all.stream().map(ModuleInfo::id).toList());
        ModuleInfo ui = service.module(ADMIN, "sample-ui");
        assertEquals(List.of("sample"), ui.requires());
        assertEquals(List.of("sample-ui"), service.module(ADMIN, "sample").requiredBy());
        assertEquals(ModuleState.DISABLED, ui.state());
        assertEquals("示例界面", ui.name(Locale.SIMPLIFIED_CHINESE));
        assertEquals("falls back to the Chinese name", "示例界面", ui.name(Locale.ENGLISH));
    }

    @Test
    public void readingNeedsAnAdministratorOrAuditorAndChangesTheOfficeAdmin() {
        assertEquals(3, service.catalogue(AUDITOR).size());
        assertThrows(AccessDeniedException.class, () -> service.catalogue(STAFF));
        assertThrows(AccessDeniedException.class, () -> service.enable(AUDITOR, "docs"));
        assertThrows(AccessDeniedException.class, () -> service.planEnable(STAFF, "docs"));
        assertTrue("nothing installed by a refused call", node.installed.isEmpty());
        assertTrue(store.audit.isEmpty());
    }

    @Test
    public void dryRunChangesNothingAndListsWhatItWouldDo() {
        ModulePlan plan = service.planEnable(ADMIN, "sample-ui");
        assertEquals(List.of("sample", "sample-ui"), plan.enable());
        assertEquals(List.of("file:/sample.jar", "file:/sample-ui.jar"), plan.install());
        assertEquals(List.of(), plan.refresh());
        assertTrue(node.installed.isEmpty());
        assertFalse(store.load().isPresent());
    }

    @Test
    public void enableInstallsTheModuleAndWhatItRequiresStoresAndAudits() {
        service.enable(ADMIN, "sample-ui");
        assertEquals(List.of(Set.of("hpf-sample", "hpf-sample-ui")), node.installCalls);
        assertEquals(Map.of("sample", "hpf-sample", "sample-ui", "hpf-sample-ui"), store.load().get());
        assertEquals(List.of("demo.admin sample false->true (enable sample-ui)",
                "demo.admin sample-ui false->true (enable sample-ui)"), store.audit);
        assertEquals(ModuleState.ENABLED, service.module(ADMIN, "sample-ui").state());
        assertTrue(service.planEnable(ADMIN, "sample-ui").isEmpty());
    }

    @Test
    public void disablingARequiredModuleIsRefusedWithTheNames() {
        service.enable(ADMIN, "sample-ui");
        ValidationException e = assertThrows(ValidationException.class, () -> service.disable(ADMIN, "sample"));
        String zh = e.localized(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh, zh.contains("示例（sample）") && zh.contains("示例界面（sample-ui）"));
        assertTrue(e.localized(Locale.ENGLISH), e.localized(Locale.ENGLISH).contains("need it"));
        assertTrue(node.uninstallCalls.isEmpty());
        assertTrue(store.load().get().containsKey("sample"));
        // the dependent first, then the module
        service.disable(ADMIN, "sample-ui");
        service.disable(ADMIN, "sample");
        assertEquals(List.of(Set.of("hpf-sample-ui"), Set.of("hpf-sample")), node.uninstallCalls);
        assertEquals(Map.of(), store.load().get());
        assertEquals("demo.admin sample true->false (disable sample)", store.audit.get(store.audit.size() - 1));
    }

    @Test
    public void unknownModuleIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.enable(ADMIN, "nope"));
        assertThrows(NotFoundException.class, () -> service.module(ADMIN, null));
    }

    @Test
    public void aModuleThatFailsToStartIsReportedWithItsReasonAndStaysDesired() {
        node.failing.put("hpf-docs", "bundle cn.gannan.hpf.core-docs is RESOLVED (not started)");
        HpfException e = assertThrows(HpfException.class, () -> service.enable(ADMIN, "docs"));
        assertTrue(e.getMessage(), e.getMessage().contains("RESOLVED"));
        ModuleInfo docs = service.module(ADMIN, "docs");
        assertEquals(ModuleState.FAILED, docs.state());
        assertTrue(docs.failure().contains("RESOLVED"));
        assertTrue("kept in the desired set so a restart retries it", docs.desired());
    }

    @Test
    public void installErrorIsolatesTheFailingModule() {
        node.installErrors.put("hpf-sample-ui", "Unable to resolve hpf-sample-ui: missing requirement");
        assertThrows(HpfException.class, () -> service.enable(ADMIN, "sample-ui"));
        assertEquals(ModuleState.ENABLED, service.module(ADMIN, "sample").state());
        ModuleInfo ui = service.module(ADMIN, "sample-ui");
        assertEquals(ModuleState.FAILED, ui.state());
        assertTrue(ui.failure(), ui.failure().contains("missing requirement"));
    }

    @Test
    public void firstStartAppliesTheProfileAndListsUnavailableModules() {
        List<ModuleInfo> failed = service.reconcile(Caller.system("GN01"));
        assertEquals(List.of(), failed);
        assertEquals(Set.of("sample", "sample-ui"), store.load().get().keySet());
        assertTrue(node.installed.containsAll(Set.of("hpf-sample", "hpf-sample-ui")));
        assertEquals(Optional.of("county-standard"), store.marker(ModuleServiceImpl.MARKER_PROFILE));
        assertEquals(List.of("meetings"), service.profiles(ADMIN).get(0).unavailable());
        // later starts do not apply the profile again
        service.disable(ADMIN, "sample-ui");
        service.reconcile(Caller.system("GN01"));
        assertFalse(node.installed.contains("hpf-sample-ui"));
    }

    @Test
    public void reconcileRepairsACrashBetweenStoringAndInstalling() {
        // the desired set says docs, but the node crashed before installing it
        store.save(ADMIN, Map.of("docs", "hpf-docs"), "enable docs");
        node.installed.add("hpf-sample"); // and a disable of sample crashed before uninstalling it
        assertEquals(ModuleState.FAILED, service.module(ADMIN, "docs").state());
        List<ModuleInfo> failed = service.reconcile(Caller.system("GN01"));
        assertEquals(List.of(), failed);
        assertTrue(node.installed.contains("hpf-docs"));
        assertFalse(node.installed.contains("hpf-sample"));
        assertEquals(ModuleState.ENABLED, service.module(ADMIN, "docs").state());
    }

    @Test
    public void reconcileReportsModulesThatFail() {
        store.save(ADMIN, Map.of("docs", "hpf-docs", "gone", "hpf-gone"), "enable");
        node.failing.put("hpf-docs", "component PdfServiceImpl failed: no font");
        List<ModuleInfo> failed = service.reconcile(Caller.system("GN01"));
        assertEquals(1, failed.size());
        assertEquals("docs", failed.get(0).id());
        assertTrue(failed.get(0).failure().contains("no font"));
    }

    @Test
    public void reconcileStartsBundlesLeftInstalledByACrashDuringAnInstall() {
        // the node stopped after installing docs' bundles but before starting them
        store.save(ADMIN, Map.of("docs", "hpf-docs"), "enable docs");
        node.installed.add("hpf-docs");
        node.failing.put("hpf-docs", "bundle cn.gannan.hpf.core-docs is RESOLVED (not started)");
        node.healOnStart = true;
        List<ModuleInfo> failed = service.reconcile(Caller.system("GN01"));
        assertEquals(List.of(), failed);
        assertEquals(List.of("hpf-docs"), node.startCalls);
        assertEquals("already installed: not installed again", List.of(), node.installCalls);
        assertEquals(ModuleState.ENABLED, service.module(ADMIN, "docs").state());
    }

    @Test
    public void reconcileGivesModulesTimeToComeUpBeforeReportingThem() {
        List<Long> slept = new ArrayList<>();
        service = new ModuleServiceImpl(node, store, data, Map.of(), null, Duration.ofSeconds(120), Duration.ZERO,
                slept::add);
        store.save(ADMIN, Map.of("docs", "hpf-docs"), "enable docs");
        node.installed.add("hpf-docs");
        // components wait for the database for three polls, then run
        node.failing.put("hpf-docs", "component PdfServiceImpl lacks db");
        node.healAfterPolls = 3;
        assertEquals(List.of(), service.reconcile(Caller.system("GN01")));
        assertEquals(3, slept.size());
        assertEquals(ModuleState.ENABLED, service.module(ADMIN, "docs").state());
    }

    @Test
    public void reconcilingIsTrueFromTheScheduledStartUntilTheModulesHaveSettled() {
        List<Boolean> whileWaiting = new ArrayList<>();
        ModuleServiceImpl[] self = new ModuleServiceImpl[1];
        self[0] = new ModuleServiceImpl(node, store, data, Map.of(), null, Duration.ofSeconds(120), Duration.ZERO,
                millis -> whileWaiting.add(self[0].reconciling(AUDITOR)));
        service = self[0];
        store.save(ADMIN, Map.of("docs", "hpf-docs"), "enable docs");
        node.installed.add("hpf-docs");
        node.failing.put("hpf-docs", "component PdfServiceImpl lacks db");
        node.healAfterPolls = 2;
        assertFalse(service.reconciling(AUDITOR));
        service.startupScheduled();
        assertTrue("scheduled at activation, before the background thread runs", service.reconciling(AUDITOR));
        assertEquals(List.of(), service.startupReconcile(Caller.system("GN01")));
        assertEquals(List.of(true, true), whileWaiting);
        assertFalse("settled", service.reconciling(AUDITOR));

        // an admin's reconcile counts too, and a failing one ends as well
        node.failing.put("hpf-docs", "component PdfServiceImpl lacks db");
        node.healAfterPolls = -1;
        service = new ModuleServiceImpl(node, store, data, Map.of(), null, Duration.ofMillis(200), Duration.ZERO,
                millis -> Thread.sleep(millis));
        assertEquals(1, service.reconcile(ADMIN).size());
        assertFalse(service.reconciling(ADMIN));
        assertThrows(AccessDeniedException.class, () -> service.reconciling(STAFF));
    }

    @Test
    public void reconcileReportsAModuleThatDoesNotComeUpInTime() {
        service = new ModuleServiceImpl(node, store, data, Map.of(), null, Duration.ofMillis(300), Duration.ZERO,
                millis -> Thread.sleep(millis));
        store.save(ADMIN, Map.of("docs", "hpf-docs"), "enable docs");
        node.installed.add("hpf-docs");
        node.failing.put("hpf-docs", "component PdfServiceImpl lacks db");
        List<ModuleInfo> failed = service.reconcile(Caller.system("GN01"));
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).failure(), failed.get(0).failure().contains("lacks db"));
    }

    @Test
    public void profilePlanEnablesAndDisablesToMatch() {
        service.enable(ADMIN, "sample-ui");
        ModulePlan plan = service.planProfile(ADMIN, "central");
        assertEquals(List.of("docs"), plan.enable());
        assertEquals("dependents first", List.of("sample-ui", "sample"), plan.disable());
        service.applyProfile(ADMIN, "central");
        assertEquals(Set.of("hpf-docs"), node.installed);
        assertEquals(Set.of("docs"), store.load().get().keySet());
        assertThrows(NotFoundException.class, () -> service.planProfile(ADMIN, "nope"));
    }

    @Test
    public void purgeNeedsADisabledModuleAnExportAfterDisablingAndTheIdTypedAgain() {
        service.enable(ADMIN, "sample");
        assertThrows(ValidationException.class, () -> service.purgeData(ADMIN, "sample", "sample"));
        service.exportData(ADMIN, "sample");
        service.disable(ADMIN, "sample");
        ValidationException notExported = assertThrows(ValidationException.class,
                () -> service.purgeData(ADMIN, "sample", "sample"));
        assertTrue(notExported.localized(Locale.ENGLISH).contains("exported"));
        service.exportData(ADMIN, "sample");
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> service.purgeData(ADMIN, "sample", "smaple"));
        assertTrue(wrong.fieldErrors().containsKey("confirm"));
        assertEquals(0, data.purged);
        assertEquals(List.of("SAMPLE_T"), service.purgeData(ADMIN, "sample", "sample"));
        assertEquals(1, data.purged);
        assertThrows("a second purge needs a new export", ValidationException.class,
                () -> service.purgeData(ADMIN, "sample", "sample"));
        assertThrows("no data of its own", ValidationException.class, () -> service.exportData(ADMIN, "docs"));
    }

    // ---------------------------------------------------------------- fakes

    static final class FakeNode implements Node {
        final List<ModuleFeature> features = new ArrayList<>();
        final Map<String, List<String>> bundles = new HashMap<>();
        final Set<String> installed = new HashSet<>();
        final Map<String, String> failing = new HashMap<>();
        final Map<String, String> installErrors = new HashMap<>();
        final List<Set<String>> installCalls = new ArrayList<>();
        final List<Set<String>> uninstallCalls = new ArrayList<>();

        void add(String feature, String capability, List<String> deps, List<String> locations) {
            features.add(new ModuleFeature(feature, "1.0.0", ModuleCapability.find(List.of(capability)).get(), deps));
            bundles.put(feature, locations);
        }

        @Override
        public List<ModuleFeature> moduleFeatures() {
            return features;
        }

        @Override
        public boolean installed(String feature) {
            return installed.contains(feature);
        }

        @Override
        public List<String> bundlesToInstall(String feature) {
            return installed.contains(feature) ? List.of() : bundles.get(feature);
        }

        @Override
        public List<String> bundlesToRemove(String feature, Set<String> alsoRemoved) {
            return bundles.get(feature);
        }

        boolean healOnStart;
        int healAfterPolls = -1;
        int polls;

        @Override
        public String failure(String feature) {
            if (healAfterPolls >= 0 && failing.containsKey(feature) && polls++ >= healAfterPolls) {
                failing.remove(feature);
            }
            return failing.get(feature);
        }

        final List<String> startCalls = new ArrayList<>();

        @Override
        public void start(String feature) {
            startCalls.add(feature);
            if (healOnStart) {
                failing.remove(feature);
            }
        }

        @Override
        public void install(Set<String> names) throws Exception {
            installCalls.add(Set.copyOf(names));
            for (String n : names) {
                if (installErrors.containsKey(n)) {
                    throw new Exception("Error installing", new IllegalStateException(installErrors.get(n)));
                }
            }
            installed.addAll(names);
        }

        @Override
        public void uninstall(Set<String> names) {
            uninstallCalls.add(Set.copyOf(names));
            installed.removeAll(names);
        }
    }

    static final class FakeStore implements DesiredStore {
        Map<String, String> desired;
        final Map<String, String> markers = new HashMap<>();
        final List<String> audit = new ArrayList<>();

        @Override
        public Optional<Map<String, String>> load() {
            return Optional.ofNullable(desired).map(LinkedHashMap::new);
        }

        @Override
        public void save(Caller caller, Map<String, String> next, String reason) {
            Map<String, String> old = desired == null ? Map.of() : desired;
            old.keySet().stream().filter(k -> !next.containsKey(k)).sorted()
                    .forEach(k -> audit.add(caller.username() + " " + k + " true->false (" + reason + ")"));
            next.keySet().stream().filter(k -> !old.containsKey(k)).sorted()
                    .forEach(k -> audit.add(caller.username() + " " + k + " false->true (" + reason + ")"));
            desired = new LinkedHashMap<>(next);
        }

        @Override
        public Optional<String> marker(String name) {
            return Optional.ofNullable(markers.get(name));
        }

        @Override
        public void setMarker(Caller caller, String name, String value) {
            if (value == null) {
                markers.remove(name);
            } else {
                markers.put(name, value);
            }
        }
    }

    static final class FakeData implements ModuleData {
        int purged;

        @Override
        public ModuleExport export(Caller caller, ModuleInfo module) {
            return new ModuleExport(module.id(), "x.zip", new byte[0], 1, 0);
        }

        @Override
        public List<String> purge(Caller caller, ModuleInfo module) {
            purged++;
            return List.of("SAMPLE_T");
        }
    }

    @Test
    public void failureIsNullWhenRunning() {
        service.enable(ADMIN, "docs");
        assertNull(service.module(ADMIN, "docs").failure());
    }
}
