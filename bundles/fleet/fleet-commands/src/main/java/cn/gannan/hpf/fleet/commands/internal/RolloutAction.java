package cn.gannan.hpf.fleet.commands.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.lifecycle.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutService;
import cn.gannan.hpf.fleet.api.RolloutTarget;
import cn.gannan.hpf.fleet.api.RolloutWave;

/** Rollout commands: a rollout is named by its id or by a unique beginning of it (8 characters are shown). */
public abstract class RolloutAction extends FleetAction {

    @Reference(optional = true)
    protected RolloutService rollouts;

    protected String resolve(Caller caller, String idOrPrefix) {
        List<Rollout> matches = rollouts.rollouts(caller).stream().filter(r -> r.id().startsWith(idOrPrefix.strip())).toList();
        if (matches.size() != 1) {
            return idOrPrefix; // the service says there is no such rollout
        }
        return matches.get(0).id();
    }

    static void print(Rollout r) {
        Locale l = locale();
        System.out.printf("Rollout %s  %s  release %s  %s  (error threshold %d%%)%n", r.id().substring(0, 8), r.name(), r.release(),
                r.status(), r.errorThresholdPercent());
        if (r.stopReason() != null) {
            System.out.println("  " + r.stopReason().format(l));
        }
        for (RolloutWave w : r.waves()) {
            System.out.printf("  wave %d  %-10s success ≥ %d%%, %s%n", w.number(), w.status(), w.successPercent(),
                    w.autoAdvance() ? "advances by itself" : "waits for approval");
            for (RolloutTarget t : w.targets()) {
                System.out.printf("    %-6s %-10s from %-10s attempt %d%s%n", t.officeCode(), t.status(), text(t.fromRelease()), t.attempt(),
                        t.lastError() == null ? "" : "  ! " + t.lastError());
            }
        }
    }
}
