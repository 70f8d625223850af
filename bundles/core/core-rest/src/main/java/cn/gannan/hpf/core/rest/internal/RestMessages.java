package cn.gannan.hpf.core.rest.internal;

import java.util.Locale;

import cn.gannan.hpf.core.api.Msg;

/** Messages of the JSON API base, in this bundle's {@code Messages*.properties}. */
public final class RestMessages {

    static final String BUNDLE = "cn.gannan.hpf.core.rest.internal.Messages";

    private RestMessages() {
    }

    public static Msg msg(String key, Object... args) {
        return new Msg(BUNDLE, RestMessages.class.getClassLoader(), key, args);
    }

    /** The text of the key, or of {@code fallbackKey} when the bundle has no such key. */
    static String text(Locale locale, String key, String fallbackKey, Object... args) {
        String s = msg(key, args).format(locale);
        return s.equals(key) ? msg(fallbackKey, args).format(locale) : s;
    }
}
