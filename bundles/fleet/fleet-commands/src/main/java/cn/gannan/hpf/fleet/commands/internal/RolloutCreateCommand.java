package cn.gannan.hpf.fleet.commands.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutDraft;
import cn.gannan.hpf.fleet.api.WaveDraft;

@Command(scope = "hpf", name = "rollout-create", description = "Creates a rollout plan of a release in waves (centre)")
@Service
public class RolloutCreateCommand extends RolloutAction {

    @Option(name = "--name", required = true, description = "Name of the plan")
    String name;

    @Option(name = "--release", required = true, description = "The published release to roll out")
    String release;

    @Option(name = "--error-threshold", description = "Share of a wave's offices (percent) whose failure stops the rollout")
    int errorThreshold = 50;

    @Option(name = "--wave", required = true, multiValued = true,
            description = "A wave: OFFICES[/SUCCESS%][/auto|approve], e.g. GN01 (the pilot) then GN02,GN03,GN04/75/approve; repeat in order")
    List<String> waves;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(rollouts);
        List<WaveDraft> drafts = new ArrayList<>();
        for (String w : waves) {
            drafts.add(WaveDraft.parse(w));
        }
        Rollout r = rollouts.create(caller, new RolloutDraft(name, release, errorThreshold, drafts));
        print(r);
        System.out.println("Start it with: hpf:rollout-start " + r.id().substring(0, 8));
        return null;
    }
}
