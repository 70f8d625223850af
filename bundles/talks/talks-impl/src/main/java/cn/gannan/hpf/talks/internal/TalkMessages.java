package cn.gannan.hpf.talks.internal;

import cn.gannan.hpf.core.api.Msg;

/** Messages of the talk log's services, from its own bundle (zh-CN first, English). */
public final class TalkMessages {

    public static final String BUNDLE = "cn.gannan.hpf.talks.internal.Messages";

    private TalkMessages() {
    }

    public static Msg msg(String key, Object... args) {
        return new Msg(BUNDLE, TalkMessages.class.getClassLoader(), key, args);
    }
}
