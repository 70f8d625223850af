package cn.gannan.hpf.core.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * An RFC 7807 problem: what the API answers for every error. The body never holds a stack trace
 * or a class name.
 *
 * @param code      the message key, stable for clients (e.g. {@code error.stale})
 * @param errors    field to localized message, for invalid input; empty otherwise
 * @param reference id of the logged incident, for 5xx; null otherwise
 * @param headers   extra response headers (WWW-Authenticate, Allow)
 */
public record Problem(int status, String title, String detail, String code, Map<String, String> errors,
        String reference, Map<String, String> headers) {

    public static final String MEDIA_TYPE = "application/problem+json; charset=UTF-8";

    public Problem {
        errors = errors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The JSON body, fields in a fixed order. */
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        if (code != null) {
            m.put("code", code);
        }
        if (!errors.isEmpty()) {
            m.put("errors", errors);
        }
        if (reference != null) {
            m.put("reference", reference);
        }
        return m;
    }

    public byte[] json() {
        try {
            return ObjectMappers.PLAIN.writeValueAsBytes(body());
        } catch (JsonProcessingException e) {
            // a map of strings always serialises; keep a valid body anyway
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The response: status, problem+json body as bytes (no JSON provider involved), headers. */
    public Response toResponse(Locale locale) {
        Response.ResponseBuilder rb = Response.status(status).type(MEDIA_TYPE).entity(json())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.forEach(rb::header);
        return rb.build();
    }
}
