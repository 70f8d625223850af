package cn.gannan.hpf.itests.sample;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContribution;

/**
 * A test-only module bundle (built by {@link SampleBundles}, never shipped): migrates its schema like a real
 * module, then contributes a view. Its id comes from the manifest header {@value #ID_HEADER}. A bundle
 * activator rather than DS keeps the jar free of generated descriptors; real modules use DS.
 */
public class SampleModuleActivator implements BundleActivator {

    public static final String ID_HEADER = "Hpf-Sample-Id";

    private ServiceTracker<Migrations, Migrations> tracker;
    private volatile ServiceRegistration<ViewContribution> view;

    @Override
    public void start(BundleContext context) {
        String id = context.getBundle().getHeaders().get(ID_HEADER);
        tracker = new ServiceTracker<>(context, Migrations.class, null) {
            @Override
            public Migrations addingService(ServiceReference<Migrations> ref) {
                Migrations migrations = context.getService(ref);
                // a failure is recorded by the core for the admin page; the module then stays inactive
                migrations.migrate(id, SampleModuleActivator.class, "db/" + id);
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(ShellConstants.ID, "sample-" + id);
                props.put(ShellConstants.TITLE, "sample.title");
                props.put(ShellConstants.ICON, "FLASK");
                props.put(ShellConstants.CATEGORY, ShellConstants.CATEGORY_WORK);
                props.put(ShellConstants.ORDER, 900);
                view = context.registerService(ViewContribution.class, new SampleView(id), props);
                return migrations;
            }

            @Override
            public void removedService(ServiceReference<Migrations> ref, Migrations service) {
                unregister();
                context.ungetService(ref);
            }
        };
        tracker.open();
    }

    @Override
    public void stop(BundleContext context) {
        tracker.close();
        unregister();
    }

    private void unregister() {
        ServiceRegistration<ViewContribution> r = view;
        view = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it when the bundle stopped
            }
        }
    }
}
