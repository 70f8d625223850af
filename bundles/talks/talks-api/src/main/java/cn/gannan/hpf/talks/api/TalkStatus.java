package cn.gannan.hpf.talks.api;

/** A talk record is kept (recorded) or voided with a reason; voided talks count nowhere. */
public enum TalkStatus {
    RECORDED, VOID;

    public String messageKey() {
        return "status." + name();
    }
}
