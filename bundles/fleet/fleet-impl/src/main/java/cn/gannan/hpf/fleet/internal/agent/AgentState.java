package cn.gannan.hpf.fleet.internal.agent;

import cn.gannan.hpf.fleet.api.DesiredState;

/**
 * What the agent keeps between polls and restarts.
 *
 * @param running       the release the node runs (null until the first look at the installed features)
 * @param previous      the one before it
 * @param failedRelease the last release whose update failed
 * @param failedAttempt its attempt number: the release is tried again only for a higher one
 * @param lastError     why it failed
 * @param desired       the centre's last answer, used while the centre is unreachable
 */
public record AgentState(String running, String previous, String failedRelease, int failedAttempt, String lastError,
        DesiredState desired) {

    public static final AgentState EMPTY = new AgentState(null, null, null, 0, null, null);

    public AgentState withDesired(DesiredState d) {
        return new AgentState(running, previous, failedRelease, failedAttempt, lastError, d);
    }

    public AgentState withRunning(String r) {
        return new AgentState(r, previous, failedRelease, failedAttempt, lastError, desired);
    }
}
