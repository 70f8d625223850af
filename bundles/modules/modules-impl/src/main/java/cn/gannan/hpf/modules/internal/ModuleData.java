package cn.gannan.hpf.modules.internal;

import java.util.List;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;

/** A module's data, found by its table prefix: export to a file, purge. */
interface ModuleData {

    ModuleExport export(Caller caller, ModuleInfo module);

    /** Drops the module's tables and forgets its migrations; audited. Returns the tables dropped. */
    List<String> purge(Caller caller, ModuleInfo module);
}
