package cn.gannan.hpf.fleet.internal.agent;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.apache.karaf.features.Repository;

/**
 * Karaf's FeaturesService. Installing uses the upgrade option, so the new version of each feature replaces the
 * old one in one deployment (and a rollback puts the old one back the same way); bundles are refreshed as Karaf
 * needs, since a release changes the core every module is wired to.
 */
final class KarafProvisioning implements Provisioning {

    private final FeaturesService features;

    KarafProvisioning(FeaturesService features) {
        this.features = features;
    }

    @Override
    public Map<String, String> requiredFeatures() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Feature f : features.listRequiredFeatures()) {
            out.put(f.getName(), f.getVersion());
        }
        return out;
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
    public void addRepository(URI uri) throws Exception {
        features.addRepository(uri, false);
    }

    @Override
    public void removeRepository(URI uri) throws Exception {
        features.removeRepository(uri, false);
    }

    @Override
    public boolean hasFeature(String name, String version) throws Exception {
        return features.getFeature(name, version) != null;
    }

    @Override
    public boolean installed(String name, String version) throws Exception {
        Feature f = features.getFeature(name, version);
        return f != null && features.isInstalled(f);
    }

    @Override
    public void install(Set<String> specs) throws Exception {
        features.installFeatures(specs, EnumSet.of(Option.Upgrade));
    }

    @Override
    public void uninstall(Set<String> specs) throws Exception {
        features.uninstallFeatures(specs, EnumSet.noneOf(Option.class));
    }
}
