package cn.gannan.hpf.elections.api.rules;

/**
 * An exact fraction such as 4/5 or 2/3. Thresholds are compared in integers
 * ({@code count * denominator} against {@code base * numerator}), never in floating point, so
 * "exactly 4/5" is decided exactly.
 */
public record Fraction(int numerator, int denominator) {

    public Fraction {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("fraction " + numerator + "/" + denominator);
        }
    }

    public static Fraction of(int numerator, int denominator) {
        return new Fraction(numerator, denominator);
    }

    /** Parses {@code "4/5"}; null when the text is not a fraction with a positive denominator. */
    public static Fraction parse(String text) {
        if (text == null) {
            return null;
        }
        String[] p = text.strip().split("/");
        try {
            if (p.length == 1) {
                return new Fraction(Integer.parseInt(p[0].strip()), 1);
            }
            if (p.length == 2) {
                return new Fraction(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** True when {@code count / base} is more than this fraction (strict) or at least it. */
    public boolean reached(long count, long base, Comparison comparison) {
        long lhs = count * denominator;
        long rhs = base * numerator;
        return comparison == Comparison.MORE_THAN ? lhs > rhs : lhs >= rhs;
    }

    /** The least count that reaches this fraction of {@code base} under the comparison. */
    public long minimum(long base, Comparison comparison) {
        long product = base * numerator;
        return comparison == Comparison.MORE_THAN
                ? Math.floorDiv(product, denominator) + 1
                : Math.floorDiv(product + denominator - 1, denominator);
    }

    /** True when the fraction is at most 1 (a threshold can be reached). */
    public boolean atMostOne() {
        return numerator <= denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
