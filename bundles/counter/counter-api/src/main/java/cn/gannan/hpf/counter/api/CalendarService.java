package cn.gannan.hpf.counter.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.counter.api.Records.HolidayDraft;
import cn.gannan.hpf.counter.api.Records.HolidayEntry;
import cn.gannan.hpf.counter.api.rules.WorkCalendar;

/**
 * The holiday calendar (reference data, editable by central admins): official days off and
 * make-up working days per year. Shipped with the official schedules of 2026 and 2017.
 */
@ProviderType
public interface CalendarService {

    /** The current calendar for due-date arithmetic. */
    WorkCalendar calendar();

    List<HolidayEntry> entries(Caller caller, int year);

    /** Years that have an entered schedule. */
    List<Integer> years(Caller caller);

    HolidayEntry add(Caller caller, HolidayDraft draft);

    void remove(Caller caller, String id, long expectedVersion);

    /** Working-day arithmetic for the UI and API: the n-th working day after a date. */
    LocalDate addWorkingDays(LocalDate start, int days);
}
