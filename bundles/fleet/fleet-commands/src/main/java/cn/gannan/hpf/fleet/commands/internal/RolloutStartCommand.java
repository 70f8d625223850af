package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;

@Command(scope = "hpf", name = "rollout-start", description = "Starts a rollout: its first wave is sent the release (centre)")
@Service
public class RolloutStartCommand extends RolloutAction {

    @Argument(required = true, description = "Rollout id (or its first characters)")
    String id;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(rollouts);
        print(rollouts.start(caller, resolve(caller, id)));
        return null;
    }
}
