package cn.gannan.hpf.counter.api;

/** An application's life (办件). */
public enum ApplicationStatus {
    /** Taken in, checklist being checked. */
    RECEIVED,
    /** Accepted (受理): the clock runs (or is stopped while documents are missing). */
    ACCEPTED,
    /** Decided: approved (准予). */
    APPROVED,
    /** Decided: refused (不予准予), with a reason. */
    REFUSED,
    /** Approved withdrawal paid out. */
    PAID,
    /** Closed with an owner, applicant notified. */
    CLOSED
}
