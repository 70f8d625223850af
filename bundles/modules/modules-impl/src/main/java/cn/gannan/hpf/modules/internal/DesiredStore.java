package cn.gannan.hpf.modules.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gannan.hpf.core.api.Caller;

/** The office's desired module set and the markers of module management, stored by the node. */
interface DesiredStore {

    /** The stored desired set (module id to feature), or empty when none was ever stored. */
    Optional<Map<String, String>> load();

    /**
     * Stores the desired set and audits every module whose wish changed (who, when, from what to what),
     * in one transaction.
     *
     * @param reason e.g. "enable", "profile county-standard", "first start"
     */
    void save(Caller caller, Map<String, String> desired, String reason);

    Optional<String> marker(String name);

    void setMarker(Caller caller, String name, String value);
}
