package cn.gannan.hpf.fleet.commands.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
    protected Object run(Caller caller) {
        List<WaveDraft> drafts = new ArrayList<>();
        for (String w : waves) {
            drafts.add(parse(w));
        }
        Rollout r = rollouts.create(caller, new RolloutDraft(name, release, errorThreshold, drafts));
        print(r);
        System.out.println("Start it with: hpf:rollout-start " + r.id().substring(0, 8));
        return null;
    }

    /** {@code GN02,GN03/75/approve}: the offices, then optionally the success percent and the advance mode. */
    static WaveDraft parse(String spec) {
        String[] parts = spec.split("/");
        List<String> offices = Arrays.stream(parts[0].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        int success = 100;
        boolean auto = true;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().replace("%", "");
            if (p.equalsIgnoreCase("auto")) {
                auto = true;
            } else if (p.equalsIgnoreCase("approve")) {
                auto = false;
            } else {
                try {
                    success = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    success = -1; // the service refuses it with the rule
                }
            }
        }
        return new WaveDraft(offices, success, auto);
    }
}
