package cn.gannan.hpf.core.api;

import java.time.LocalDate;

/** A person's membership of an org unit, with a post. {@code until} is null while it lasts. */
public record Membership(String id, String personId, String personName, String orgUnitId, String orgUnitName,
        Post post, LocalDate since, LocalDate until, RecordMeta meta) {

    public boolean current() {
        return until == null;
    }
}
