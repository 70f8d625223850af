package cn.gannan.hpf.modules.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/**
 * Module management of this office node. Reading needs an administrator or auditor role; every change needs
 * the office admin role, is applied without refreshing or restarting any bundle outside the module, is stored
 * as the office's desired module set and is audited (who, when, from what to what).
 */
@ProviderType
public interface ModuleService {

    /** Every module this node can run, ordered so that a module comes after what it requires. */
    List<ModuleInfo> catalogue(Caller caller);

    /** One module; {@code NotFoundException} when unknown. */
    ModuleInfo module(Caller caller, String id);

    /** Dry run of {@link #enable}: nothing changes. */
    ModulePlan planEnable(Caller caller, String id);

    /**
     * Dry run of {@link #disable}: nothing changes. Refused (with the names) when another enabled module
     * requires it.
     */
    ModulePlan planDisable(Caller caller, String id);

    /** Enables the module and the modules it requires; returns the plan that was applied. */
    ModulePlan enable(Caller caller, String id);

    /** Disables the module; its data is kept. Refused when another enabled module requires it. */
    ModulePlan disable(Caller caller, String id);

    /** The presets, with the ids this node cannot run listed as unavailable. */
    List<ModuleProfile> profiles(Caller caller);

    /** Dry run of applying a profile: the node's module set becomes exactly the profile's available modules. */
    ModulePlan planProfile(Caller caller, String profileId);

    ModulePlan applyProfile(Caller caller, String profileId);

    /** The module's data (every table with its prefix) as a zip of CSV files; audited. */
    ModuleExport exportData(Caller caller, String id);

    /**
     * Removes the module's data: drops its tables and forgets its migrations, so enabling it again recreates
     * the schema. Only for a disabled module whose data was exported after it was disabled, and only when
     * {@code confirmation} repeats the module id (the second confirmation). Audited.
     *
     * @return the tables dropped
     */
    List<String> purgeData(Caller caller, String id, String confirmation);

    /**
     * Brings the node to the stored desired set (installs what is missing, uninstalls what is not wanted) and
     * returns the modules that failed, with their errors. Runs by itself when the node starts.
     */
    List<ModuleInfo> reconcile(Caller caller);

    /**
     * Whether module management is bringing the node to its desired set right now: from the node's start until the
     * start-up reconciliation has installed and started the modules and waited for them to come up (at most its
     * settle time), and during any {@link #reconcile}. While true, a module may fail its checks only because it is
     * still coming up. Read-only; needs an administrator or auditor role.
     */
    boolean reconciling(Caller caller);
}
