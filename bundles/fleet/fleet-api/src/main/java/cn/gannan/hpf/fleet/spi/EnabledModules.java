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

    /**
     * Whether the office's modules are still being brought up (e.g. module management reconciling them after the
     * node started): the agent then reports {@link cn.gannan.hpf.fleet.api.Health#STARTING} instead of unhealthy
     * and applies no release until it is over. Without an answer: false.
     */
    default boolean settling() {
        return false;
    }
}
