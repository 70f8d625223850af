package cn.gannan.hpf.talks.api;

/** A pair to add to a plan. */
public record PairDraft(String personA, String personB, PairCategory category) {
}
