package cn.gannan.hpf.fleet.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a county agent reports on every poll.
 *
 * @param runningRelease the release the node runs
 * @param modules        the enabled module ids
 * @param targetRelease  the release the agent is working towards, or null
 * @param failedRelease  the last release whose update failed (rolled back), or null
 * @param failedAttempt  the desired-state attempt number of that failure
 * @param lastError      why the last update failed or why the node is unhealthy, or null
 * @param agentTime      the node's clock when it sent the heartbeat
 */
public record Heartbeat(String runningRelease, List<String> modules, Health health, AgentPhase phase,
        String targetRelease, String failedRelease, int failedAttempt, String lastError, Instant agentTime) {

    public Heartbeat {
        modules = modules == null ? List.of() : modules.stream().filter(Objects::nonNull).toList();
        health = health == null ? Health.UNKNOWN : health;
        phase = phase == null ? AgentPhase.IDLE : phase;
    }
}
