package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.Rollout;

@Command(scope = "hpf", name = "rollout-status", description = "Shows a rollout wave by wave, or lists every rollout (centre)")
@Service
public class RolloutStatusCommand extends RolloutAction {

    @Argument(description = "Rollout id (or its first characters); none: every rollout")
    String id;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(rollouts);
        if (id != null) {
            print(rollouts.rollout(caller, resolve(caller, id)));
            return null;
        }
        System.out.printf("%-8s %-20s %-10s %-17s %-19s %s%n", "ID", "NAME", "RELEASE", "STATUS", "CREATED", "WAVES");
        for (Rollout r : rollouts.rollouts(caller)) {
            System.out.printf("%-8s %-20s %-10s %-17s %-19s %d%n", r.id().substring(0, 8), r.name(), r.release(), r.status(),
                    time(r.meta().createdAt()), r.waves().size());
        }
        return null;
    }
}
