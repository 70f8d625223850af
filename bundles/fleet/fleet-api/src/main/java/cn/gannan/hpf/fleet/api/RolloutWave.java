package cn.gannan.hpf.fleet.api;

import java.util.List;

/** One wave of a rollout, numbered from 1. */
public record RolloutWave(int number, WaveStatus status, int successPercent, boolean autoAdvance, List<RolloutTarget> targets) {

    public RolloutWave {
        targets = List.copyOf(targets);
    }

    public long count(TargetStatus s) {
        return targets.stream().filter(t -> t.status() == s).count();
    }
}
