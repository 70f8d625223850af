package cn.gannan.hpf.elections.api;

import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.RecordMeta;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.Timing;

/**
 * An election (换届) with its plan, contests and roll counts.
 *
 * @param ruleSetVersion the version of the kind's rule set this election runs under (kept for good)
 * @param termEnds       when the ending term ends (null for a first election)
 * @param timing         on time, advanced or delayed against the term
 * @param bodyType       the type of the electing body when planned (a 基层委员会 has a longer term)
 * @param termYears      the term length of that body under the election's rule set
 */
public record Election(String id, String officeCode, String orgUnitId, String orgUnitName, OrgKind kind, int ruleSetVersion,
        String title, LocalDate termStart, LocalDate termEnds, Timing timing, OrgUnitType bodyType, int termYears,
        LocalDate plannedDate, int committeeSeats, int auditSeats, int deputySeats, String candidateProduction,
        ElectionStatus status, Approval planApproval, Approval resultApproval, String cancelReason, List<Contest> contests,
        RollCount general, RollCount plenary, RecordMeta meta) {

    /** How many on a roll are entitled, excused, expected and present. */
    public record RollCount(int entitled, int excused, int expected, int present) {
    }
}
