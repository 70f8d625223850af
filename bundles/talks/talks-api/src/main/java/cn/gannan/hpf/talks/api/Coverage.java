package cn.gannan.hpf.talks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * How far a plan is covered: a pair is covered by a recorded talk of the plan's year in which both
 * took part on opposite sides, or together in a collective talk (a collective talk counts for
 * every participant).
 *
 * @param ratePercent covered pairs in percent of all pairs, one decimal; 100 for an empty plan
 * @param daysLeft    days from {@code asOf} to the end of the plan's year (0 once it is over)
 */
public record Coverage(String planId, String officeCode, int year, String orgUnitName, int totalPairs,
        int coveredPairs, double ratePercent, List<PlanPair> uncovered, LocalDate asOf, long daysLeft) {
}
