package cn.gannan.hpf.counter.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the counter's JSON API. */
public final class Bodies {

    private Bodies() {
    }

    public record TakeTicket(String businessCode, Boolean priority) {
    }

    public record Transfer(String businessCode) {
    }

    public record HandOverRequest(String toUser, String note) {
    }

    public record DocumentMark(Boolean received, LocalDate receivedOn) {
    }

    public record Accept(LocalDate acceptedOn) {
    }

    public record Decision(Boolean approve, String reason) {
    }

    public record Payment(BigDecimal amount) {
    }

    public record Note(String note) {
    }
}
