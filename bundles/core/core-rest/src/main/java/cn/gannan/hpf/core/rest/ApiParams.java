package cn.gannan.hpf.core.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.rest.internal.RestMessages;

/**
 * Strict parsing of query parameters. Resources declare query parameters as {@code String} and
 * convert them here, so a bad value is a 400 problem naming the parameter (JAX-RS itself answers
 * 404 when it cannot convert a query parameter). Blank means absent.
 */
public final class ApiParams {

    /** The zone that turns a date-only {@code from}/{@code to} into an instant: the offices' zone. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private ApiParams() {
    }

    /** Null for null or blank, the stripped text otherwise. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static Integer optionalInt(String name, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    public static int intParam(String name, String value, int defaultValue) {
        Integer i = optionalInt(name, value);
        return i == null ? defaultValue : i;
    }

    /** A required whole number, e.g. the {@code version} of optimistic locking. */
    public static long requiredLong(String name, String value) {
        String v = text(value);
        if (v == null) {
            throw new HpfException(RestMessages.msg("rest.param.required", name));
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    /** {@code true}/{@code false} (any case); null when absent. */
    public static Boolean optionalBoolean(String name, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        if ("true".equalsIgnoreCase(v)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(v)) {
            return Boolean.FALSE;
        }
        throw invalid(name, value);
    }

    public static boolean booleanParam(String name, String value, boolean defaultValue) {
        Boolean b = optionalBoolean(name, value);
        return b == null ? defaultValue : b;
    }

    /** A constant of the enum by its exact name; the message lists the allowed names. */
    public static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new HpfException(RestMessages.msg("rest.param.enum", name, v, allowed));
    }

    /** An ISO date, {@code 2025-03-01}. */
    public static LocalDate optionalDate(String name, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(name, value);
        }
    }

    /**
     * An ISO instant ({@code 2025-03-01T08:00:00Z}) or a date; a date is the start of that day in
     * {@link #OFFICE_ZONE}, or the start of the next day when {@code endOfDay} (an exclusive upper bound).
     */
    public static Instant optionalInstant(String name, String value, boolean endOfDay) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(OFFICE_ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw invalid(name, value);
            }
        }
    }

    /** {@code offset} and {@code limit}: whole numbers, offset at least 0, limit 1 to {@link PageRequest#MAX_LIMIT}. */
    public static PageRequest page(String offset, String limit) {
        int o = intParam("offset", offset, 0);
        int l = intParam("limit", limit, 50);
        if (o < 0) {
            throw invalid("offset", offset);
        }
        if (l < 1 || l > PageRequest.MAX_LIMIT) {
            throw new HpfException(RestMessages.msg("rest.param.range", "limit", limit, 1, PageRequest.MAX_LIMIT));
        }
        return new PageRequest(o, l);
    }

    /** The JSON body; a 400 when the request had none. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new HpfException(RestMessages.msg("rest.json.empty"));
        }
        return body;
    }

    private static HpfException invalid(String name, String value) {
        return new HpfException(RestMessages.msg("rest.param.invalid", name, value == null ? "" : value.strip()));
    }
}
