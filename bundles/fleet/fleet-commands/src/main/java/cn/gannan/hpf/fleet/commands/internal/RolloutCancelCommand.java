package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;

@Command(scope = "hpf", name = "rollout-cancel", description = "Cancels a rollout: offices that have not taken the release stay on theirs (centre)")
@Service
public class RolloutCancelCommand extends RolloutAction {

    @Argument(required = true, description = "Rollout id (or its first characters)")
    String id;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(rollouts);
        print(rollouts.cancel(caller, resolve(caller, id)));
        return null;
    }
}
