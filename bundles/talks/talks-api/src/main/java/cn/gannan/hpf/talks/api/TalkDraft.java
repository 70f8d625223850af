package cn.gannan.hpf.talks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a recorder enters for a talk.
 *
 * @param officeCode       office of the record; null for the caller's own
 * @param kindCode         a {@link TalkKind#code()}
 * @param talkerIds        people directory ids of the talkers (谈话人), at least one
 * @param targetIds        ids of the targets (谈话对象): one for a one-on-one kind, two or more for a collective kind
 * @param decidingUnitId   the body that decided the talk (core org unit id), optional
 * @param decidedBy        who decided it, free text (e.g. "党组会议研究确定"), optional
 * @param decisionSourceId with decisionRefId and decisionText: optional link to a decision source (a meeting)
 * @param followUps        follow-ups to create with the talk (on create only; later through addFollowUp)
 */
public record TalkDraft(String officeCode, String kindCode, LocalDate date, String place, List<String> talkerIds,
        List<String> targetIds, String decidingUnitId, String decidedBy, String decisionSourceId, String decisionRefId,
        String decisionText, TalkTrigger trigger, String triggerNote, String topics, String summary,
        List<FollowUpDraft> followUps) {
}
