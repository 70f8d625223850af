package cn.gannan.hpf.meetings.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.meetings.api.Cadence;
import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.MeetingRule;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.QuorumCheck;
import cn.gannan.hpf.meetings.api.Threshold;
import cn.gannan.hpf.meetings.api.VoteBase;
import cn.gannan.hpf.meetings.api.VoteResult;

/** The domain rules as plain functions of a rule set, so each one is tested alone (boundaries too). */
final class Rules {

    /** Which kinds of body hold which meeting types. */
    static final Map<MeetingType, Set<OrgUnitType>> BODIES = Map.ofEntries(
            Map.entry(MeetingType.PARTY_GROUP, EnumSet.of(OrgUnitType.PARTY_GROUP)),
            Map.entry(MeetingType.DIRECTOR_OFFICE, EnumSet.of(OrgUnitType.PARTY_GROUP, OrgUnitType.COUNTY_DEPARTMENT,
                    OrgUnitType.SECTION)),
            Map.entry(MeetingType.THEORY_STUDY, EnumSet.of(OrgUnitType.PARTY_GROUP)),
            Map.entry(MeetingType.DEMOCRATIC_LIFE, EnumSet.of(OrgUnitType.PARTY_GROUP)),
            Map.entry(MeetingType.BRANCH_PLENARY, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH)),
            Map.entry(MeetingType.BRANCH_COMMITTEE, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH)),
            Map.entry(MeetingType.PARTY_CELL, EnumSet.of(OrgUnitType.PARTY_CELL)),
            Map.entry(MeetingType.PARTY_LECTURE, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH,
                    OrgUnitType.PARTY_GROUP)),
            Map.entry(MeetingType.THEME_PARTY_DAY, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH)),
            Map.entry(MeetingType.ORG_LIFE, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH)),
            Map.entry(MeetingType.MEMBER_APPRAISAL, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH)),
            Map.entry(MeetingType.COLLECTIVE_STUDY, EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH,
                    OrgUnitType.PARTY_CELL)));

    private Rules() {
    }

    static boolean bodyFits(MeetingType type, OrgUnitType bodyType) {
        return BODIES.getOrDefault(type, Set.of()).contains(bodyType);
    }

    /**
     * Quorum of a meeting: {@code personnel} applies the stricter rule when the type has one. Nobody
     * expected never meets a quorum.
     */
    static QuorumCheck quorum(MeetingRule rule, int expected, int present, boolean personnel) {
        boolean stricter = personnel && rule.personnelQuorum() != null;
        Threshold t = stricter ? rule.personnelQuorum() : rule.quorum();
        boolean met = expected > 0 && present <= expected && t.passes(present, expected);
        return new QuorumCheck(expected, present, t.minimum(expected), t, stricter, met);
    }

    /**
     * Result of a vote: approvals against the rule's share of those expected or present. Null votes
     * means no vote was taken.
     */
    static VoteResult vote(MeetingRule rule, Integer votesFor, int expected, int present) {
        if (votesFor == null || rule.vote() == null) {
            return VoteResult.NONE;
        }
        int base = rule.voteBase() == VoteBase.PRESENT ? present : expected;
        return base > 0 && rule.vote().passes(votesFor, base) ? VoteResult.PASSED : VoteResult.FAILED;
    }

    /** The periods of a cadence in a year, each with its state as of {@code today}. */
    static List<CadenceReport.Cell> cells(Cadence cadence, int year, LocalDate today, List<LocalDate> held) {
        List<CadenceReport.Cell> cells = new ArrayList<>();
        int n = cadence.periodsPerYear();
        int months = n == 0 ? 0 : 12 / n;
        for (int p = 1; p <= n; p++) {
            LocalDate from = LocalDate.of(year, (p - 1) * months + 1, 1);
            LocalDate to = from.plusMonths(months).minusDays(1);
            int count = (int) held.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).count();
            CadenceReport.State state;
            if (count > 0) {
                state = CadenceReport.State.HELD;
            } else if (to.isBefore(today)) {
                state = CadenceReport.State.MISSING;
            } else if (!from.isAfter(today)) {
                state = CadenceReport.State.DUE;
            } else {
                state = CadenceReport.State.FUTURE;
            }
            cells.add(new CadenceReport.Cell(p, from, to, count, state));
        }
        return cells;
    }

    /** An action is overdue while open after its due day (due today is not overdue yet). */
    static boolean overdue(boolean open, LocalDate due, LocalDate today) {
        return open && due != null && due.isBefore(today);
    }

    /** 〔2017〕9号 */
    static String numberText(int year, int number) {
        return "〔" + year + "〕" + number + "号";
    }
}
