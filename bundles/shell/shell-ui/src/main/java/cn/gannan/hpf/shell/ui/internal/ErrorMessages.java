package cn.gannan.hpf.shell.ui.internal;

import java.security.SecureRandom;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.HpfException;

/**
 * The one place that turns an exception into what a person reads: an {@link HpfException} gives
 * its own localized message; anything else a generic message with a short reference id, and the
 * exception goes to the log under that id. No Vaadin types, so it is unit-tested as plain Java.
 */
public final class ErrorMessages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorMessages() {
    }

    public static UserMessage toUserMessage(Throwable error, Locale locale) {
        HpfException refusal = findRefusal(error);
        if (refusal != null) {
            String text;
            try {
                text = refusal.localized(locale);
            } catch (RuntimeException e) {
                text = refusal.getMessage();
            }
            LOG.debug("Refused: {}", refusal.getMessage());
            return new UserMessage(text, null, true);
        }
        String ref = newReferenceId();
        LOG.error("Unexpected error, reference {}", ref, error);
        return new UserMessage(Texts.get(locale, "error.unexpected", ref), ref, false);
    }

    /** The HpfException itself or the first one among its causes (Vaadin wraps listener exceptions). */
    static HpfException findRefusal(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof HpfException h) {
                return h;
            }
        }
        return null;
    }

    /** Eight characters, no look-alikes (0/O, 1/I). */
    static String newReferenceId() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
