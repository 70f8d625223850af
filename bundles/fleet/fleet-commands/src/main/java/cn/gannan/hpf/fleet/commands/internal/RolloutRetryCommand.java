package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;

@Command(scope = "hpf", name = "rollout-retry", description = "Sends the release again to failed offices (all, or one); resumes a stopped rollout (centre)")
@Service
public class RolloutRetryCommand extends RolloutAction {

    @Argument(index = 0, required = true, description = "Rollout id (or its first characters)")
    String id;

    @Argument(index = 1, description = "Only this office")
    String office;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(rollouts);
        print(rollouts.retry(caller, resolve(caller, id), office));
        return null;
    }
}
