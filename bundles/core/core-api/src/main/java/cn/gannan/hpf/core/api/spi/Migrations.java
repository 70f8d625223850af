package cn.gannan.hpf.core.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applies a module's versioned SQL scripts, in order, each once, and records them. Scripts are
 * resources {@code <folder>/V<n>__<description>.sql} in the module's bundle; statements are
 * separated by lines holding only {@code ;}, or by a {@code ;} at the end of a line. A module
 * calls {@link #migrate} when it activates and does not activate when it throws.
 */
@ProviderType
public interface Migrations {

    /**
     * @param module  the module's id, e.g. "core", "meetings"
     * @param anchor  a class of the module's bundle; the scripts are looked up in that bundle
     * @param folder  resource folder of the scripts, e.g. "db/meetings"
     * @throws MigrationException naming the script and the statement that failed; the failed
     *         script's changes are rolled back and the failure is recorded for admins
     */
    MigrationResult migrate(String module, Class<?> anchor, String folder);

    /** Every module's applied versions and any failures, for the admin page. */
    List<MigrationRecord> history();

    /** Outcome of one run. */
    record MigrationResult(String module, int fromVersion, int toVersion, List<String> applied) {
    }

    /** One recorded script, applied or failed. */
    record MigrationRecord(String module, int version, String description, String checksum,
            java.time.Instant appliedAt, boolean success, String error) {
    }
}
