package cn.gannan.hpf.counter.api.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 限时办结: legal and promised limits in working days. The clock starts at acceptance (受理) and
 * counts from the next day; when documents were missing it restarts from the day the last one
 * arrived, again counting from the next day. While documents are missing the clock is stopped.
 */
public final class TimeLimits {

    /** Where an application stands against its due date. */
    public enum State {
        /** Not accepted yet, or documents still missing: no due date. */
        CLOCK_STOPPED,
        ON_TRACK,
        /** At most the warning number of working days left. */
        DUE_SOON,
        DUE_TODAY,
        OVERDUE,
        /** Decided on or before the due date. */
        DONE_ON_TIME,
        /** Decided after the due date. */
        DONE_LATE
    }

    /** Why a pair of limits was refused. */
    public enum LimitProblem {
        /** A limit below zero. */
        NEGATIVE,
        /** The promised limit is not shorter than the legal one (both 0, 即办, is allowed). */
        PROMISED_NOT_SHORTER
    }

    private TimeLimits() {
    }

    /** Checks a legal and a promised limit of a business type. */
    public static Optional<LimitProblem> checkLimits(int legalDays, int promisedDays) {
        if (legalDays < 0 || promisedDays < 0) {
            return Optional.of(LimitProblem.NEGATIVE);
        }
        if (legalDays == 0 ? promisedDays != 0 : promisedDays >= legalDays) {
            return Optional.of(LimitProblem.PROMISED_NOT_SHORTER);
        }
        return Optional.empty();
    }

    /**
     * The day the clock (re)started, or null while it is stopped.
     *
     * @param acceptedOn       the day of acceptance, null before
     * @param missingCount     documents still missing
     * @param lastArrival      the day the last missing document arrived after acceptance, or null
     */
    public static LocalDate clockStart(LocalDate acceptedOn, int missingCount, LocalDate lastArrival) {
        if (acceptedOn == null || missingCount > 0) {
            return null;
        }
        return lastArrival != null && lastArrival.isAfter(acceptedOn) ? lastArrival : acceptedOn;
    }

    /** The due date of a limit from the clock start, or null while the clock is stopped. */
    public static LocalDate dueDate(WorkCalendar cal, LocalDate clockStart, int limitDays) {
        return clockStart == null ? null : cal.addWorkingDays(clockStart, limitDays);
    }

    /**
     * The state on {@code today}.
     *
     * @param decidedOn   the day of the decision, or null while open
     * @param warnDays    warn when at most this many working days are left
     */
    public static State state(WorkCalendar cal, LocalDate today, LocalDate due, LocalDate decidedOn, int warnDays) {
        if (decidedOn != null) {
            return due == null || !decidedOn.isAfter(due) ? State.DONE_ON_TIME : State.DONE_LATE;
        }
        if (due == null) {
            return State.CLOCK_STOPPED;
        }
        if (today.isAfter(due)) {
            return State.OVERDUE;
        }
        if (today.equals(due)) {
            return State.DUE_TODAY;
        }
        return cal.workingDaysBetween(today, due) <= warnDays ? State.DUE_SOON : State.ON_TRACK;
    }
}
