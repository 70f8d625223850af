package cn.gannan.hpf.modules.api;

/** What a module is doing on this node. */
public enum ModuleState {
    /** Installed and every bundle and component of it is running. */
    ENABLED,
    /** Not installed (its data, if any, is kept). */
    DISABLED,
    /** Wanted (in the desired set or installed) but not running: see {@link ModuleInfo#failure()}. */
    FAILED;

    public String messageKey() {
        return "state." + name();
    }
}
