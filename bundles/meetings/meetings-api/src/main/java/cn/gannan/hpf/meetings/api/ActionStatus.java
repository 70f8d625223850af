package cn.gannan.hpf.meetings.api;

/** Status of a follow-up action (落实). */
public enum ActionStatus {
    OPEN, DONE, CANCELLED;

    public String messageKey() {
        return "actionStatus." + name();
    }
}
