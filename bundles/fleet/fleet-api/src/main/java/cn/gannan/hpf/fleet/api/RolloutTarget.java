package cn.gannan.hpf.fleet.api;

/**
 * One office of a rollout.
 *
 * @param fromRelease what it ran when its wave started
 * @param attempt     the desired-state attempt it was sent (raised by each retry)
 * @param lastError   why it failed, as its agent reported
 */
public record RolloutTarget(String officeCode, TargetStatus status, String fromRelease, int attempt, String lastError) {

    public RolloutTarget with(TargetStatus s) {
        return new RolloutTarget(officeCode, s, fromRelease, attempt, lastError);
    }
}
