package cn.gannan.hpf.itests.links;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.talks.spi.DecisionSourceProvider;

/**
 * The module API calls of {@link ModuleLinksIT}, in a class of their own: the probe can load these types only once
 * the modules are installed, and JUnit inspects the test class before that.
 */
final class LinkChecks {

    private LinkChecks() {
    }

    /** How many places the meeting register offers for the office (0 without a place provider). */
    static int meetingPlaces(BundleContext context, String office) {
        ServiceReference<MeetingService> ref = context.getServiceReference(MeetingService.class);
        if (ref == null) {
            return -1;
        }
        try {
            return context.getService(ref).places(Caller.system(office), office).size();
        } finally {
            context.ungetService(ref);
        }
    }

    /** How many decisions the talk log can link to for the office and year (-1 without a provider). */
    static int decisions(BundleContext context, String office, int year) {
        ServiceReference<DecisionSourceProvider> ref = context.getServiceReference(DecisionSourceProvider.class);
        if (ref == null) {
            return -1;
        }
        try {
            DecisionSourceProvider p = context.getService(ref);
            return "meetings".equals(p.sourceId()) ? p.find(Caller.system(office), office, year).size() : -1;
        } finally {
            context.ungetService(ref);
        }
    }
}
