package cn.gannan.hpf.meetings.api;

/** Life of a meeting's minutes: draft → circulated for co-signature → issued; cancelled before issue. */
public enum MinutesStatus {
    DRAFT, CIRCULATED, ISSUED, CANCELLED;

    public String messageKey() {
        return "minutesStatus." + name();
    }
}
