package cn.gannan.hpf.core.api;

import java.util.Locale;

/**
 * A refusal that a person should read: carries a localizable {@link Msg}. The UI shows
 * {@link #localized(Locale)}; the JSON API maps the subclass to an HTTP status and writes
 * problem+json. {@link #getMessage()} is the English text, for logs.
 */
public class HpfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Msg msg;

    public HpfException(Msg msg) {
        super(msg.format(Locale.ENGLISH));
        this.msg = msg;
    }

    public HpfException(Msg msg, Throwable cause) {
        super(msg.format(Locale.ENGLISH), cause);
        this.msg = msg;
    }

    public Msg msg() {
        return msg;
    }

    public String localized(Locale locale) {
        return msg.format(locale);
    }

    /** The HTTP status the JSON API answers with. */
    public int httpStatus() {
        return 400;
    }
}
