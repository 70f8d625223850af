package cn.gannan.hpf.itests.links;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.EnumSet;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
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

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Exam;

/**
 * The optional links between modules light up only when both modules are enabled and go away cleanly: with
 * rooms and meetings, a meeting can book the site's room; with meetings and talks, a talk can link to the meeting
 * that decided it. Each link is a small adapter bundle installed by a feature conditional.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLinksIT {

    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        return Exam.distribution("links");
    }

    private FeaturesService features() {
        return context.getService(context.getServiceReference(FeaturesService.class));
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Test
    public void linksFollowTheEnabledModules() throws Exception {
        features().installFeature("hpf-meetings", NO_REFRESH);
        assertNull("the room adapter without the rooms module", bundle("cn.gannan.hpf.rooms-meetings"));
        assertNull("the talk adapter without the talk log", bundle("cn.gannan.hpf.meetings-talks"));

        features().installFeature("hpf-rooms", NO_REFRESH);
        assertEquals("", Await.until("the room adapter", () -> bundle("cn.gannan.hpf.rooms-meetings") != null
                && bundle("cn.gannan.hpf.rooms-meetings").getState() == Bundle.ACTIVE ? "" : "not active"));
        // the API types are used in another class, loaded only now that the modules are installed
        assertEquals("", Await.until("GN01's room as a meeting place", () -> LinkChecks.meetingPlaces(context, "GN01") > 0
                ? "" : "no places", 180_000));

        features().installFeature("hpf-talks", NO_REFRESH);
        assertEquals("", Await.until("the centre's 2017 meetings as talk decisions",
                () -> LinkChecks.decisions(context, "GN00", 2017) > 0 ? "" : "none", 180_000));

        features().uninstallFeature("hpf-rooms", NO_REFRESH);
        assertEquals("", Await.until("the room adapter to go", () -> bundle("cn.gannan.hpf.rooms-meetings") == null
                ? "" : "still installed"));
        assertEquals("without rooms a meeting's place is free text again", 0, LinkChecks.meetingPlaces(context, "GN01"));
    }
}
