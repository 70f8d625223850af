package cn.gannan.hpf.fleet.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/**
 * Rollout plans at the centre. Reading needs the central admin or auditor role, every action the central admin
 * role; every action and every change of a rollout, wave or office status is audited. Rollouts advance by
 * themselves on the offices' heartbeats.
 */
@ProviderType
public interface RolloutService {

    /** Creates a rollout (DRAFT); refused with every problem listed when the plan is invalid. */
    Rollout create(Caller caller, RolloutDraft draft);

    /** Starts the first wave: its offices are sent the release. */
    Rollout start(Caller caller, String id);

    /** Starts the next wave of a rollout waiting for approval. */
    Rollout approve(Caller caller, String id);

    /**
     * Sends the release again to the failed offices (all of them, or the one given); a stopped rollout resumes
     * its stopped wave.
     */
    Rollout retry(Caller caller, String id, String officeCode);

    /** Cancels: offices that have not taken the release are left on theirs. */
    Rollout cancel(Caller caller, String id);

    Rollout rollout(Caller caller, String id);

    /** Every rollout, newest first. */
    List<Rollout> rollouts(Caller caller);
}
