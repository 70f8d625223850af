package cn.gannan.hpf.counter.api;

import cn.gannan.hpf.core.api.Msg;

/** The counter's messages and labels: {@code cn/gannan/hpf/counter/api/Messages*.properties}. */
public final class CounterMessages {

    public static final String BASE_NAME = "cn.gannan.hpf.counter.api.Messages";

    private CounterMessages() {
    }

    public static Msg msg(String key, Object... args) {
        return new Msg(BASE_NAME, CounterMessages.class.getClassLoader(), key, args);
    }

    /** The label of an enum constant: {@code <SimpleName>.<NAME>}. */
    public static Msg label(Enum<?> e) {
        return msg(e.getDeclaringClass().getSimpleName() + "." + e.name());
    }
}
