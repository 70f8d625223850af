package cn.gannan.hpf.modules.internal;

import cn.gannan.hpf.core.api.Msg;

/** Messages of module management (zh-CN first, English). */
final class Texts {

    static final String BASE_NAME = "cn.gannan.hpf.modules.internal.Messages";

    private Texts() {
    }

    static Msg msg(String key, Object... args) {
        return new Msg(BASE_NAME, Texts.class.getClassLoader(), key, args);
    }
}
