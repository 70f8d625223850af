package cn.gannan.hpf.talks.api;

/** A plan with pairs still uncovered while its year runs out. */
public record CoverageWarning(String planId, String officeCode, String orgUnitName, int year, int uncoveredPairs,
        int totalPairs, long daysLeft) {
}
