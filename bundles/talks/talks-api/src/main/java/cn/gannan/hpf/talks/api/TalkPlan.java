package cn.gannan.hpf.talks.api;

import java.util.List;

import cn.gannan.hpf.core.api.RecordMeta;

/** The yearly talk plan of one body (党组, 总支, 支部 …): every pair that must talk that year. */
public record TalkPlan(String id, String officeCode, int year, String orgUnitId, String orgUnitName, String note,
        List<PlanPair> pairs, RecordMeta meta) {
}
