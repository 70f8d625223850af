package cn.gannan.hpf.core.rest.internal;

import java.io.IOException;

/**
 * Thrown by the body stream when a request body exceeds {@link Problems#MAX_BODY_BYTES}. An
 * {@link IOException} so that Jackson passes it through unwrapped; mapped to 413.
 */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
