package cn.gannan.hpf.itests.talks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Services;
import cn.gannan.hpf.itests.support.Exam;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.JaxRs;
import cn.gannan.hpf.itests.support.Http.Resp;

/**
 * Installs the talk log alone on a running office node (demo data on), exercises its service and its JSON API
 * — confidentiality above all —, then uninstalls it and checks the core still works. No bundle outside the
 * talk log's features is stopped (refreshed) on the way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TalksIT {

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    FeaturesService injectedFeatures; // waits for it; use Services.features(system)

    @Inject
    @Filter(timeout = 60_000)
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        // a busy shared machine: the probe waits longer than 10 s for Pax Exam's own Injector service
        return Exam.distribution("talks", KarafDistributionOption.editConfigurationFilePut("etc/system.properties",
                "org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT", "120000"));
    }


    @Test
    public void installExerciseUninstall() throws Exception {
        Http api = Exam.http();
        // the probe itself is wired to the talk API while it runs its checks, so uninstalling the feature
        // refreshes the probe: after that, only the system bundle's context is valid
        BundleContext system = context.getBundle(0).getBundleContext();
        assertEquals("", Await.until("the API", () -> api.get("/api/offices", Http.demo("demo.central")).status == 200 ? "" : "not yet"));
        assertEquals("", Exam.badBundles(system));
        List<String> stoppedOutside = Collections.synchronizedList(new ArrayList<>());
        SynchronousBundleListener watch = e -> {
            String bsn = e.getBundle().getSymbolicName();
            if ((e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED) && bsn != null
                    && !bsn.startsWith("cn.gannan.hpf.talks") && !bsn.startsWith("PAXEXAM-PROBE")) {
                stoppedOutside.add(bsn + " " + e.getType());
            }
        };
        system.addBundleListener(watch);
        try {
            assertEquals(404, api.get("/api/talks/kinds", Http.demo("demo.central")).status);

            // ------------------------------------------------------------ install alone
            long t0 = System.nanoTime();
            Services.features(system).installFeature("hpf-talks");
            assertEquals("", Await.until("talk bundles active and their components satisfied",
                    () -> Exam.badBundles(system) + Exam.badComponents(scr, true)));
            assertEquals("", Await.until("GET /api/talks/kinds", () -> {
                Resp r = api.get("/api/talks/kinds", Http.demo("demo.staff"));
                return r.status == 200 ? "" : r.toString();
            }));
            assertEquals("", JaxRs.settled(context));
            System.out.println("hpf-talks installed and answering in " + (System.nanoTime() - t0) / 1_000_000 + " ms");

            // ------------------------------------------------------------ the service, in the container
            String leaderPerson = new TalksServiceChecks(context).run();

            // ------------------------------------------------------------ the JSON API
            new TalksApiChecks(api, leaderPerson).run();

            // ------------------------------------------------------------ the UI feature comes and goes too
            Services.features(system).installFeature("hpf-talks-ui");
            assertEquals("", Await.until("talk views registered", () -> {
                try {
                    return system.getServiceReferences("cn.gannan.hpf.shell.api.ViewContribution",
                            "(hpf.shell.id=talks)") != null ? "" : "no view yet";
                } catch (org.osgi.framework.InvalidSyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }));
            Services.features(system).uninstallFeature("hpf-talks-ui");

            // ------------------------------------------------------------ uninstall; the core still works
            Services.features(system).uninstallFeature("hpf-talks");
            assertEquals("", Await.until("the talk bundles gone", () -> {
                for (Bundle b : system.getBundles()) {
                    if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("cn.gannan.hpf.talks")) {
                        return "still there: " + b.getSymbolicName();
                    }
                }
                return "";
            }));
            assertEquals("", Await.until("/api/talks gone", () -> {
                int s = api.get("/api/talks/kinds", Http.demo("demo.central")).status;
                return s == 404 ? "" : "status " + s;
            }));
            api.get("/api/offices", Http.demo("demo.central")).expect(200);
            api.get("/api/people?office=GN01&limit=5", Http.demo("demo.admin")).expect(200);
            assertEquals(200, api.get("/hpf/", null).status);
            assertEquals("", Exam.badBundles(system).replaceAll("\\n[^\\n]*PAXEXAM-PROBE[^\\n]*", ""));
            assertEquals("", Exam.badComponents(scr, true));
            assertTrue("bundles outside the talk log were stopped or refreshed: " + stoppedOutside, stoppedOutside.isEmpty());
        } finally {
            system.removeBundleListener(watch);
        }
        assertFalse(Services.features(system).isInstalled(Services.features(system).getFeature("hpf-talks")));
    }
}
