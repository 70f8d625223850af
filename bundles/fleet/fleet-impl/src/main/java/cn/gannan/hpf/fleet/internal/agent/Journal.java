package cn.gannan.hpf.fleet.internal.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The update in progress, written before each step so that an agent restarted in the middle (Karaf refreshes or
 * replaces the agent's bundle when it updates the product) carries on where it stopped: it checks the node and
 * commits, or rolls back.
 *
 * @param from          the release the node ran
 * @param to            the release being applied
 * @param attempt       the centre's attempt number of this update
 * @param repositories  the features repositories before the update, put back by a rollback
 * @param requirements  the requirements before the update (region to requirements), put back by a rollback
 * @param fromFeatures  the product features before (name to version), checked after a rollback
 * @param toFeatures    the product feature names wanted at {@code to}, checked after the install
 * @param toRepository  the features repository of {@code to}
 * @param backup        the database backup folder
 * @param deadline      when the health check gives up
 * @param reason        why it is rolling back
 * @param started       when the update began (null in journals of the first format)
 */
public record Journal(int format, String from, String to, int attempt, List<String> repositories,
        Map<String, List<String>> requirements, Map<String, String> fromFeatures, List<String> toFeatures,
        String toRepository, String backup, Stage stage, Instant deadline, String reason, Instant started) {

    public enum Stage {
        BACKING_UP, INSTALLING, CHECKING, ROLLING_BACK
    }

    public Journal at(Stage s, Instant newDeadline, String why) {
        return new Journal(format, from, to, attempt, repositories, requirements, fromFeatures, toFeatures, toRepository, backup,
                s, newDeadline, why, started);
    }
}
