package cn.gannan.hpf.elections.api;

import java.time.LocalDate;

import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.TermStatus;

/** A body that elects its leadership and where it stands in its term. */
public record BodyTerm(String orgUnitId, String orgUnitName, String officeCode, OrgKind kind, LocalDate lastElection,
        LocalDate termEnds, TermStatus status, String openElectionId) {
}
