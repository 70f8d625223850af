package cn.gannan.hpf.fleet.api;

import java.util.List;

/**
 * One wave of a new rollout.
 *
 * @param offices        the county offices of the wave (a pilot wave has one)
 * @param successPercent share of the wave's offices (1–100) that must run the release healthily for the wave to
 *                       succeed
 * @param autoAdvance    on success, start the next wave at once; otherwise wait for an admin's approval
 */
public record WaveDraft(List<String> offices, int successPercent, boolean autoAdvance) {

    public WaveDraft {
        offices = offices == null ? List.of() : List.copyOf(offices);
    }
}
