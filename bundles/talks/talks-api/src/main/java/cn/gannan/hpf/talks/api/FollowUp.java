package cn.gannan.hpf.talks.api;

import java.time.LocalDate;

/** A follow-up action agreed in a talk, with its owner and due date; done when {@code doneOn} is set. */
public record FollowUp(String id, String action, String ownerId, String ownerName, LocalDate dueDate,
        LocalDate doneOn, String doneNote, long version) {

    public boolean open() {
        return doneOn == null;
    }

    public boolean overdue(LocalDate today) {
        return open() && dueDate != null && dueDate.isBefore(today);
    }
}
