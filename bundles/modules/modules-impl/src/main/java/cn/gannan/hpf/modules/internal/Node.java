package cn.gannan.hpf.modules.internal;

import java.util.List;
import java.util.Set;

/**
 * What module management needs from the running node: the module features and their bundles, and installing
 * or uninstalling features. {@link KarafNode} is the real one; unit tests use a fake.
 */
interface Node {

    /** Every feature of the known repositories carrying the module capability (newest version of each name). */
    List<ModuleFeature> moduleFeatures();

    boolean installed(String feature);

    /** Bundle locations that installing the feature (with its dependencies) would add. */
    List<String> bundlesToInstall(String feature);

    /** Bundles (symbolic name/version) that uninstalling the feature would stop and remove. */
    List<String> bundlesToRemove(String feature, Set<String> alsoRemoved);

    /** Why an installed feature's bundles or components do not all run, in English; null when they do. */
    String failure(String feature);

    /**
     * Starts the bundles of an installed feature that should run but do not (e.g. installed, not yet started, when
     * the node stopped in the middle of an install). Problems are left to {@link #failure}.
     */
    void start(String feature);

    /** Installs the features without refreshing any bundle outside them. */
    void install(Set<String> features) throws Exception;

    /** Uninstalls the features without refreshing any bundle outside them. */
    void uninstall(Set<String> features) throws Exception;

    /** A feature that is a module. */
    record ModuleFeature(String feature, String version, ModuleCapability capability, List<String> dependencies) {
    }
}
