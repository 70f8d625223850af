package cn.gannan.hpf.fleet.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.Release;
import cn.gannan.hpf.fleet.api.ReleaseService;

@Command(scope = "hpf", name = "release-publish", description = "Publishes a signed release of the product features repository of a version (centre)")
@Service
public class ReleasePublishCommand extends FleetAction {

    @Reference(optional = true)
    ReleaseService releases;

    @Argument(required = true, description = "The product version, e.g. 0.2.0")
    String version;

    @Option(name = "--from", multiValued = true,
            description = "Maven-layout folder to collect from (repeatable, before the version; default: this node's system folder)")
    List<String> from;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(releases);
        long t = System.nanoTime();
        Release r = releases.publish(caller, version, from);
        System.out.printf("Published %s: %d artifacts, %,d bytes, signed with key %s, in %d ms%n", r.version(), r.artifacts(),
                r.totalBytes(), r.keyId(), (System.nanoTime() - t) / 1_000_000);
        System.out.println("Features repository: " + r.featuresRepository());
        return null;
    }
}
