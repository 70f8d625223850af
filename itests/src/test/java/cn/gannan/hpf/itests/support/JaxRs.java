package cn.gannan.hpf.itests.support;

import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * In-container helper: waits for the JAX-RS whiteboard to settle after a feature adds or removes resources.
 *
 * <p>The Aries whiteboard rebuilds an application each time one of its resources comes or goes; while it does,
 * requests to that application answer 404 ("No service was found"). A module registers several resources one
 * after the other, so one of them answering is no sign that the others are done. The runtime service counts
 * its changes in {@code service.changecount}; once that count has stood still for a moment, the application
 * is complete.
 */
public final class JaxRs {

    private static final String RUNTIME = "org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime";

    private JaxRs() {
    }

    /** "" once the whiteboard's change count has not moved for {@code quietMs}; otherwise what was seen. */
    public static String settled(BundleContext context, long quietMs, long timeoutMs) {
        long end = System.currentTimeMillis() + timeoutMs;
        Object last = changeCount(context);
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Object now = changeCount(context);
            if (!Objects.equals(now, last)) {
                last = now;
                since = System.currentTimeMillis();
            } else if (now != null && System.currentTimeMillis() - since >= quietMs) {
                return "";
            }
        }
        String problem = last == null ? "no JAX-RS runtime service" : "the JAX-RS whiteboard kept changing (count " + last + ")";
        System.err.println("Gave up waiting " + timeoutMs / 1000 + " s: " + problem);
        return problem;
    }

    /** {@link #settled(BundleContext, long, long)} with a 1.5 s quiet period within 60 s. */
    public static String settled(BundleContext context) {
        return settled(context, 1_500, Await.DEFAULT_MS);
    }

    private static Object changeCount(BundleContext context) {
        ServiceReference<?> ref = context.getServiceReference(RUNTIME);
        return ref == null ? null : ref.getProperty("service.changecount");
    }
}
