package cn.gannan.hpf.rooms.api;

import java.time.Instant;
import java.util.List;

/**
 * A site checked against the current standard, item by item. The rate is satisfied mandatory
 * items over all mandatory items (0 to 1); a site without a room has every item missing.
 */
public record ConformanceReport(String officeCode, String roomId, String roomName, String standardId,
        int standardVersion, Instant checkedAt, List<ConformanceLine> lines, int mandatoryTotal,
        int mandatorySatisfied) {

    public double rate() {
        return mandatoryTotal == 0 ? 1.0 : (double) mandatorySatisfied / mandatoryTotal;
    }

    /** The lines that are not satisfied. */
    public List<ConformanceLine> failures() {
        return lines.stream().filter(l -> l.status() != ConformanceStatus.SATISFIED).toList();
    }
}
