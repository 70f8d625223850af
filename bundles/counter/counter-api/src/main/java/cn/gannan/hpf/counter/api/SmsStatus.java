package cn.gannan.hpf.counter.api;

/** Delivery of one SMS. */
public enum SmsStatus {
    /** Kept in the outbox: no gateway is configured (visible to admins, nothing lost). */
    OUTBOX,
    /** Waiting for a (re)try through the configured gateway. */
    PENDING,
    SENT,
    /** Gave up after the configured number of attempts. */
    FAILED
}
