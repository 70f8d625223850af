package cn.gannan.hpf.fleet.api;

import java.util.List;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.RecordMeta;

/**
 * A rollout of a release to county offices in waves.
 *
 * @param stopReason why it stopped (the wave, the failures and the threshold), or null; format it in the reader's
 *                   language
 */
public record Rollout(String id, String name, String release, RolloutStatus status, int errorThresholdPercent,
        Msg stopReason, List<RolloutWave> waves, RecordMeta meta) {

    public Rollout {
        waves = List.copyOf(waves);
    }

    /** The wave being worked on: the last one that has started, or null before the start. */
    public RolloutWave currentWave() {
        RolloutWave current = null;
        for (RolloutWave w : waves) {
            if (w.status() != WaveStatus.PENDING) {
                current = w;
            }
        }
        return current;
    }
}
