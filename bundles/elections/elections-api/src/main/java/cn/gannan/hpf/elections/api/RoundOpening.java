package cn.gannan.hpf.elections.api;

import cn.gannan.hpf.elections.api.rules.RoundKind;

/**
 * Opening a round.
 *
 * @param kind        regular (first), run-off (among the tied of the last round) or further (remaining seats)
 * @param issued      ballots issued
 * @param scrutineers 监票人
 * @param tellers     计票人
 * @param doubleEntry two tellers enter every ballot independently
 */
public record RoundOpening(RoundKind kind, Integer issued, String scrutineers, String tellers, Boolean doubleEntry) {
}
