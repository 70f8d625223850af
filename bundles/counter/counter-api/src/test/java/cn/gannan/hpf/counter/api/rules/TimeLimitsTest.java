package cn.gannan.hpf.counter.api.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.Test;

import cn.gannan.hpf.counter.api.rules.TimeLimits.LimitProblem;
import cn.gannan.hpf.counter.api.rules.TimeLimits.State;

public class TimeLimitsTest {

    private final WorkCalendar cal = WorkCalendarTest.official();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    public void limitsPromisedShorterThanLegal() {
        assertEquals(Optional.empty(), TimeLimits.checkLimits(3, 1));
        assertEquals(Optional.empty(), TimeLimits.checkLimits(3, 0)); // 即办
        assertEquals(Optional.empty(), TimeLimits.checkLimits(0, 0)); // enquiry: 即办 both
        assertEquals(Optional.empty(), TimeLimits.checkLimits(15, 14));
        assertEquals(Optional.of(LimitProblem.PROMISED_NOT_SHORTER), TimeLimits.checkLimits(3, 3));
        assertEquals(Optional.of(LimitProblem.PROMISED_NOT_SHORTER), TimeLimits.checkLimits(3, 4));
        assertEquals(Optional.of(LimitProblem.PROMISED_NOT_SHORTER), TimeLimits.checkLimits(0, 1));
        assertEquals(Optional.of(LimitProblem.NEGATIVE), TimeLimits.checkLimits(-1, 0));
        assertEquals(Optional.of(LimitProblem.NEGATIVE), TimeLimits.checkLimits(3, -1));
    }

    @Test
    public void clockStartsAtAcceptance() {
        assertNull(TimeLimits.clockStart(null, 0, null));
        assertEquals(d("2026-11-27"), TimeLimits.clockStart(d("2026-11-27"), 0, null));
        assertEquals(d("2026-11-27"), TimeLimits.dueDate(cal, d("2026-11-27"), 0));
        assertEquals(d("2026-12-02"), TimeLimits.dueDate(cal, d("2026-11-27"), 3));
    }

    @Test
    public void clockStopsWhileDocumentsAreMissingAndRestartsAfterTheLast() {
        assertNull(TimeLimits.clockStart(d("2026-11-23"), 1, null));
        assertNull(TimeLimits.dueDate(cal, null, 3));
        // last item arrived on Wednesday 25th: counting restarts on the 26th
        LocalDate start = TimeLimits.clockStart(d("2026-11-23"), 0, d("2026-11-25"));
        assertEquals(d("2026-11-25"), start);
        assertEquals(d("2026-11-30"), TimeLimits.dueDate(cal, start, 3));
        // an arrival recorded before acceptance does not move the start
        assertEquals(d("2026-11-23"), TimeLimits.clockStart(d("2026-11-23"), 0, d("2026-11-20")));
    }

    @Test
    public void states() {
        LocalDate due = d("2026-12-02"); // Wednesday
        assertEquals(State.CLOCK_STOPPED, TimeLimits.state(cal, d("2026-11-27"), null, null, 1));
        assertEquals(State.ON_TRACK, TimeLimits.state(cal, d("2026-11-27"), due, null, 1));
        assertEquals(State.ON_TRACK, TimeLimits.state(cal, d("2026-11-30"), due, null, 1)); // 2 left
        assertEquals(State.DUE_SOON, TimeLimits.state(cal, d("2026-12-01"), due, null, 1)); // 1 left
        assertEquals(State.DUE_SOON, TimeLimits.state(cal, d("2026-11-30"), due, null, 2));
        assertEquals(State.DUE_TODAY, TimeLimits.state(cal, due, due, null, 1));
        assertEquals(State.OVERDUE, TimeLimits.state(cal, d("2026-12-03"), due, null, 1));
        assertEquals(State.DONE_ON_TIME, TimeLimits.state(cal, d("2026-12-09"), due, due, 1));
        assertEquals(State.DONE_LATE, TimeLimits.state(cal, d("2026-12-09"), due, d("2026-12-03"), 1));
        assertEquals(State.DONE_ON_TIME, TimeLimits.state(cal, d("2026-12-09"), null, d("2026-12-03"), 1));
    }
}
