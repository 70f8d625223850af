package cn.gannan.hpf.itests.modules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Services;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.Http.Resp;
import cn.gannan.hpf.itests.support.JaxRs;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleService;
import cn.gannan.hpf.modules.api.ModuleState;

/**
 * Module management on the booted distribution, with the test-only sample modules ({@link SampleModules}) and
 * the real hpf-docs: enable, disable, re-enable with the data intact, refusal on a dependency, a failing module
 * reported with its reason, export and purge, the JSON API and its access rules. Every change records bundle
 * events: no bundle outside the module may stop, be unresolved (refreshed) or start.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModulesIT {

    static final String REPO_PROPERTY = "hpf.test.samples.repo";
    static final Caller ADMIN = new Caller(null, "demo.admin", "单位管理员", "GN01", EnumSet.of(Role.OFFICE_ADMIN));
    static final String ADMIN_HTTP = Http.demo("demo.admin");

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    FeaturesService injectedFeatures; // waits for it; use Services.features(context)

    @Inject
    @Filter(timeout = 60_000)
    ModuleService modules;

    @Inject
    @Filter(timeout = 60_000)
    Database db;

    @Inject
    @Filter(timeout = 60_000)
    Migrations migrations;

    @Configuration
    public Option[] config() throws Exception {
        // runs in the test driver: the sample jars are built from the test classes here
        Path repo = SampleModules.write(Path.of(System.getProperty("project.build.directory", "target"))
                .resolve("sample-modules").toAbsolutePath());
        return Exam.distribution("modules",
                editConfigurationFilePut("etc/system.properties", REPO_PROPERTY, repo.toUri().toString()));
    }

    @Before
    public void samplesKnown() throws Exception {
        URI repo = URI.create(System.getProperty(REPO_PROPERTY));
        if (Services.features(context).getRepository(repo) == null) {
            Services.features(context).addRepository(repo);
        }
        assertEquals("", Await.until("the hpf boot features", () -> Exam.notInstalled(Services.features(context),
                List.of("hpf-core", "hpf-shell", "hpf-rest", "hpf-modules", "hpf-modules-ui"))));
        assertEquals("", Await.until("every bundle ACTIVE", () -> Exam.badBundles(context)));
        assertEquals("", Await.until("/api/modules to answer", () -> {
            Resp r = Exam.http().get("/api/modules", ADMIN_HTTP);
            return r.status == 200 ? "" : r.toString();
        }));
    }

    @After
    public void leaveDisabled() {
        for (String id : List.of("sample-ui", "sample", "broken", "rooms", "meetings-ui", "meetings", "docs")) {
            ModuleInfo m = modules.module(ADMIN, id);
            if (m.state() != ModuleState.DISABLED || m.desired()) {
                modules.disable(ADMIN, id);
            }
        }
    }

    @Test
    public void catalogueComesFromFeatureCapabilities() {
        Map<String, ModuleInfo> all = modules.catalogue(ADMIN).stream()
                .collect(Collectors.toMap(ModuleInfo::id, m -> m, (a, b) -> a, TreeMap::new));
        assertTrue("catalogue: " + all.keySet(), all.keySet().containsAll(Set.of("sample", "sample-ui", "broken", "docs")));
        ModuleInfo ui = all.get("sample-ui");
        assertEquals("hpf-sample-ui", ui.feature());
        assertEquals("1.0.0", ui.version());
        assertEquals(List.of("sample"), ui.requires());
        assertEquals("示例界面", ui.name(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Sample UI", ui.name(Locale.ENGLISH));
        assertEquals(List.of("sample-ui"), all.get("sample").requiredBy());
        assertEquals(ModuleState.DISABLED, all.get("docs").state());
        assertEquals("文书打印", all.get("docs").nameZh());
        // the business modules of the distribution are in the catalogue, and the profiles name them
        assertTrue("catalogue: " + all.keySet(), all.keySet().containsAll(Set.of("meetings", "meetings-ui", "talks",
                "talks-ui", "rooms", "rooms-ui", "elections", "elections-ui", "counter", "counter-ui")));
        assertEquals(List.of("meetings"), all.get("meetings-ui").requires());
        assertEquals("会议纪要", all.get("meetings").nameZh());
        assertTrue(modules.profiles(ADMIN).stream().anyMatch(p -> p.id().equals("county-standard")
                && p.modules().contains("counter-ui") && p.unavailable().isEmpty()));
    }

    @Test
    public void enableDisableReenableKeepsDataAndRestartsNothingOutside() throws Exception {
        ModulePlan plan = modules.planEnable(ADMIN, "sample-ui");
        assertEquals(List.of("sample", "sample-ui"), plan.enable());
        assertEquals(plan.toString(), 2, plan.install().size());
        assertTrue(plan.install().get(0), plan.install().get(0).endsWith("sample-alpha.jar"));
        assertEquals(List.of(), plan.refresh());
        assertEquals("a dry run changes nothing", ModuleState.DISABLED, modules.module(ADMIN, "sample").state());

        long auditedBefore = sampleAudits();
        List<String> outside = record(() -> modules.enable(ADMIN, "sample-ui"), "alpha", "beta");
        assertEquals("bundle events outside the module while enabling", List.of(), outside);
        assertEquals(ModuleState.ENABLED, modules.module(ADMIN, "sample").state());
        assertEquals(ModuleState.ENABLED, modules.module(ADMIN, "sample-ui").state());
        assertTrue(modules.module(ADMIN, "sample").desired());
        assertEquals("", Await.until("the sample views", () -> views().containsAll(List.of("sample-alpha", "sample-beta")) ? ""
                : "views: " + views()));

        // refused: another enabled module needs it; the message names both
        ValidationException refused = expectThrown(ValidationException.class, () -> modules.disable(ADMIN, "sample"));
        String zh = refused.localized(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh, zh.contains("示例模块（sample）") && zh.contains("示例界面（sample-ui）"));
        assertEquals(ModuleState.ENABLED, modules.module(ADMIN, "sample").state());

        db.tx(ADMIN, tx -> tx.update("INSERT INTO SAMPLE_ALPHA (ID) VALUES (?)", "row-kept-1"));

        outside = record(() -> {
            modules.disable(ADMIN, "sample-ui");
            modules.disable(ADMIN, "sample");
        }, "alpha", "beta");
        assertEquals("bundle events outside the module while disabling", List.of(), outside);
        assertEquals(ModuleState.DISABLED, modules.module(ADMIN, "sample").state());
        assertFalse("sample bundle still installed", bundleIds().contains("alpha"));
        assertEquals("", Await.until("the sample views to go", () -> views().contains("sample-alpha") ? "views: " + views() : ""));
        assertEquals("data kept while disabled", 1L, rows("SAMPLE_ALPHA"));

        outside = record(() -> modules.enable(ADMIN, "sample"), "alpha");
        assertEquals("bundle events outside the module while re-enabling", List.of(), outside);
        assertEquals(ModuleState.ENABLED, modules.module(ADMIN, "sample").state());
        assertEquals("data intact after re-enabling", 1L, rows("SAMPLE_ALPHA"));

        // audit: who, what, from what to what
        assertEquals("sample enabled, disabled, enabled", 3L, sampleAudits() - auditedBefore);
    }

    @Test
    public void realBusinessModulesComeAndGoWithTheirDataAndLinks() throws Exception {
        Http api = Exam.http();
        String secretary = Http.demo("demo.secretary");
        ModulePlan plan = modules.planEnable(ADMIN, "meetings-ui");
        assertTrue(plan.toString(), plan.enable().containsAll(List.of("meetings", "meetings-ui")));
        assertEquals(List.of(), plan.refresh());

        List<String> outside = record(() -> modules.enable(ADMIN, "meetings-ui"), "meetings", "core-docs");
        assertEquals("bundle events outside the meeting register while enabling", List.of(), outside);
        assertEquals(ModuleState.ENABLED, modules.module(ADMIN, "meetings").state());
        assertEquals("", Await.until("/api/meetings", () -> api.get("/api/meetings", secretary).status == 200 ? "" : "no API"));
        assertEquals("", JaxRs.settled(context));
        assertEquals("", Await.until("the meetings views", () -> views().stream().anyMatch(v -> v.startsWith("meetings"))
                ? "" : "views: " + views()));
        // demo data loads once in the background
        assertEquals("", Await.until("the meetings demo data", () -> rows("MTG_MEETING") > 0 ? "" : "no meetings yet"));
        db.tx(ADMIN, tx -> tx.update("UPDATE MTG_MEETING SET UPDATED_BY = 'kept-by-modules-it' WHERE ID = "
                + "(SELECT MIN(ID) FROM MTG_MEETING)"));
        long meetings = rows("MTG_MEETING");

        // the rooms module links to the meeting register when both are enabled (a conditional bundle)
        outside = record(() -> modules.enable(ADMIN, "rooms"), "rooms");
        assertEquals("bundle events outside the rooms module while enabling it next to meetings", List.of(), outside);
        assertTrue("the rooms-meetings link installed", bsns().contains("cn.gannan.hpf.rooms-meetings"));
        outside = record(() -> modules.disable(ADMIN, "rooms"), "rooms");
        assertEquals("bundle events outside the rooms module while disabling it", List.of(), outside);
        assertFalse("the rooms-meetings link gone", bsns().contains("cn.gannan.hpf.rooms-meetings"));

        outside = record(() -> {
            modules.disable(ADMIN, "meetings-ui");
            modules.disable(ADMIN, "meetings");
        }, "meetings");
        assertEquals("bundle events outside the meeting register while disabling", List.of(), outside);
        assertEquals("", Await.until("/api/meetings to go", () -> api.get("/api/meetings", secretary).status == 404 ? "" : "still there"));
        assertEquals("", Await.until("the meetings views to go", () -> views().stream().anyMatch(v -> v.startsWith("meetings"))
                ? "views: " + views() : ""));

        modules.enable(ADMIN, "meetings");
        assertEquals("", Await.until("/api/meetings again", () -> api.get("/api/meetings", secretary).status == 200 ? "" : "no API"));
        assertEquals("every meeting is still there", meetings, rows("MTG_MEETING"));
        assertEquals("the edited meeting is still there", 1L, (long) db.read(ADMIN, tx -> tx.count(
                "SELECT COUNT(*) FROM MTG_MEETING WHERE UPDATED_BY = 'kept-by-modules-it'")));
        modules.disable(ADMIN, "meetings");
        assertEquals("", Exam.badBundles(context));
    }

    @Test
    public void exportThenPurgeWithConfirmationAndReenableRecreatesTheSchema() throws Exception {
        modules.enable(ADMIN, "sample");
        db.tx(ADMIN, tx -> tx.update("INSERT INTO SAMPLE_ALPHA (ID) VALUES (?)", "row-export-1"));
        expectThrown("purge of an enabled module", ValidationException.class,
                () -> modules.purgeData(ADMIN, "sample", "sample"));
        modules.disable(ADMIN, "sample");
        expectThrown("purge without an export after disabling", ValidationException.class,
                () -> modules.purgeData(ADMIN, "sample", "sample"));

        ModuleExport export = modules.exportData(ADMIN, "sample");
        Map<String, String> files = unzip(export.zip());
        assertTrue(files.keySet().toString(), files.containsKey("SAMPLE_ALPHA.csv"));
        assertTrue(files.get("SAMPLE_ALPHA.csv"), files.get("SAMPLE_ALPHA.csv").contains("\"row-export-1\""));

        expectThrown("wrong confirmation", ValidationException.class,
                () -> modules.purgeData(ADMIN, "sample", "sample-ui"));
        assertEquals(List.of("SAMPLE_ALPHA"), modules.purgeData(ADMIN, "sample", "sample"));
        assertEquals(0L, (long) db.read(ADMIN, tx -> tx.count(
                "SELECT COUNT(*) FROM HPF_SCHEMA_HISTORY WHERE MODULE_ID = 'alpha'")));
        assertEquals(1L, (long) db.read(ADMIN, tx -> tx.count("SELECT COUNT(*) FROM HPF_AUDIT WHERE MODULE_ID = 'modules'"
                + " AND ENTITY = 'module-data' AND ENTITY_ID = 'sample' AND AUDIT_ACTION = 'DELETE'")));

        modules.enable(ADMIN, "sample");
        assertEquals("schema recreated, empty", 0L, rows("SAMPLE_ALPHA"));
    }

    @Test
    public void aModuleThatFailsToStartIsReportedWithItsReason() {
        HpfException e = expectThrown(HpfException.class, () -> modules.enable(ADMIN, "broken"));
        assertTrue(e.getMessage(), e.getMessage().contains("broken"));
        ModuleInfo broken = modules.module(ADMIN, "broken");
        assertEquals(ModuleState.FAILED, broken.state());
        assertNotNull(broken.failure());
        assertTrue(broken.failure(), broken.failure().contains("NO_SUCH_TABLE_BROKEN"));
        // and it can be disabled again
        modules.disable(ADMIN, "broken");
        assertEquals(ModuleState.DISABLED, modules.module(ADMIN, "broken").state());
        assertEquals("", Exam.badBundles(context));
    }

    @Test
    public void jsonApiForAdminsOnlyAndTheRealDocsModule() throws Exception {
        Http api = Exam.http();
        Resp list = api.get("/api/modules", ADMIN_HTTP).expect(200);
        assertTrue(list.body, list.body.contains("\"sample-ui\"") && list.body.contains("\"DISABLED\""));
        Http.assertProblem(api.get("/api/modules", Http.demo("demo.staff")).expect(403));
        Http.assertProblem(api.post("/api/modules/docs/enable", Http.demo("demo.auditor"), null).expect(403));
        Http.assertProblem(api.get("/api/modules/no-such-module", ADMIN_HTTP).expect(404));
        Resp plan = api.get("/api/modules/docs/plan?action=enable", ADMIN_HTTP).expect(200);
        assertTrue(plan.body, plan.body.contains("core-docs"));

        List<String> outside = new ArrayList<>();
        outside.addAll(record(() -> api.post("/api/modules/docs/enable", ADMIN_HTTP, null).expect(200), "core-docs"));
        assertEquals("bundle events outside hpf-docs", List.of(), outside);
        assertTrue(api.get("/api/modules/docs", ADMIN_HTTP).expect(200).body.contains("\"ENABLED\""));
        api.post("/api/modules/docs/disable", ADMIN_HTTP, null).expect(200);
        assertTrue(api.get("/api/modules/docs", ADMIN_HTTP).expect(200).body.contains("\"DISABLED\""));
        Resp openapi = api.get("/api/openapi.json", null).expect(200);
        assertTrue("modules not in the OpenAPI description", openapi.body.contains("/modules"));
        // the core still works
        api.get("/api/offices", Http.demo("demo.central")).expect(200);
    }

    // ---------------------------------------------------------------- helpers

    /** Assert.assertThrows, which is not in the container's JUnit (its ThrowingRunnable is missing there). */
    private static <T extends Throwable> T expectThrown(Class<T> type, Work work) {
        return expectThrown(null, type, work);
    }

    private static <T extends Throwable> T expectThrown(String what, Class<T> type, Work work) {
        try {
            work.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError((what == null ? "" : what + ": ") + "expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError((what == null ? "" : what + ": ") + "expected " + type.getSimpleName() + ", nothing thrown");
    }

    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs the work and returns the STOPPED, UNRESOLVED and STARTED events of bundles outside the module (bundles
     * whose symbolic name contains none of {@code inside}).
     */
    private List<String> record(Work work, String... inside) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        BundleListener l = e -> {
            String bsn = String.valueOf(e.getBundle().getSymbolicName());
            for (String i : inside) {
                if (bsn.contains(i)) {
                    return;
                }
            }
            if (e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED
                    || e.getType() == BundleEvent.STARTED) {
                events.add(bsn + " " + type(e.getType()));
            }
        };
        context.addBundleListener(l);
        try {
            work.run();
        } finally {
            context.removeBundleListener(l);
        }
        return events;
    }

    private static String type(int t) {
        switch (t) {
            case BundleEvent.STOPPED: return "STOPPED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            case BundleEvent.STARTED: return "STARTED";
            default: return String.valueOf(t);
        }
    }

    private List<String> views() {
        try {
            return context.getServiceReferences(cn.gannan.hpf.shell.api.ViewContribution.class, null).stream()
                    .map(r -> String.valueOf(r.getProperty("hpf.shell.id"))).collect(Collectors.toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long sampleAudits() {
        return db.read(ADMIN, tx -> tx.count("SELECT COUNT(*) FROM HPF_AUDIT WHERE MODULE_ID = 'modules'"
                + " AND ENTITY = 'module' AND ENTITY_ID = 'sample' AND USERNAME = 'demo.admin'"));
    }

    private List<String> bsns() {
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            out.add(String.valueOf(b.getSymbolicName()));
        }
        return out;
    }

    private List<String> bundleIds() {
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String id = b.getHeaders().get("Hpf-Sample-Id");
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    private long rows(String table) {
        return db.read(ADMIN, tx -> tx.count("SELECT COUNT(*) FROM " + table));
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
