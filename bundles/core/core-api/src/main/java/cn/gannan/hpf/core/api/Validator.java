package cn.gannan.hpf.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects field errors and throws one {@link ValidationException} listing all of them, so a
 * person is told everything that is wrong at once.
 */
public final class Validator {

    private final Map<String, Msg> errors = new LinkedHashMap<>();

    /** Required text, trimmed, at most {@code max} characters. Returns the trimmed value. */
    public String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.putIfAbsent(field, Msg.core("error.field.required", field));
            }
            return null;
        }
        if (v.length() > max) {
            errors.putIfAbsent(field, Msg.core("error.field.tooLong", field, max, v.length()));
        }
        return v;
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            errors.putIfAbsent(field, Msg.core("error.field.required", field));
        }
        return value;
    }

    public void check(boolean ok, String field, Msg msg) {
        if (!ok) {
            errors.putIfAbsent(field, msg);
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws when any check failed. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            Msg first = errors.values().iterator().next();
            throw new ValidationException(errors.size() == 1 ? first : Msg.core("error.validation", errors.size()), errors);
        }
    }
}
