package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.FleetService;

@Command(scope = "hpf", name = "fleet-token", description = "Issues (or revokes) a county office's credential for the fleet endpoint (centre)")
@Service
public class FleetTokenCommand extends FleetAction {

    @Reference(optional = true)
    FleetService fleet;

    @Argument(required = true, description = "County office code, e.g. GN03")
    String office;

    @Option(name = "--revoke", description = "Revoke the office's credential instead")
    boolean revoke;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(fleet);
        if (revoke) {
            fleet.revokeToken(caller, office);
            System.out.println("Revoked: the agent of " + office + " is refused until a new token is issued.");
            return null;
        }
        String token = fleet.issueToken(caller, office);
        System.out.println("Token of " + office + " (shown once; the centre keeps only its SHA-256):");
        System.out.println("  " + token);
        System.out.println("On the county node: config:property-set -p cn.gannan.hpf.fleet.agent .token " + token);
        return null;
    }
}
