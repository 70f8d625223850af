package cn.gannan.hpf.fleet.internal.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Derby database: an online backup with {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}, a restore by
 * shutting the database down and booting it with {@code restoreFrom}. While restoring, the database's users are
 * stopped ({@link DatabaseUsers}, the core's bundle) so that nothing reconnects in between.
 */
final class DerbyBackup implements DatabaseBackup {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyBackup.class);

    /** Stops and starts what uses the database. */
    interface DatabaseUsers {
        /** @return what was stopped, for {@link #start} */
        List<Object> stop() throws Exception;

        void start(List<Object> stopped);
    }

    private final Supplier<Driver> driver;
    private final Supplier<String> url;
    private final DatabaseUsers users;
    private final List<Object> stopped = new ArrayList<>();

    /** @param url the database's JDBC URL ({@code jdbc:derby:<path>[;attributes]}) */
    DerbyBackup(Supplier<Driver> driver, Supplier<String> url, DatabaseUsers users) {
        this.driver = driver;
        this.url = url;
        this.users = users;
    }

    /** The folder of the database, from its URL. */
    Path databasePath() {
        String u = url.get();
        if (u == null || !u.startsWith("jdbc:derby:") || u.startsWith("jdbc:derby:memory:") || u.startsWith("jdbc:derby://")) {
            throw new IllegalStateException("the node's database is not an embedded Derby database on disk (" + u
                    + "); back it up with the database's own tools before an update");
        }
        String p = u.substring("jdbc:derby:".length());
        int semi = p.indexOf(';');
        return Path.of(semi < 0 ? p : p.substring(0, semi));
    }

    private Driver derby() {
        Driver d = driver.get();
        if (d == null) {
            throw new IllegalStateException("the Derby JDBC driver is not available");
        }
        return d;
    }

    @Override
    public void backup(Path dir) throws Exception {
        Path db = databasePath();
        try (Connection c = derby().connect("jdbc:derby:" + db, new Properties());
                CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            cs.setString(1, dir.toAbsolutePath().toString());
            cs.execute();
        }
        if (!Files.isDirectory(dir.resolve(db.getFileName()))) {
            throw new IllegalStateException("the backup did not appear in " + dir);
        }
        LOG.info("Database {} backed up to {}", db, dir);
    }

    @Override
    public void restore(Path dir) throws Exception {
        Path db = databasePath();
        Path copy = dir.resolve(db.getFileName());
        if (!Files.isDirectory(copy)) {
            throw new IllegalStateException("there is no backup in " + copy);
        }
        synchronized (stopped) {
            stopped.addAll(users.stop());
        }
        shutdown(db);
        try (Connection c = derby().connect("jdbc:derby:" + db + ";restoreFrom=" + copy.toAbsolutePath(), new Properties())) {
            if (c.getWarnings() != null) {
                throw new IllegalStateException("the database was not restored: " + c.getWarnings().getMessage());
            }
        }
        LOG.info("Database {} restored from {}", db, copy);
    }

    private void shutdown(Path db) {
        try (Connection c = derby().connect("jdbc:derby:" + db + ";shutdown=true", new Properties())) {
            LOG.debug("Derby did not report the shutdown of {}", db);
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) { // 08006: the database was shut down, as asked
                LOG.debug("Shutting down {}: {}", db, e.getMessage());
            }
        }
    }

    @Override
    public void resume() {
        List<Object> again;
        synchronized (stopped) {
            again = new ArrayList<>(stopped);
            stopped.clear();
        }
        users.start(again);
    }
}
