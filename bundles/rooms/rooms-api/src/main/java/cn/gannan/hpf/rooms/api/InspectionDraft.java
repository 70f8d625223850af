package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

/** What an inspector records; see {@link Inspection}. */
public record InspectionDraft(String roomId, LocalDate inspectedOn, String inspector, InspectionKind kind,
        String findings) {
}
