package cn.gannan.hpf.meetings.api;

/** How often a meeting type must be held by the bodies it applies to. */
public enum Cadence {
    NONE(0), MONTH(12), QUARTER(4), YEAR(1);

    private final int periodsPerYear;

    Cadence(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public String messageKey() {
        return "cadence." + name();
    }
}
