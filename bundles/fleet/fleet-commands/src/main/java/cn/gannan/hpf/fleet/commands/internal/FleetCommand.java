package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.FleetService;

@Command(scope = "hpf", name = "fleet", description = "Lists the county offices: running and target release, health, last seen (centre)")
@Service
public class FleetCommand extends FleetAction {

    @Reference(optional = true)
    FleetService fleet;

    @Option(name = "--history", description = "Shows the fleet's history of actions for this office (or ALL)")
    String history;

    @Option(name = "--limit", description = "Most history lines")
    int limit = 30;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(fleet);
        if (history != null) {
            for (AuditEntry a : fleet.history(caller, "ALL".equalsIgnoreCase(history) ? null : history, limit)) {
                System.out.printf("%s  %-14s %-5s %-9s %-7s %s%n", time(a.at()), a.username(), a.officeCode(), a.entity(), a.action(),
                        text(a.changes()).replace("\n", "; "));
            }
            return null;
        }
        System.out.printf("%-6s %-10s %-10s %-9s %-12s %-19s %-5s %-5s %s%n", "OFFICE", "RUNNING", "TARGET", "HEALTH", "PHASE",
                "LAST SEEN", "STALE", "TOKEN", "MODULES / LAST ERROR");
        for (FleetOffice o : fleet.offices(caller)) {
            System.out.printf("%-6s %-10s %-10s %-9s %-12s %-19s %-5s %-5s %s%n", o.officeCode(), text(o.runningRelease()),
                    text(o.targetRelease()), o.health(), o.phase() == null ? "-" : o.phase(), time(o.lastSeen()), o.stale() ? "yes" : "no",
                    o.tokenIssued() ? "yes" : "no", String.join(",", o.modules()) + (o.lastError() == null ? "" : "  ! " + o.lastError()));
        }
        return null;
    }
}
