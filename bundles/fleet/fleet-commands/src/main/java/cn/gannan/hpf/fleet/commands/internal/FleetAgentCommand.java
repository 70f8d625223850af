package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.AgentService;
import cn.gannan.hpf.fleet.api.AgentStatus;
import cn.gannan.hpf.fleet.api.Health;

@Command(scope = "hpf", name = "fleet-agent", description = "Shows this county node's update agent (county)")
@Service
public class FleetAgentCommand extends FleetAction {

    @Reference(optional = true)
    AgentService agent;

    @Option(name = "--now", description = "Poll the centre now")
    boolean now;

    @Override
    protected Object run(Caller caller) throws Refused {
        county(agent);
        if (now) {
            agent.pollNow(caller);
            System.out.println("Polling the centre in the background; run hpf:fleet-agent again to see the outcome.");
            return null;
        }
        AgentStatus s = agent.status(caller);
        System.out.printf("Office:      %s%n", s.officeCode());
        System.out.printf("Centre:      %s (%s, last answer %s)%n", s.centreUrl(), s.centreReachable() ? "reachable" : "unreachable",
                time(s.lastContact()));
        System.out.printf("Running:     %s (previous %s)%n", text(s.runningRelease()), text(s.previousRelease()));
        System.out.printf("Target:      %s%n", text(s.targetRelease()));
        System.out.printf("Phase:       %s%n", s.phase());
        System.out.printf("Health:      %s%s%n", s.health(),
                s.health() == Health.STARTING ? " (the office's modules are still coming up; no release is applied meanwhile)" : "");
        System.out.printf("Failed:      %s%n", text(s.failedRelease()));
        System.out.printf("Last error:  %s%n", text(s.lastError()));
        System.out.printf("Next poll:   %s%n", time(s.nextPoll()));
        s.problems().forEach(p -> System.out.println("  ! " + p));
        return null;
    }
}
