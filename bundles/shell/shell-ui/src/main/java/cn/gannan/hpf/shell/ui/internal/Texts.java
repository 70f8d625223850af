package cn.gannan.hpf.shell.ui.internal;

import java.util.Locale;

import cn.gannan.hpf.core.api.Msg;

/** The shell's own texts, from {@code cn/gannan/hpf/shell/ui/internal/Messages*.properties}. */
public final class Texts {

    public static final String BASE_NAME = "cn.gannan.hpf.shell.ui.internal.Messages";
    public static final Locale ZH_CN = Msg.ZH_CN;
    public static final Locale EN = Locale.ENGLISH;

    private Texts() {
    }

    public static Msg msg(String key, Object... args) {
        return new Msg(BASE_NAME, Texts.class.getClassLoader(), key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        return msg(key, args).format(locale);
    }

    /** A label of the core bundle (roles, enums). */
    public static String core(Locale locale, String key) {
        return Msg.core(key).format(locale);
    }

    /** zh-CN unless English was chosen. */
    public static Locale normalize(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH_CN;
    }
}
