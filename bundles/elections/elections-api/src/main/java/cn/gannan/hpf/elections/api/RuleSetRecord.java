package cn.gannan.hpf.elections.api;

import java.time.Instant;

import cn.gannan.hpf.elections.api.rules.RuleSet;

/** A stored version of a rule set: who saved it and when. */
public record RuleSetRecord(RuleSet rules, String savedBy, Instant savedAt, String note) {
}
