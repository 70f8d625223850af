package cn.gannan.hpf.fleet.api;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/** The update agent of a county node. Needs the office admin or central admin role. */
@ProviderType
public interface AgentService {

    AgentStatus status(Caller caller);

    /** Polls the centre now instead of at the next interval (in the background). */
    void pollNow(Caller caller);
}
