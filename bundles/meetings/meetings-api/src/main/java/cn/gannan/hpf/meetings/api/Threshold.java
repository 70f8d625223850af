package cn.gannan.hpf.meetings.api;

/**
 * A fraction that a count must reach: {@code strict} means "more than" (超过), otherwise "at least"
 * (不少于). Exactly half with a strict 1/2 does not pass.
 */
public record Threshold(int numerator, int denominator, boolean strict) {

    public Threshold {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("threshold " + numerator + "/" + denominator);
        }
    }

    /** Whether {@code count} out of {@code base} passes; integer arithmetic, no rounding. */
    public boolean passes(int count, int base) {
        long lhs = (long) count * denominator;
        long rhs = (long) base * numerator;
        return strict ? lhs > rhs : lhs >= rhs;
    }

    /** The smallest count that passes out of {@code base}. */
    public int minimum(int base) {
        long rhs = (long) base * numerator;
        long q = rhs / denominator;
        if (strict) {
            return (int) q + 1;
        }
        return (int) (rhs % denominator == 0 ? q : q + 1);
    }

    /** e.g. "&gt;1/2" or "≥2/3". */
    public String label() {
        return (strict ? ">" : "≥") + numerator + "/" + denominator;
    }
}
