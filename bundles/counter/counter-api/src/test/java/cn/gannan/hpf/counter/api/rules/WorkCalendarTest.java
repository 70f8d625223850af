package cn.gannan.hpf.counter.api.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import cn.gannan.hpf.counter.api.rules.WorkCalendar.DayKind;

public class WorkCalendarTest {

    static WorkCalendar official() {
        Map<LocalDate, DayKind> m = new HashMap<>();
        for (int y : HolidaySchedule.years()) {
            HolidaySchedule.official(y).forEach(d -> m.put(d.date(), d.kind()));
        }
        return new WorkCalendar(m, Set.copyOf(HolidaySchedule.years()));
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    public void weekendsAndHolidaysAreOffMakeUpDaysAreWorking() {
        WorkCalendar c = official();
        assertTrue(c.isWorkingDay(d("2026-11-27"))); // Friday
        assertFalse(c.isWorkingDay(d("2026-11-28"))); // Saturday
        assertFalse(c.isWorkingDay(d("2026-10-01"))); // National Day, Thursday
        assertFalse(c.isWorkingDay(d("2026-10-07")));
        assertTrue(c.isWorkingDay(d("2026-10-10"))); // make-up Saturday
        assertTrue(c.isWorkingDay(d("2026-09-20"))); // make-up Sunday
        assertTrue(c.isWorkingDay(d("2026-01-04"))); // make-up Sunday after New Year
        assertTrue(c.isWorkingDay(d("2026-02-14")));
        assertTrue(c.isWorkingDay(d("2026-02-28")));
        assertFalse(c.isWorkingDay(d("2026-02-23"))); // Monday inside Spring Festival
        assertTrue(c.isWorkingDay(d("2017-09-30")));
        assertFalse(c.isWorkingDay(d("2017-10-08"))); // Sunday inside the holiday
    }

    @Test
    public void everyShippedDayIsLoaded() {
        assertEquals(3 + 1 + 9 + 2 + 3 + 5 + 1 + 3 + 3 + 7 + 2, HolidaySchedule.official(2026).size());
        assertEquals(2 + 7 + 2 + 3 + 1 + 3 + 3 + 1 + 8 + 1, HolidaySchedule.official(2017).size());
        assertTrue(HolidaySchedule.official(2027).isEmpty());
    }

    @Test
    public void addWorkingDaysCountsFromTheNextDay() {
        WorkCalendar c = official();
        assertEquals(d("2026-11-27"), c.addWorkingDays(d("2026-11-27"), 0)); // 即办
        assertEquals(d("2026-11-30"), c.addWorkingDays(d("2026-11-27"), 1)); // Friday + 1 = Monday
        assertEquals(d("2026-12-02"), c.addWorkingDays(d("2026-11-27"), 3));
        // accepted the day before National Day: Thursday 8, Friday 9, Saturday 10 (make-up), Monday 12
        assertEquals(d("2026-10-08"), c.addWorkingDays(d("2026-09-30"), 1));
        assertEquals(d("2026-10-09"), c.addWorkingDays(d("2026-09-30"), 2));
        assertEquals(d("2026-10-10"), c.addWorkingDays(d("2026-09-30"), 3));
        assertEquals(d("2026-10-12"), c.addWorkingDays(d("2026-09-30"), 4));
        // accepted on a Saturday (make-up day or not) still counts from the next day
        assertEquals(d("2026-11-30"), c.addWorkingDays(d("2026-11-28"), 1));
        // Spring festival 2026: Friday 13 Feb + 1 = Saturday 14 (make-up), + 2 = Tuesday 24
        assertEquals(d("2026-02-14"), c.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), c.addWorkingDays(d("2026-02-13"), 2));
        // 15 working days for a loan, across the 2017 National Day
        assertEquals(d("2017-10-20"), c.addWorkingDays(d("2017-09-25"), 15));
    }

    @Test
    public void uncoveredYearFallsBackToWeekdays() {
        WorkCalendar c = official();
        assertFalse(c.covers(2027));
        assertTrue(c.covers(2026));
        assertFalse(c.isWorkingDay(d("2027-01-02"))); // Saturday
        assertTrue(c.isWorkingDay(d("2027-01-01"))); // Friday: New Year not entered yet
        // 31 Dec 2026 (Thursday) + 3 crosses into the uncovered year
        assertEquals(d("2027-01-05"), c.addWorkingDays(d("2026-12-31"), 3));
        assertEquals(d("2026-12-03"), WorkCalendar.weekdaysOnly().addWorkingDays(d("2026-11-30"), 3));
    }

    @Test
    public void workingDaysBetween() {
        WorkCalendar c = official();
        assertEquals(0, c.workingDaysBetween(d("2026-11-27"), d("2026-11-27")));
        assertEquals(0, c.workingDaysBetween(d("2026-11-27"), d("2026-11-29")));
        assertEquals(1, c.workingDaysBetween(d("2026-11-27"), d("2026-11-30")));
        assertEquals(-1, c.workingDaysBetween(d("2026-11-30"), d("2026-11-27")));
        assertEquals(3, c.workingDaysBetween(d("2026-09-30"), d("2026-10-10")));
        for (int n = 0; n < 30; n++) {
            LocalDate start = d("2026-09-18");
            assertEquals(n, c.workingDaysBetween(start, c.addWorkingDays(start, n)));
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativeLimitIsABug() {
        official().addWorkingDays(d("2026-11-27"), -1);
    }
}
