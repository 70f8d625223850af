package cn.gannan.hpf.talks.internal.rest;

import java.time.LocalDate;

/** Small JSON bodies of the talk actions. */
public final class TalkRequests {

    private TalkRequests() {
    }

    /** Body of {@code POST /api/talks/{id}/void}. */
    public record VoidRequest(String reason) {
    }

    /** Body of {@code POST /api/talks/{id}/confirmations}: the participant; empty for the caller's own person. */
    public record ConfirmRequest(String personId) {
    }

    /** Body of {@code POST /api/talks/{id}/follow-ups/{followUpId}/done}. */
    public record DoneRequest(LocalDate doneOn, String note) {
    }
}
