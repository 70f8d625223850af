package cn.gannan.hpf.fleet.internal;

import cn.gannan.hpf.core.api.Msg;

/** Messages of the fleet's services, from its own bundle (zh-CN first, English). */
public final class FleetMessages {

    public static final String BUNDLE = "cn.gannan.hpf.fleet.internal.Messages";

    private FleetMessages() {
    }

    public static Msg msg(String key, Object... args) {
        return new Msg(BUNDLE, FleetMessages.class.getClassLoader(), key, args);
    }
}
