package cn.gannan.hpf.fleet.internal.agent;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.apache.karaf.features.Repository;

/**
 * Karaf's FeaturesService: a release is applied with {@code updateReposAndRequirements}, one deployment that
 * replaces the repositories and the requirements; bundles are updated and refreshed as Karaf needs, since a release
 * changes the core every module is wired to.
 */
final class KarafProvisioning implements Provisioning {

    private final FeaturesService features;

    KarafProvisioning(FeaturesService features) {
        this.features = features;
    }

    @Override
    public Set<URI> repositories() throws Exception {
        Set<URI> out = new LinkedHashSet<>();
        for (Repository r : features.listRequiredRepositories()) {
            out.add(r.getURI());
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> requirements() {
        Map<String, Set<String>> out = new HashMap<>();
        features.listRequirements().forEach((region, reqs) -> out.put(region, new LinkedHashSet<>(reqs)));
        return out;
    }

    @Override
    public Set<String> features(URI repository) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (Feature f : features.createRepository(repository).getFeatures()) {
            out.add(f.getName() + "/" + f.getVersion());
        }
        return out;
    }

    /**
     * Karaf runs this deployment in the background, on its one provisioning thread; a simulated (side-effect free)
     * deployment queued behind it returns once it is over. The requirements Karaf then holds tell whether it was
     * applied (a deployment that fails leaves them as they were).
     */
    @Override
    public void update(Set<URI> repositories, Map<String, Set<String>> requirements) throws Exception {
        features.updateReposAndRequirements(repositories, requirements, EnumSet.noneOf(Option.class));
        try {
            features.installFeatures(Collections.emptySet(), EnumSet.of(Option.Simulate));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception e) {
            // only the barrier's timing matters: its own simulation may not resolve (it starts from the old state)
        }
        Set<String> wanted = requirements.getOrDefault(Requirements.ROOT, Set.of());
        Set<String> now = new TreeSet<>(features.listRequirements().getOrDefault(Requirements.ROOT, Set.of()));
        if (!now.equals(new TreeSet<>(wanted))) {
            throw new IllegalStateException("Karaf did not apply the deployment (see data/log/karaf.log); it still requires " + now);
        }
    }

    @Override
    public Optional<URI> repositoryOf(String featureName) throws Exception {
        for (Repository r : features.listRepositories()) {
            for (Feature f : r.getFeatures()) {
                if (f.getName().equals(featureName) && features.isInstalled(f)) {
                    return Optional.of(r.getURI());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean installed(String name, String version) throws Exception {
        Feature f = features.getFeature(name, version);
        return f != null && features.isInstalled(f);
    }
}
