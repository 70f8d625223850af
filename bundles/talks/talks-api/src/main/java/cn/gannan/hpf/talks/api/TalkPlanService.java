package cn.gannan.hpf.talks.api;

import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.Caller;

import org.osgi.annotation.versioning.ProviderType;

/** Yearly talk plans per body and their coverage. One plan per body and year. */
@ProviderType
public interface TalkPlanService {

    /** Plans the caller may read, of one office (or the caller's scope) and optionally one year. */
    List<TalkPlan> plans(Caller caller, String officeCode, Integer year);

    TalkPlan plan(Caller caller, String id);

    /** Creates the plan of a body for a year from its current members. */
    TalkPlan create(Caller caller, PlanDraft draft);

    TalkPlan addPair(Caller caller, String planId, long expectedVersion, PairDraft pair);

    TalkPlan removePair(Caller caller, String planId, long expectedVersion, String pairId);

    /** Deletes a plan (audited); the talks stay. */
    void delete(Caller caller, String planId, long expectedVersion);

    /** The plan's coverage on a day: pairs covered so far and every pair still without a talk. */
    Coverage coverage(Caller caller, String planId, LocalDate asOf);

    /**
     * Plans of the year of {@code today} that still have uncovered pairs, when at most
     * {@code withinDays} days of the year are left.
     */
    List<CoverageWarning> warnings(Caller caller, String officeCode, LocalDate today, int withinDays);

    /** The configured look-ahead of the warnings, in days before the end of the year. */
    int defaultWarningDays();
}
