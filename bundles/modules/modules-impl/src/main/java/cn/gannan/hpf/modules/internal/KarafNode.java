package cn.gannan.hpf.modules.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Capability;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Migrations.MigrationRecord;

/**
 * The running Karaf node. Installs and uninstalls with {@link Option#NoAutoRefreshBundles}: Karaf would
 * otherwise refresh (stop, rewire, restart) bundles outside the module whose optional or dynamic imports a
 * module bundle could satisfy; with the option those bundles keep their current wiring until the next
 * restart, and nothing outside the module stops.
 */
final class KarafNode implements Node {

    private static final Logger LOG = LoggerFactory.getLogger(KarafNode.class);

    static final EnumSet<Option> OPTIONS = EnumSet.of(Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Migrations migrations;

    KarafNode(FeaturesService features, BundleContext context, ServiceComponentRuntime scr, Migrations migrations) {
        this.features = features;
        this.context = context;
        this.scr = scr;
        this.migrations = migrations;
    }

    @Override
    public List<ModuleFeature> moduleFeatures() {
        Map<String, Feature> newest = new TreeMap<>();
        try {
            for (Feature f : features.listFeatures()) {
                Feature seen = newest.get(f.getName());
                if (seen == null || org.osgi.framework.Version.parseVersion(clean(f.getVersion()))
                        .compareTo(org.osgi.framework.Version.parseVersion(clean(seen.getVersion()))) > 0) {
                    newest.put(f.getName(), f);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list features: " + e.getMessage(), e);
        }
        List<ModuleFeature> out = new ArrayList<>();
        for (Feature f : newest.values()) {
            List<String> caps = f.getCapabilities().stream().map(Capability::getValue).collect(Collectors.toList());
            try {
                ModuleCapability.find(caps).ifPresent(c -> out.add(new ModuleFeature(f.getName(), f.getVersion(), c,
                        f.getDependencies().stream().map(Dependency::getName).collect(Collectors.toList()))));
            } catch (IllegalArgumentException bad) {
                LOG.warn("Feature {} has a malformed module capability: {}", f.getName(), bad.getMessage());
            }
        }
        return out;
    }

    private static String clean(String v) {
        try {
            org.osgi.framework.Version.parseVersion(v);
            return v;
        } catch (IllegalArgumentException e) {
            return "0.0.0";
        }
    }

    private Optional<Feature> feature(String name) {
        try {
            return Optional.ofNullable(features.getFeature(name));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean installed(String feature) {
        return feature(feature).map(features::isInstalled).orElse(false);
    }

    @Override
    public List<String> bundlesToInstall(String feature) {
        Set<String> out = new LinkedHashSet<>();
        collectMissing(feature, out, new HashSet<>());
        return new ArrayList<>(out);
    }

    private void collectMissing(String name, Set<String> out, Set<String> seen) {
        Optional<Feature> f = feature(name);
        if (f.isEmpty() || !seen.add(name) || features.isInstalled(f.get())) {
            return;
        }
        for (Dependency d : f.get().getDependencies()) {
            collectMissing(d.getName(), out, seen);
        }
        for (BundleInfo b : f.get().getBundles()) {
            if (context.getBundle(b.getLocation()) == null) {
                out.add(b.getLocation());
            }
        }
    }

    @Override
    public List<String> bundlesToRemove(String feature, Set<String> alsoRemoved) {
        Optional<Feature> f = feature(feature);
        if (f.isEmpty()) {
            return List.of();
        }
        Set<String> kept = new HashSet<>();
        try {
            for (Feature other : features.listInstalledFeatures()) {
                if (!other.getName().equals(feature) && !alsoRemoved.contains(other.getName())) {
                    other.getBundles().forEach(b -> kept.add(b.getLocation()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> out = new ArrayList<>();
        for (BundleInfo b : f.get().getBundles()) {
            Bundle bundle = context.getBundle(b.getLocation());
            if (bundle != null && !kept.contains(b.getLocation())) {
                out.add(bundle.getSymbolicName() + "/" + bundle.getVersion());
            }
        }
        return out;
    }

    @Override
    public String failure(String feature) {
        Optional<Feature> f = feature(feature);
        if (f.isEmpty()) {
            return "feature " + feature + " not found";
        }
        List<String> problems = new ArrayList<>();
        for (BundleInfo b : f.get().getBundles()) {
            Bundle bundle = context.getBundle(b.getLocation());
            if (bundle == null) {
                problems.add("bundle " + b.getLocation() + " is not installed");
                continue;
            }
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.isStart() && bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
                problems.add("bundle " + bundle.getSymbolicName() + " is " + state(bundle.getState()));
            }
            if (scr != null) {
                problems.addAll(componentProblems(bundle));
            }
        }
        if (!problems.isEmpty() && migrations != null) {
            // the most frequent cause: the module's schema migration failed
            try {
                for (MigrationRecord r : migrations.history()) {
                    if (!r.success() && f.get().getBundles().stream().anyMatch(b -> isModuleSchema(b, r.module()))) {
                        problems.add("migration " + r.module() + " V" + r.version() + " failed: " + r.error());
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("migration history unavailable", e);
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** True when the bundle holds the migration folder of the schema (its scripts are in db/<schema>). */
    private boolean isModuleSchema(BundleInfo b, String schema) {
        Bundle bundle = context.getBundle(b.getLocation());
        if (bundle == null) {
            return false;
        }
        java.util.Enumeration<java.net.URL> scripts = bundle.findEntries("db/" + schema, "V*.sql", false);
        return scripts != null && scripts.hasMoreElements();
    }

    private List<String> componentProblems(Bundle bundle) {
        List<String> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    out.add("component " + d.name + " failed: "
                            + (c.failure == null ? "?" : c.failure.lines().findFirst().orElse("?")));
                } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    out.add("component " + d.name + " lacks "
                            + java.util.Arrays.stream(c.unsatisfiedReferences).map(u -> u.name)
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
        return out;
    }

    private static String state(int s) {
        switch (s) {
            case Bundle.INSTALLED: return "INSTALLED (not resolved)";
            case Bundle.RESOLVED: return "RESOLVED (not started)";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            default: return String.valueOf(s);
        }
    }

    @Override
    public void start(String feature) {
        feature(feature).ifPresent(f -> {
            for (BundleInfo b : f.getBundles()) {
                Bundle bundle = context.getBundle(b.getLocation());
                if (bundle == null || !b.isStart() || bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null
                        || bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                    continue;
                }
                try {
                    bundle.start();
                    LOG.info("Started {} of {}", bundle.getSymbolicName(), feature);
                } catch (Exception e) {
                    LOG.warn("Could not start {} of {}: {}", bundle.getSymbolicName(), feature, e.toString());
                }
            }
        });
    }

    @Override
    public void install(Set<String> names) throws Exception {
        features.installFeatures(names, FeaturesService.ROOT_REGION, OPTIONS);
    }

    @Override
    public void uninstall(Set<String> names) throws Exception {
        features.uninstallFeatures(names, FeaturesService.ROOT_REGION, OPTIONS);
    }
}
