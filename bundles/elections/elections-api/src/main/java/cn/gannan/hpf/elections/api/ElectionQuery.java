package cn.gannan.hpf.elections.api;

import cn.gannan.hpf.elections.api.rules.OrgKind;

/** Filters of the election list; null means any. */
public record ElectionQuery(String officeCode, Integer year, String orgUnitId, OrgKind kind, ElectionStatus status,
        String text) {
}
