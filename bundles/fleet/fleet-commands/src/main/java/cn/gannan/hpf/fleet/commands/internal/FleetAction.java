package cn.gannan.hpf.fleet.commands.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.commands.HpfAction;

/**
 * Base of the fleet's commands: the core's {@link HpfAction} (the caller is the product user logged in over SSH, or
 * the node itself on the local console; a refusal prints as one line in the console's language), with the fleet's
 * refusals for a command run on the wrong kind of node and its console formats.
 */
public abstract class FleetAction extends HpfAction {

    static final String BUNDLE = "cn.gannan.hpf.fleet.commands.internal.Messages";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    /** A centre service, or a refusal saying that the command belongs to the centre. */
    static <T> T centre(T service) throws Refused {
        if (service == null) {
            throw new Refused(new Msg(BUNDLE, FleetAction.class.getClassLoader(), "error.notCentre").format(locale()));
        }
        return service;
    }

    /** The agent, or a refusal saying that the command belongs to a county node. */
    static <T> T county(T service) throws Refused {
        if (service == null) {
            throw new Refused(new Msg(BUNDLE, FleetAction.class.getClassLoader(), "error.notCounty").format(locale()));
        }
        return service;
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static String text(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    static String list(List<String> l) {
        return l == null ? "(office decides)" : l.isEmpty() ? "(none)" : String.join(",", l);
    }
}
