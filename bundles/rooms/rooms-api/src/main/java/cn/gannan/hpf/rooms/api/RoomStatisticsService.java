package cn.gannan.hpf.rooms.api;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/** Conformance rate per site, open rectification items, usage hours per month; .xlsx export. */
@ProviderType
public interface RoomStatisticsService {

    /** For a year and one office, or every office the caller reads when {@code officeCode} is null. */
    RoomStatistics statistics(Caller caller, int year, String officeCode);

    /** The same figures as an Excel workbook, labelled in the locale. */
    byte[] exportXlsx(Caller caller, int year, String officeCode, Locale locale);
}
