package cn.gannan.hpf.core.rest.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.NoContentException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.spi.DataAccessException;

/** Turns any throwable into a localized {@link Problem}. Plain Java; the mapper and the filters use it. */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Request bodies above this are refused with 413. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** The challenge every 401 carries. */
    public static final String CHALLENGE = "Basic realm=\"hpf\", charset=\"UTF-8\"";

    private Problems() {
    }

    public static Problem of(Throwable t, Locale locale, String requestDescription) {
        Throwable known = find(t);
        if (known instanceof HpfException h) {
            return fromHpf(h, locale, requestDescription);
        }
        if (known instanceof PayloadTooLargeException) {
            return payloadTooLarge(locale);
        }
        if (known instanceof NoContentException) {
            return simple(400, locale, "rest.json.empty");
        }
        if (known instanceof JsonProcessingException j) {
            return fromJson(j, locale);
        }
        if (t instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500) {
            return fromStatus(w, locale);
        }
        return internal(t, locale, requestDescription);
    }

    /** 401 with the challenge. */
    public static Problem unauthorized(Msg msg, Locale locale) {
        return new Problem(401, title(401, locale), msg.format(locale), msg.key(), null, null,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
    }

    public static Problem payloadTooLarge(Locale locale) {
        return simple(413, locale, "rest.detail.413", MAX_BODY_BYTES / 1024 / 1024);
    }

    static Problem simple(int status, Locale locale, String key, Object... args) {
        return new Problem(status, title(status, locale), RestMessages.msg(key, args).format(locale), key, null, null, null);
    }

    /** The first throwable in the cause chain the API explains specifically; the throwable itself otherwise. */
    private static Throwable find(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof HpfException || c instanceof PayloadTooLargeException || c instanceof NoContentException
                    || c instanceof JsonProcessingException) {
                return c;
            }
        }
        return t;
    }

    private static Problem fromHpf(HpfException h, Locale locale, String requestDescription) {
        int status = h.httpStatus();
        if (h instanceof DataAccessException d) {
            // the core logged it with this reference
            return new Problem(500, title(500, locale), h.localized(locale), h.msg().key(), null, d.reference(), null);
        }
        if (status >= 500) {
            return internal(h, locale, requestDescription);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (h instanceof ValidationException v) {
            v.fieldErrors().forEach((field, msg) -> errors.put(field, msg.format(locale)));
        }
        Map<String, String> headers = status == 401 ? Map.of(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE) : null;
        return new Problem(status, title(status, locale), h.localized(locale), h.msg().key(), errors, null, headers);
    }

    private static Problem fromStatus(WebApplicationException w, Locale locale) {
        int status = w.getResponse().getStatus();
        Map<String, String> headers = new LinkedHashMap<>();
        String allow = w.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            headers.put(HttpHeaders.ALLOW, allow);
        }
        if (status == 401) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        String detail = RestMessages.text(locale, "rest.detail." + status, "rest.detail.other", status);
        return new Problem(status, title(status, locale), detail, null, null, null, headers);
    }

    private static Problem fromJson(JsonProcessingException j, Locale locale) {
        if (j instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String what = describe(m, locale);
            String detail = Msg.core("error.json.field", field, what).format(locale);
            return new Problem(400, title(400, locale), detail, "error.json.field", Map.of(field, what), null, null);
        }
        String where;
        JsonLocation loc = j.getLocation();
        if (j instanceof MismatchedInputException) {
            where = RestMessages.msg("rest.json.root").format(locale);
        } else if (loc != null && loc.getLineNr() > 0) {
            where = RestMessages.msg("rest.json.location", loc.getLineNr(), loc.getColumnNr()).format(locale);
        } else {
            where = RestMessages.msg("rest.json.syntax").format(locale);
        }
        return new Problem(400, title(400, locale), Msg.core("error.json.malformed", where).format(locale),
                "error.json.malformed", null, null, null);
    }

    /** {@code members[2].name}. */
    static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JsonMappingException m, Locale locale) {
        if (m instanceof PropertyBindingException p) {
            Collection<Object> known = p.getKnownPropertyIds();
            String list = known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return RestMessages.msg("rest.json.unknownField", list).format(locale);
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> target = mi.getTargetType();
            if (target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                        .collect(Collectors.joining(", "));
                return RestMessages.msg("rest.json.enum", allowed).format(locale);
            }
            String expected = RestMessages.msg("rest.json.type." + typeKey(target)).format(locale);
            if (m instanceof InvalidFormatException f && f.getValue() != null) {
                return RestMessages.msg("rest.json.invalidValueExpected", String.valueOf(f.getValue()), expected).format(locale);
            }
            return RestMessages.msg("rest.json.wrongType", expected).format(locale);
        }
        return RestMessages.msg("rest.json.invalidValue").format(locale);
    }

    static String typeKey(Class<?> t) {
        if (t == String.class || t == Character.class || t == char.class) {
            return "text";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        }
        if (t.isPrimitive() || Number.class.isAssignableFrom(t)) {
            return "number";
        }
        if (t == java.time.LocalDate.class) {
            return "date";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "dateTime";
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "list";
        }
        return "object";
    }

    private static Problem internal(Throwable t, Locale locale, String requestDescription) {
        String ref = newReference();
        LOG.error("JSON API request {} failed (reference {})", requestDescription, ref, t);
        return new Problem(500, title(500, locale), Msg.core("error.internal", ref).format(locale), "error.internal",
                null, ref, null);
    }

    static String newReference() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder("API-");
        for (byte x : b) {
            sb.append(String.format("%02X", x));
        }
        return sb.toString();
    }

    static String title(int status, Locale locale) {
        return RestMessages.text(locale, "rest.title." + status, "rest.title.other", status);
    }
}
