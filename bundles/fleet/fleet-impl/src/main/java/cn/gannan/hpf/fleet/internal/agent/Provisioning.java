package cn.gannan.hpf.fleet.internal.agent;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the agent does with Karaf's FeaturesService; features are given as {@code name/version}. */
public interface Provisioning {

    /** The features asked for on this node (not those pulled in as dependencies): name to version. */
    Map<String, String> requiredFeatures() throws Exception;

    /** The features repository an installed feature of this name comes from. */
    Optional<URI> repositoryOf(String featureName) throws Exception;

    void addRepository(URI uri) throws Exception;

    void removeRepository(URI uri) throws Exception;

    boolean hasFeature(String name, String version) throws Exception;

    boolean installed(String name, String version) throws Exception;

    /** Installs the features, replacing other versions of the same names (Karaf's upgrade option). */
    void install(Set<String> features) throws Exception;

    void uninstall(Set<String> features) throws Exception;
}
