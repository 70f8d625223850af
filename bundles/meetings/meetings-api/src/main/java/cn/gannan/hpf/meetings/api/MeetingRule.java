package cn.gannan.hpf.meetings.api;

import cn.gannan.hpf.core.api.OrgUnitType;

/**
 * The rule set of one meeting type, kept as data an admin may change.
 *
 * @param quorum          share of expected members who must be present to take decisions
 * @param personnelQuorum the stricter share when a topic appoints cadres or disciplines members; null if none
 * @param vote            approvals a decision needs; null when this type does not vote
 * @param voteBase        what {@code vote} is a share of
 * @param cadence         how often the bodies of {@code appliesTo} must hold this type
 * @param appliesTo       the org unit type the cadence applies to; null when there is no cadence
 */
public record MeetingRule(MeetingType type, Threshold quorum, Threshold personnelQuorum, Threshold vote,
        VoteBase voteBase, Cadence cadence, OrgUnitType appliesTo, long version) {
}
