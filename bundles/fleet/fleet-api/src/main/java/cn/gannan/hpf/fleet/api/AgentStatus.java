package cn.gannan.hpf.fleet.api;

import java.time.Instant;
import java.util.List;

/**
 * The county agent's own view.
 *
 * @param runningRelease  the release this node runs
 * @param previousRelease the one before it, or null
 * @param targetRelease   what the centre last asked for (from its cache while the centre is unreachable), or null
 * @param failedRelease   the last release whose update failed and was rolled back, or null
 * @param lastError       why, or why the node is unhealthy
 * @param centreReachable whether the last poll reached the centre
 * @param lastContact     when the centre last answered, or null
 * @param nextPoll        when the agent polls next
 * @param problems        what the last health check found (empty when healthy)
 */
public record AgentStatus(String officeCode, String centreUrl, String runningRelease, String previousRelease,
        String targetRelease, AgentPhase phase, Health health, String failedRelease, String lastError,
        boolean centreReachable, Instant lastContact, Instant nextPoll, List<String> problems) {

    public AgentStatus {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
