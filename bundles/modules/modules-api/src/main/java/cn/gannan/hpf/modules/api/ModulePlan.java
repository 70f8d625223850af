package cn.gannan.hpf.modules.api;

import java.util.List;

/**
 * A dry run: what applying a change would do on this node. Nothing has changed yet.
 *
 * @param action   what was asked
 * @param target   the module, or the profile id for {@link Action#PROFILE}
 * @param enable   modules that would be enabled, in order (the target and what it requires)
 * @param disable  modules that would be disabled
 * @param install  bundles that would be installed (locations)
 * @param start    bundles that would be started (symbolic names or locations)
 * @param stop     bundles that would be stopped and uninstalled (symbolic names)
 * @param refresh  bundles outside the change that would be refreshed or restarted: always empty, the change
 *                 is applied without refreshing them (see the module README)
 * @param unavailable ids named (e.g. by a profile) that this node has no feature for
 */
public record ModulePlan(Action action, String target, List<String> enable, List<String> disable,
        List<String> install, List<String> start, List<String> stop, List<String> refresh,
        List<String> unavailable) {

    public ModulePlan {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
        install = List.copyOf(install);
        start = List.copyOf(start);
        stop = List.copyOf(stop);
        refresh = List.copyOf(refresh);
        unavailable = List.copyOf(unavailable);
    }

    /** True when applying it would change nothing. */
    public boolean isEmpty() {
        return enable.isEmpty() && disable.isEmpty();
    }

    public enum Action {
        ENABLE, DISABLE, PROFILE
    }
}
