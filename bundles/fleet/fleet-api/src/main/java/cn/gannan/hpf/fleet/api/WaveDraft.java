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

    /**
     * The text form used by the console and the web form: {@code OFFICES[/SUCCESS%][/auto|approve]}, e.g.
     * {@code GN01} (100 %, advances by itself) or {@code GN02,GN03,GN04/75/approve}. A percentage that is not a
     * number becomes -1, which the rollout service refuses with its rule.
     */
    public static WaveDraft parse(String spec) {
        String[] parts = (spec == null ? "" : spec).split("/");
        List<String> offices = java.util.Arrays.stream(parts[0].split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        int success = 100;
        boolean auto = true;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().replace("%", "");
            if (p.equalsIgnoreCase("auto")) {
                auto = true;
            } else if (p.equalsIgnoreCase("approve")) {
                auto = false;
            } else {
                try {
                    success = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    success = -1;
                }
            }
        }
        return new WaveDraft(offices, success, auto);
    }
}
