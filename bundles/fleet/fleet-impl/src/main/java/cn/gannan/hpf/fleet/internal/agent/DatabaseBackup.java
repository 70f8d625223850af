package cn.gannan.hpf.fleet.internal.agent;

import java.nio.file.Path;

/** The node's database, backed up before an update and restored by a rollback. */
public interface DatabaseBackup {

    /** Writes a consistent backup of the live database into {@code dir} (which must not exist yet). */
    void backup(Path dir) throws Exception;

    /**
     * Stops the database's users, replaces the database with the backup in {@code dir}, and leaves the users
     * stopped until {@link #resume()} (so that no code of the failed release touches the restored data).
     */
    void restore(Path dir) throws Exception;

    /** Starts the users that {@link #restore} stopped, if they are still installed. */
    void resume();
}
