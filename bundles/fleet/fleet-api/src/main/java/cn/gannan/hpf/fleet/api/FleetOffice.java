package cn.gannan.hpf.fleet.api;

import java.time.Instant;
import java.util.List;

/**
 * One county office in the fleet view: what the centre wants it to run, what it last reported.
 *
 * @param targetRelease   the desired release, or null
 * @param desiredModules  the desired module set, or null when the office decides
 * @param runningRelease  as last reported, or null when never seen
 * @param lastSeen        when its last heartbeat arrived, or null
 * @param stale           no heartbeat for more than the configured number of poll intervals
 * @param tokenIssued     whether the office has a valid credential
 */
public record FleetOffice(String officeCode, String nameZh, String nameEn, String targetRelease, int attempt,
        List<String> desiredModules, String runningRelease, List<String> modules, Health health, AgentPhase phase,
        String failedRelease, String lastError, Instant lastSeen, boolean stale, boolean tokenIssued) {
}
