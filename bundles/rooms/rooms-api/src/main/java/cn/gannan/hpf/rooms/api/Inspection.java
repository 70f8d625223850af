package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * An inspection of a site's room, with the conformance found at the time (satisfied over mandatory
 * items of the standard version then current) and counts of its rectification items.
 */
public record Inspection(String id, String officeCode, String roomId, LocalDate inspectedOn, String inspector,
        InspectionKind kind, String findings, int standardVersion, int mandatorySatisfied, int mandatoryTotal,
        int openItems, int totalItems, RecordMeta meta) {
}
