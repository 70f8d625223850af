package cn.gannan.hpf.counter.api.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days: Monday to Friday, minus the official days off, plus the official make-up working
 * days (调休上班, usually a Saturday or Sunday). Immutable; built from the holiday reference data.
 * A year without an entered schedule falls back to Monday–Friday, and {@link #covers(int)} says so,
 * so callers can warn that its due dates ignore holidays.
 */
public final class WorkCalendar {

    /** What an entered day is. */
    public enum DayKind {
        /** An official day off (holiday, or a weekday moved to the holiday). */
        OFF,
        /** An official make-up working day on a weekend. */
        WORK
    }

    private final Map<LocalDate, DayKind> days;
    private final Set<Integer> years;

    /**
     * @param days  the entered days
     * @param years the years whose schedule is entered (complete), even if a year has no entries
     */
    public WorkCalendar(Map<LocalDate, DayKind> days, Set<Integer> years) {
        this.days = Collections.unmodifiableMap(new HashMap<>(days));
        this.years = Collections.unmodifiableSet(new TreeSet<>(years));
    }

    /** Monday to Friday only. */
    public static WorkCalendar weekdaysOnly() {
        return new WorkCalendar(Map.of(), Set.of());
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return years;
    }

    public boolean isWorkingDay(LocalDate d) {
        DayKind k = days.get(d);
        if (k != null) {
            return k == DayKind.WORK;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which a limit of {@code n} working days counted from the day after {@code start}
     * ends: the n-th working day after start. With n = 0 (即办) it is the start day itself.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative limit");
        }
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days in (from, to]: how many working days after {@code from} up to and including
     * {@code to}; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
