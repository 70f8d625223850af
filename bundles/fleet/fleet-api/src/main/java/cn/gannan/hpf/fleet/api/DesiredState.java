package cn.gannan.hpf.fleet.api;

import java.util.List;

/**
 * What the centre wants an office to run.
 *
 * @param release     the target release, or null: stay on the running one
 * @param modules     the module ids the office should have enabled, or null: the office decides
 * @param attempt     raised by each retry: an agent tries a release that failed before only for a higher attempt
 * @param pollSeconds how often the agent should poll
 */
public record DesiredState(String officeCode, String release, List<String> modules, int attempt, int pollSeconds) {

    public DesiredState {
        modules = modules == null ? null : List.copyOf(modules);
    }
}
