package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

import cn.gannan.hpf.core.api.RecordMeta;

/** A rectification item of an inspection: who fixes what by when; closed one by one with a note. */
public record Rectification(String id, String officeCode, String inspectionId, String description, String owner,
        LocalDate dueOn, RectificationStatus status, LocalDate closedOn, String closingNote, String closedBy,
        RecordMeta meta) {

    /** Open and past its due date on the given day. */
    public boolean overdueOn(LocalDate day) {
        return status == RectificationStatus.OPEN && dueOn != null && dueOn.isBefore(day);
    }
}
