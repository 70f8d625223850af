package cn.gannan.hpf.fleet.internal.agent;

import java.io.IOException;
import java.nio.file.Path;

import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Heartbeat;

/**
 * The agent's link to the centre. An {@link IOException} means the centre could not be reached (the agent carries
 * on from what it has locally); a refusal by the centre (a revoked credential) is a {@link CentreRefusedException}.
 */
public interface CentreClient {

    /** Reports the heartbeat; answers the office's desired state. */
    DesiredState heartbeat(Heartbeat heartbeat) throws IOException;

    /** A small file of a release: {@code release.manifest} or {@code release.sig}. */
    byte[] small(String version, String file) throws IOException;

    /**
     * Downloads an artifact of a release into {@code part}, continuing after what {@code part} already holds (an
     * HTTP byte range), until it holds {@code size} bytes.
     */
    void download(String version, String path, Path part, long size) throws IOException;
}
