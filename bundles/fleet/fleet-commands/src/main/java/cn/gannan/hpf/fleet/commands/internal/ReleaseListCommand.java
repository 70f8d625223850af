package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.Release;
import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseService;

@Command(scope = "hpf", name = "release-list", description = "Lists the published releases, or one release's artifacts (centre)")
@Service
public class ReleaseListCommand extends FleetAction {

    @Reference(optional = true)
    ReleaseService releases;

    @Argument(description = "A version: list its artifacts with their SHA-256")
    String version;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(releases);
        if (version != null) {
            for (ReleaseArtifact a : releases.manifest(caller, version).artifacts()) {
                System.out.printf("%s %,12d %s%n", a.sha256(), a.size(), a.path());
            }
            return null;
        }
        System.out.printf("%-12s %-19s %-14s %9s %14s %-16s %s%n", "VERSION", "PUBLISHED", "BY", "ARTIFACTS", "BYTES", "KEY", "FEATURES");
        for (Release r : releases.releases(caller)) {
            System.out.printf("%-12s %-19s %-14s %9d %,14d %-16s %s%n", r.version(), time(r.publishedAt()), r.publishedBy(), r.artifacts(),
                    r.totalBytes(), r.keyId(), r.featuresRepository());
        }
        return null;
    }
}
