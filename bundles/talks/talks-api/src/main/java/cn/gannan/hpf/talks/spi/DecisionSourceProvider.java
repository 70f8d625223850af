package cn.gannan.hpf.talks.spi;

import java.util.List;
import java.util.Optional;

import cn.gannan.hpf.core.api.Caller;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Offers decisions (typically meetings) that decided talks. A module registers an implementation
 * as an OSGi service; the talk log references it optionally and dynamically (any number, may come
 * and go), so the link lights up when both modules are enabled and degrades to free text when not.
 * Implementations apply their own authorisation for the caller.
 */
@ConsumerType
public interface DecisionSourceProvider {

    /** Stable id of this provider, stored with each link, e.g. {@code meetings}. */
    String sourceId();

    /** Decisions of an office in a year the caller may see, newest first. */
    List<DecisionSource> find(Caller caller, String officeCode, int year);

    /** One decision by id, if it (still) exists and the caller may see it. */
    Optional<DecisionSource> get(Caller caller, String refId);
}
