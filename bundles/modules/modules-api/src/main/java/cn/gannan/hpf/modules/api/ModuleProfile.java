package cn.gannan.hpf.modules.api;

import java.util.List;

/**
 * A preset module set, e.g. {@code county-standard} or {@code central}.
 *
 * @param modules     ids in the profile that this node can run
 * @param unavailable ids in the profile that this node has no feature for (listed, not an error)
 */
public record ModuleProfile(String id, List<String> modules, List<String> unavailable) {

    public ModuleProfile {
        modules = List.copyOf(modules);
        unavailable = List.copyOf(unavailable);
    }

    public String messageKey() {
        return "profile." + id;
    }
}
