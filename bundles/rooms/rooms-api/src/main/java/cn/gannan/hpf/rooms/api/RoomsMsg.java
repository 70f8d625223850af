package cn.gannan.hpf.rooms.api;

import cn.gannan.hpf.core.api.Msg;

/** Messages of the rooms module: errors and the labels of its enums, zh-CN and English. */
public final class RoomsMsg {

    /** Base name of the module's message bundle (in this API bundle). */
    public static final String BUNDLE = "cn.gannan.hpf.rooms.api.Messages";

    private RoomsMsg() {
    }

    public static Msg of(String key, Object... args) {
        return new Msg(BUNDLE, RoomsMsg.class.getClassLoader(), key, args);
    }

    /** The label of an enum constant: {@code <SimpleName>.<NAME>}, e.g. {@code Condition.BROKEN}. */
    public static Msg label(Enum<?> value) {
        return of(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
