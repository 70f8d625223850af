package cn.gannan.hpf.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input: one message per offending field (field name to message), plus a summary. Nothing
 * was written.
 */
public class ValidationException extends HpfException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Msg> fieldErrors;

    public ValidationException(Msg summary, Map<String, Msg> fieldErrors) {
        super(summary);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public ValidationException(Msg summary) {
        this(summary, Map.of());
    }

    /** A single-field error. */
    public static ValidationException field(String field, Msg msg) {
        return new ValidationException(msg, Map.of(field, msg));
    }

    public Map<String, Msg> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
