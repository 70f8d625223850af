package cn.gannan.hpf.fleet.internal.agent;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent does with Karaf's FeaturesService. A release changes the node in one deployment: the registered
 * features repositories and the requirements ({@code feature:<name>/[<version>,<version>]}, per region) are
 * replaced together, so the old release's repository is gone while the new one resolves (an unversioned feature
 * dependency cannot pick an old feature), and a rollback puts both back as they were.
 */
public interface Provisioning {

    /** The registered features repositories. */
    Set<URI> repositories() throws Exception;

    /** What the node asks for, per region. */
    Map<String, Set<String>> requirements() throws Exception;

    /** The features ({@code name/version}) a repository provides, read without registering it. */
    Set<String> features(URI repository) throws Exception;

    /** Replaces the repositories and the requirements, in one deployment. */
    void update(Set<URI> repositories, Map<String, Set<String>> requirements) throws Exception;

    /** The features repository an installed feature of this name comes from. */
    Optional<URI> repositoryOf(String featureName) throws Exception;

    boolean installed(String name, String version) throws Exception;
}
