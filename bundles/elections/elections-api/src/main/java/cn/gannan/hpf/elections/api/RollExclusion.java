package cn.gannan.hpf.elections.api;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.PoliticalStatus;

/**
 * A member of the electing body who is not a voter on the election day, with the rule that excludes them
 * (e.g. a probationary member, a member under 留党察看): not on the roll and not counted as expected.
 *
 * @param status the person's political status on the election day
 * @param reason the rule and why, in the module's bundle
 */
public record RollExclusion(String personId, String personName, PoliticalStatus status, Msg reason) {
}
