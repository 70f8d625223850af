package cn.gannan.hpf.counter.api;

/** A queue ticket's life: waiting, called to a window, being served, then done or no-show. */
public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW;

    public boolean open() {
        return this == WAITING || this == CALLED || this == SERVING;
    }
}
