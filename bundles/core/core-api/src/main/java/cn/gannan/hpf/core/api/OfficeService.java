package cn.gannan.hpf.core.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Office identity of this node and the reference list of all offices. */
@ProviderType
public interface OfficeService {

    /** The office this node serves, from configuration. */
    Office current();

    /** All nine offices, the centre first. */
    List<Office> offices();

    Optional<Office> find(String code);

    /** Whether demo data is loaded on this node (demo mode). */
    boolean demoMode();
}
