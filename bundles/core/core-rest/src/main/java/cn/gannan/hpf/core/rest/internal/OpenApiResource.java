package cn.gannan.hpf.core.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.gannan.hpf.core.rest.ApiDoc;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.0.3 description of every resource in the default
 * application, of every module, rebuilt on each request from the resources registered at that
 * moment (a module installed later appears, one uninstalled disappears). Public.
 * <p>
 * Resources are tracked by service property ({@code osgi.jaxrs.resource=true}) whatever their
 * object class; the class is loaded from the registering bundle by its object class name, or, for
 * services registered as {@code java.lang.Object}, taken from a service object got and released at once.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsName("hpf.openapi")
@Path(AuthenticationFilter.OPENAPI_PATH)
@ApiDoc("The API description")
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);
    static final String DEFAULT_APP_SELECT = "(" + JaxrsWhiteboardConstants.JAX_RS_NAME + "="
            + JaxrsWhiteboardConstants.JAX_RS_DEFAULT_APPLICATION + ")";

    private final Map<ServiceReference<?>, OpenApiBuilder.Resource> resources = new ConcurrentHashMap<>();
    private ServiceTracker<Object, OpenApiBuilder.Resource> tracker;
    private String version;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        version = String.valueOf(context.getBundle().getVersion());
        tracker = new ServiceTracker<>(context,
                context.createFilter("(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)"),
                new Customizer(context));
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        resources.clear();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiDoc("This description (OpenAPI 3.0.3), without credentials")
    public String openapi() throws JsonProcessingException {
        List<OpenApiBuilder.Resource> list = new ArrayList<>(resources.values());
        OpenApiBuilder builder = new OpenApiBuilder("Gannan HPF office node API", version, "/api",
                Set.of("/" + AuthenticationFilter.OPENAPI_PATH));
        return ObjectMappers.PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(builder.build(list));
    }

    /** Whether a resource with this application select is in the default application. */
    static boolean inDefaultApplication(Object select) {
        if (select == null) {
            return true;
        }
        if (select instanceof String s) {
            return s.replace(" ", "").equals(DEFAULT_APP_SELECT);
        }
        if (select instanceof String[] a) {
            return a.length == 1 && inDefaultApplication(a[0]);
        }
        return false;
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, OpenApiBuilder.Resource> {

        private final BundleContext context;

        Customizer(BundleContext context) {
            this.context = context;
        }

        @Override
        public OpenApiBuilder.Resource addingService(ServiceReference<Object> ref) {
            if (!inDefaultApplication(ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT))) {
                return null;
            }
            Class<?> type = resourceClass(ref);
            if (type == null) {
                return null;
            }
            Object name = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME);
            OpenApiBuilder.Resource r = new OpenApiBuilder.Resource(type, name == null ? null : String.valueOf(name));
            resources.put(ref, r);
            return r;
        }

        @Override
        public void modifiedService(ServiceReference<Object> ref, OpenApiBuilder.Resource r) {
            if (!inDefaultApplication(ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT))) {
                resources.remove(ref);
            } else {
                resources.put(ref, r);
            }
        }

        @Override
        public void removedService(ServiceReference<Object> ref, OpenApiBuilder.Resource r) {
            resources.remove(ref);
        }

        private Class<?> resourceClass(ServiceReference<Object> ref) {
            if (ref.getBundle() == null) {
                return null;
            }
            Object oc = ref.getProperty(Constants.OBJECTCLASS);
            if (oc instanceof String[] names) {
                for (String n : names) {
                    try {
                        Class<?> c = ref.getBundle().loadClass(n);
                        if (c.isAnnotationPresent(Path.class)) {
                            return c;
                        }
                    } catch (ClassNotFoundException | RuntimeException e) {
                        // not visible from the registering bundle: fall through to the service object
                    }
                }
            }
            try {
                ServiceObjects<Object> so = context.getServiceObjects(ref);
                if (so == null) {
                    return null;
                }
                Object service = so.getService();
                if (service == null) {
                    return null;
                }
                try {
                    return service.getClass().isAnnotationPresent(Path.class) ? service.getClass() : null;
                } finally {
                    so.ungetService(service);
                }
            } catch (RuntimeException e) {
                LOG.debug("Cannot inspect JAX-RS resource {} for the API description", ref, e);
                return null;
            }
        }
    }
}
