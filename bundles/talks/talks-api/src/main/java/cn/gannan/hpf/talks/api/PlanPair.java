package cn.gannan.hpf.talks.api;

/** One pair of people who must talk at least once in the plan's year. */
public record PlanPair(String id, String personA, String nameA, String personB, String nameB, PairCategory category) {
}
