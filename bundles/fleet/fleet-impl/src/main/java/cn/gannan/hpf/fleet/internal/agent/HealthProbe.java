package cn.gannan.hpf.fleet.internal.agent;

import java.time.Instant;
import java.util.List;

/** One look at the node's health: what is wrong, in English, or nothing. */
public interface HealthProbe {

    List<String> problems();

    /**
     * Problems that waiting will not mend, arisen at or after {@code since} (the start of an update): a database
     * migration script that failed and was not applied since. An update with such a problem is rolled back at once
     * instead of leaving the office broken until the health check's timeout.
     */
    default List<String> lasting(Instant since) {
        return List.of();
    }
}
