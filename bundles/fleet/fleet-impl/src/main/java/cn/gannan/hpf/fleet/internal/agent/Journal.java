package cn.gannan.hpf.fleet.internal.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The update in progress, written before each step so that an agent restarted in the middle (Karaf refreshes the
 * agent's bundle when it updates the core, and a new agent version replaces the old one) carries on where it
 * stopped: it checks the node and commits, or rolls back.
 *
 * @param from          the release the node ran
 * @param to            the release being applied
 * @param attempt       the centre's attempt number of this update
 * @param fromFeatures  the features the node asked for before (name to version), restored by a rollback
 * @param toFeatures    the feature names installed at {@code to}
 * @param fromRepository the features repository of {@code from}, removed on success
 * @param toRepository  the features repository of {@code to}, removed on rollback
 * @param backup        the database backup folder
 * @param deadline      when the health check gives up
 * @param reason        why it is rolling back
 */
public record Journal(int format, String from, String to, int attempt, Map<String, String> fromFeatures,
        List<String> toFeatures, String fromRepository, String toRepository, String backup, Stage stage, Instant deadline,
        String reason) {

    public enum Stage {
        BACKING_UP, INSTALLING, CHECKING, ROLLING_BACK
    }

    public Journal at(Stage s, Instant newDeadline, String why) {
        return new Journal(format, from, to, attempt, fromFeatures, toFeatures, fromRepository, toRepository, backup, s,
                newDeadline, why);
    }
}
