package cn.gannan.hpf.fleet.internal.agent;

import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Migrations.MigrationRecord;

/**
 * The node's health, as the fleet defines it: every bundle active (fragments resolved), every enabled DS component
 * of the product's bundles satisfied, no failed migration script in HPF_SCHEMA_HISTORY that was not applied
 * since, and the web UI ({@code /hpf/}) and the JSON API ({@code /api/}) answering.
 */
final class KarafHealthProbe implements HealthProbe {

    private static final String PRODUCT = "cn.gannan.hpf.";

    private final BundleContext context;
    private final Supplier<ServiceComponentRuntime> scr;
    private final Supplier<Migrations> migrations;
    private final URI local;

    KarafHealthProbe(BundleContext context, Supplier<ServiceComponentRuntime> scr, Supplier<Migrations> migrations, URI local) {
        this.context = context;
        this.scr = scr;
        this.migrations = migrations;
        this.local = local;
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int want = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            boolean lazy = Constants.ACTIVATION_LAZY.equals(b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY));
            if (b.getState() != want && !(lazy && b.getState() == Bundle.STARTING)) {
                p.add("bundle " + b.getSymbolicName() + " " + b.getVersion() + " is " + state(b.getState()));
            }
        }
        ServiceComponentRuntime runtime = scr.get();
        if (runtime == null) {
            p.add("the Declarative Services runtime is not available");
        } else {
            for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
                if (!d.bundle.symbolicName.startsWith(PRODUCT) || !runtime.isComponentEnabled(d)) {
                    continue;
                }
                for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                            || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                            || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        p.add("component " + d.name + " is " + (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                                ? "failed: " + firstLine(c.failure) : "unsatisfied" + unsatisfied(c)));
                    }
                }
            }
        }
        Migrations m = migrations.get();
        if (m == null) {
            p.add("the core's migrations service is not available");
        } else {
            Set<String> applied = new HashSet<>();
            List<MigrationRecord> history = m.history();
            history.stream().filter(MigrationRecord::success).forEach(r -> applied.add(r.module() + "/" + r.version()));
            Set<String> failed = new LinkedHashSet<>(); // a script retried by its component fails more than once
            for (MigrationRecord r : history) {
                if (!r.success() && !applied.contains(r.module() + "/" + r.version())) {
                    failed.add("migration " + r.module() + " V" + r.version() + " failed: " + r.error());
                }
            }
            p.addAll(failed);
        }
        answers("/hpf/", "text/html", p);
        answers("/api/openapi.json", "application/json", p);
        return p;
    }

    @Override
    public List<String> lasting(Instant since) {
        Migrations m = migrations.get();
        if (m == null) {
            return List.of();
        }
        List<MigrationRecord> history = m.history();
        Set<String> p = new LinkedHashSet<>();
        for (MigrationRecord r : history) {
            if (!r.success() && r.appliedAt() != null && !r.appliedAt().isBefore(since)
                    && history.stream().noneMatch(o -> o.success() && o.module().equals(r.module()) && o.version() == r.version())) {
                p.add("migration " + r.module() + " V" + r.version() + " failed: " + r.error());
            }
        }
        return List.copyOf(p);
    }

    /** The first line of a failure (SCR gives the whole stack trace), at most 300 characters. */
    static String firstLine(String failure) {
        if (failure == null) {
            return "";
        }
        String line = failure.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    private static String unsatisfied(ComponentConfigurationDTO c) {
        if (c.unsatisfiedReferences == null || c.unsatisfiedReferences.length == 0) {
            return "";
        }
        return " (missing " + c.unsatisfiedReferences[0].name + ")";
    }

    /** Anything but a server error, a 404 or no answer counts as answering (the API asks for a login). */
    private void answers(String path, String accept, List<String> p) {
        try {
            HttpURLConnection c = (HttpURLConnection) local.resolve(path).toURL().openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(10000);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept", accept);
            try {
                int status = c.getResponseCode();
                if (status >= 500 || status == 404) {
                    p.add(path + " answers HTTP " + status);
                }
            } finally {
                c.disconnect();
            }
        } catch (Exception e) {
            p.add(path + " does not answer: " + e);
        }
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED, not ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "in state " + s;
        };
    }
}
