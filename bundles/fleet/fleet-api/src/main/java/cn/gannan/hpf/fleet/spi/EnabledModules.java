package cn.gannan.hpf.fleet.spi;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which business modules this office has enabled, by module id (the feature name without {@code hpf-}, e.g.
 * {@code meetings-ui}). The agent reports them in its heartbeat and keeps them enabled across an update. The
 * service with the highest ranking wins.
 */
@ConsumerType
public interface EnabledModules {

    Set<String> enabledModules();
}
