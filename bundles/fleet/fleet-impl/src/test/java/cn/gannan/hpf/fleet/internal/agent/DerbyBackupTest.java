package cn.gannan.hpf.fleet.internal.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Backup and restore of a real embedded Derby database on disk. */
public class DerbyBackupTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Driver driver = new EmbeddedDriver();
    private final List<String> users = new ArrayList<>();
    private Path db;
    private DerbyBackup backup;

    @Before
    public void setUp() throws Exception {
        db = tmp.getRoot().toPath().resolve("data/hpf-db");
        sql("jdbc:derby:" + db + ";create=true", "CREATE TABLE HPF_T (ID INTEGER)", "INSERT INTO HPF_T VALUES (1)");
        backup = new DerbyBackup(() -> driver, () -> "jdbc:derby:" + db + ";create=true", new DerbyBackup.DatabaseUsers() {
            @Override
            public List<Object> stop() {
                users.add("stop");
                return List.of(42L);
            }

            @Override
            public void start(List<Object> stopped) {
                users.add("start " + stopped);
            }
        });
    }

    @After
    public void tearDown() {
        try (Connection c = driver.connect("jdbc:derby:" + db + ";shutdown=true", new Properties())) {
            // not reached: a shutdown answers with an exception
        } catch (SQLException e) {
            // 08006
        }
    }

    private void sql(String url, String... statements) throws SQLException {
        try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = driver.connect("jdbc:derby:" + db, new Properties()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    public void theBackupTakenBeforeAnUpdateIsWhatARollbackRestores() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("agent/backups/20261128-0.1.0-to-0.2.0");
        backup.backup(dir);
        assertTrue(Files.isDirectory(dir.resolve("hpf-db")));

        // the new release migrates and writes
        sql("jdbc:derby:" + db, "CREATE TABLE HPF_NEW (ID INTEGER)", "INSERT INTO HPF_T VALUES (2)");
        assertEquals(2, count("SELECT COUNT(*) FROM HPF_T"));

        backup.restore(dir);
        assertEquals(List.of("stop"), users);
        assertEquals(1, count("SELECT COUNT(*) FROM HPF_T"));
        assertEquals(0, count("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'HPF_NEW'"));

        backup.resume();
        assertEquals(List.of("stop", "start [42]"), users);
    }

    @Test
    public void restoringWithoutABackupStopsNothing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> backup.restore(tmp.getRoot().toPath().resolve("none")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("there is no backup in"));
        assertTrue(users.isEmpty());
    }

    @Test
    public void onlyAnEmbeddedDatabaseOnDiskIsBackedUp() {
        DerbyBackup pg = new DerbyBackup(() -> driver, () -> "jdbc:postgresql://db/hpf", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pg.backup(tmp.getRoot().toPath().resolve("b")));
        assertTrue(e.getMessage(), e.getMessage().contains("is not an embedded Derby database on disk"));
        DerbyBackup memory = new DerbyBackup(() -> driver, () -> "jdbc:derby:memory:x", null);
        assertThrows(IllegalStateException.class, () -> memory.backup(tmp.getRoot().toPath().resolve("b")));
    }
}
