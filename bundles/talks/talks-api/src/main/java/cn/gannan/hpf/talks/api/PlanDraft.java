package cn.gannan.hpf.talks.api;

/**
 * A new plan, generated from the current members of the body: every pair of leadership members
 * (班子成员之间), every leadership member with every ordinary member (班子与党员), and, when
 * {@code includeMemberPairs}, every pair of ordinary members (党员之间).
 */
public record PlanDraft(String orgUnitId, int year, String note, boolean includeMemberPairs) {
}
