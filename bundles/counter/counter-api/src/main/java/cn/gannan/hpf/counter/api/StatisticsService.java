package cn.gannan.hpf.counter.api;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.counter.api.Records.CounterStats;

/** Statistics per office, window, clerk and business type of a year, and their Excel export. */
@ProviderType
public interface StatisticsService {

    /** The office scope follows the caller: an office-bound caller sees their own office. */
    CounterStats stats(Caller caller, String officeCode, int year);

    /** A real .xlsx workbook, one sheet per grouping. */
    byte[] xlsx(Caller caller, String officeCode, int year, Locale locale);
}
