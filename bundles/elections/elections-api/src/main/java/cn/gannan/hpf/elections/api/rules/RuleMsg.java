package cn.gannan.hpf.elections.api.rules;

import cn.gannan.hpf.core.api.Msg;

/** Messages of the elections module, from its own bundle. */
public final class RuleMsg {

    /** The module's message bundle (in the API bundle, so every layer can format the engine's messages). */
    public static final String BUNDLE = "cn.gannan.hpf.elections.api.Messages";

    private RuleMsg() {
    }

    public static Msg of(String key, Object... args) {
        return new Msg(BUNDLE, RuleMsg.class.getClassLoader(), key, args);
    }
}
