package cn.gannan.hpf.talks.api;

import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * One talk, as the caller may see it. When {@code contentVisible} is false the confidential
 * content is withheld: {@code topics} and {@code summary} are null and {@code followUps} is empty
 * (its count stays in {@code openFollowUps}).
 *
 * @param personTimes distinct participants (talkers and targets): a collective talk counts once per participant
 * @param canEdit     whether the caller may change, void or add follow-ups to it
 */
public record Talk(String id, String officeCode, TalkKind kind, LocalDate date, String place,
        List<Participant> talkers, List<Participant> targets, String decidingUnitId, String decidingUnitName,
        String decidedBy, DecisionLink decision, TalkTrigger trigger, String triggerNote, boolean contentVisible,
        String topics, String summary, List<FollowUp> followUps, int openFollowUps, TalkStatus status,
        String voidReason, int personTimes, boolean confirmedByAll, boolean canEdit, RecordMeta meta) {
}
