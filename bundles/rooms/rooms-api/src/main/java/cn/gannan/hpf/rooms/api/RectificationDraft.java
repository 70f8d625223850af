package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;

/** A new rectification item. */
public record RectificationDraft(String description, String owner, LocalDate dueOn) {
}
