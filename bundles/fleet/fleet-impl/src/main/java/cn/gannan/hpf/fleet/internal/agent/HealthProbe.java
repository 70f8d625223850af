package cn.gannan.hpf.fleet.internal.agent;

import java.util.List;

/** One look at the node's health: what is wrong, in English, or nothing. */
public interface HealthProbe {

    List<String> problems();
}
