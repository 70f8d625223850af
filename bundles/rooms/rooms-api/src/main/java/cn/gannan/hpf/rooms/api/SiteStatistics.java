package cn.gannan.hpf.rooms.api;

import java.util.List;

/**
 * One site's figures for a year: conformance against the current standard, rectification items,
 * usage hours per month (12 values, January first).
 */
public record SiteStatistics(String officeCode, boolean hasRoom, int mandatorySatisfied, int mandatoryTotal,
        double conformanceRate, int openRectifications, int overdueRectifications, int closedRectifications,
        List<Double> usageHoursByMonth, int bookings) {

    public double usageHours() {
        return usageHoursByMonth.stream().mapToDouble(Double::doubleValue).sum();
    }
}
