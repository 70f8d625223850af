package cn.gannan.hpf.fleet.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/**
 * Releases at the centre. Every method needs the central admin role (reading: central admin or auditor);
 * key generation and publishing are audited.
 */
@ProviderType
public interface ReleaseService {

    /**
     * Generates the signing key pair on this node. Refused when a key exists, unless {@code replace} (every
     * county must then be given the new public key).
     */
    SigningKey generateKey(Caller caller, boolean replace);

    /** The current signing key, if one was generated. */
    Optional<SigningKey> signingKey(Caller caller);

    /**
     * Publishes release {@code version}: collects the product features repository of that version and every
     * artifact its features need from the given Maven-layout folders (the node's {@code system/} folder when
     * none are given) into a new release directory, with the signed manifest. Releases are immutable: an
     * existing version is refused.
     */
    Release publish(Caller caller, String version, List<String> sourceFolders);

    /** Published releases, newest first. */
    List<Release> releases(Caller caller);

    /** One release's manifest; {@code NotFoundException} when unknown. */
    ReleaseManifest manifest(Caller caller, String version);
}
