package cn.gannan.hpf.rooms.internal.rest;

import java.time.LocalDate;

import cn.gannan.hpf.rooms.api.Condition;

/** Small JSON bodies of the rooms API's actions. */
final class Bodies {

    private Bodies() {
    }

    /** A new draft of the standard. */
    record DraftRequest(String title, String note) {
    }

    /** An inventory movement: the new location, condition or quantity, with a note (a reason to write off). */
    record MovementRequest(String location, Condition condition, Integer quantity, String note) {
    }

    /** Why (cancelling a booking, writing off an item). */
    record ReasonRequest(String reason) {
    }

    /** Cancelling every booking of another module's reference. */
    record CancelByReferenceRequest(String externalRef, String reason) {
    }

    /** Closing a rectification item. */
    record CloseRequest(LocalDate closedOn, String note) {
    }

    /** How many bookings were cancelled. */
    record Cancelled(int cancelled) {
    }
}
