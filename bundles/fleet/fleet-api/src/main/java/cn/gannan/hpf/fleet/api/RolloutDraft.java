package cn.gannan.hpf.fleet.api;

import java.util.List;

/**
 * A new rollout.
 *
 * @param errorThresholdPercent share of a wave's offices (1–100) whose failure stops the whole rollout; reaching
 *                              it exactly stops it
 */
public record RolloutDraft(String name, String release, int errorThresholdPercent, List<WaveDraft> waves) {

    public RolloutDraft {
        waves = waves == null ? List.of() : List.copyOf(waves);
    }
}
