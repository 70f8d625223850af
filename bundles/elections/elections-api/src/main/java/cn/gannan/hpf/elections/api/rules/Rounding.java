package cn.gannan.hpf.elections.api.rules;

/** How the minimum number of candidates ({@code seats × (1 + ratio)}) is rounded to whole people. */
public enum Rounding {
    /** Up to the next whole number (7 × 1.2 = 8.4 → 9). */
    UP,
    /** To the nearest, halves up (8.4 → 8, 8.5 → 9). */
    HALF_UP,
    /** Down (8.4 → 8). */
    DOWN;

    /** {@code value = numerator / denominator}, rounded. */
    public long apply(long numerator, long denominator) {
        return switch (this) {
            case UP -> Math.floorDiv(numerator + denominator - 1, denominator);
            case HALF_UP -> Math.floorDiv(2 * numerator + denominator, 2 * denominator);
            case DOWN -> Math.floorDiv(numerator, denominator);
        };
    }

    public String messageKey() {
        return "rounding." + name();
    }
}
