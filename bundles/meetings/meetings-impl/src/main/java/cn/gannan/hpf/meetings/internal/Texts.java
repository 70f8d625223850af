package cn.gannan.hpf.meetings.internal;

import java.util.Locale;

import cn.gannan.hpf.core.api.Msg;

/** The impl's message bundle (errors, labels of documents and exports). */
final class Texts {

    /** The bundle lives in the API bundle, so the UI shows the same labels. */
    static final String BASE_NAME = "cn.gannan.hpf.meetings.api.Messages";

    private Texts() {
    }

    static Msg msg(String key, Object... args) {
        return new Msg(BASE_NAME, cn.gannan.hpf.meetings.api.MeetingService.class.getClassLoader(), key, args);
    }

    static String text(Locale locale, String key, Object... args) {
        return msg(key, args).format(locale);
    }
}
