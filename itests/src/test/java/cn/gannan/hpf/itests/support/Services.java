package cn.gannan.hpf.itests.support;

import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** In-container helper: services as registered now, not as injected when the probe started. */
public final class Services {

    private Services() {
    }

    /**
     * Karaf's features service as registered now. The instance Pax Exam injects at boot may be replaced once the
     * boot provisioning finishes; the old one's executor is then shut down and refuses every install.
     */
    public static FeaturesService features(BundleContext context) {
        long end = System.currentTimeMillis() + Await.DEFAULT_MS;
        while (true) {
            ServiceReference<FeaturesService> ref = context.getServiceReference(FeaturesService.class);
            FeaturesService service = ref == null ? null : context.getService(ref);
            if (service != null) {
                return service;
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no FeaturesService within " + Await.DEFAULT_MS / 1000 + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
