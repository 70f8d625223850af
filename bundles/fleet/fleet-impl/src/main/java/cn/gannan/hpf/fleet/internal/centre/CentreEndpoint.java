package cn.gannan.hpf.fleet.internal.centre;

import java.nio.file.Path;
import java.util.Optional;

import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Heartbeat;

/** What the fleet endpoint serves to county agents, each authenticated by its own token. */
public interface CentreEndpoint {

    /** The office whose valid token this is, if any. */
    Optional<String> authenticate(String token);

    DesiredState desired(String officeCode);

    /** Stores the heartbeat (changes of release, health or phase are audited) and answers the desired state. */
    DesiredState heartbeat(String officeCode, Heartbeat heartbeat);

    /** The folder of a published release, if the version is published. */
    Optional<Path> releaseDir(String version);
}
