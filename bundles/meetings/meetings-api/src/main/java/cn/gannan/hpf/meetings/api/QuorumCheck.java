package cn.gannan.hpf.meetings.api;

/**
 * Whether enough members were present to take decisions.
 *
 * @param expected  members expected to attend (应到)
 * @param present   members present (实到)
 * @param required  the smallest number present that meets the rule
 * @param rule      the threshold applied
 * @param personnel whether the stricter personnel rule applied
 */
public record QuorumCheck(int expected, int present, int required, Threshold rule, boolean personnel, boolean met) {
}
