package cn.gannan.hpf.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.spi.MigrationException;
import cn.gannan.hpf.core.api.spi.Migrations;

public class MigrationsTest {

    private final TestNode node = new TestNode();
    private final Caller system = Caller.system("GN00");

    @Test
    public void coreSchemaIsAppliedOnceAndRecorded() {
        List<Migrations.MigrationRecord> history = node.migrations.history();
        assertEquals(1, history.stream().filter(r -> r.module().equals("core") && r.success()).count());
        // Activating again applies nothing more.
        Migrations.MigrationResult again = node.migrations.migrate("core", cn.gannan.hpf.core.internal.db.MigrationsImpl.class, "db/core");
        assertTrue(again.applied().isEmpty());
        assertEquals(1, again.toVersion());
        assertEquals(9L, (long) node.db.read(system, tx -> tx.count("SELECT COUNT(*) FROM HPF_OFFICE")));
    }

    @Test
    public void moduleScriptsRunInOrderAndOnlyOnce() {
        Migrations.MigrationResult r = node.migrations.migrate("sample", getClass(), "db/sample");
        assertEquals(List.of("V1__create.sql", "V2__add_column.sql"), r.applied());
        assertEquals(2, r.toVersion());
        assertEquals(1L, (long) node.db.read(system, tx -> tx.count("SELECT COUNT(*) FROM SAMPLE_ITEM WHERE NOTE = 'b'")));
        assertTrue(node.migrations.migrate("sample", getClass(), "db/sample").applied().isEmpty());
    }

    @Test
    public void failedScriptLeavesNothingBehindAndIsRecordedForTheAdmin() {
        try {
            node.migrations.migrate("broken", getClass(), "db/broken");
            fail("the broken migration must throw");
        } catch (MigrationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("V2__bad.sql"));
        }
        // V1 applied and kept, V2's first statement rolled back with it.
        assertEquals(0L, (long) node.db.read(system, tx -> tx.count("SELECT COUNT(*) FROM BROKEN_ONE")));
        assertFalse("V2 created a table before failing; it must be rolled back",
                node.db.read(system, tx -> tableExists(tx.connection(), "BROKEN_TWO")));
        Migrations.MigrationRecord failed = node.migrations.history().stream()
                .filter(h -> h.module().equals("broken") && !h.success()).findFirst().orElseThrow();
        assertEquals(2, failed.version());
        assertTrue(failed.error(), failed.error() != null && !failed.error().isBlank());
        assertEquals(1, node.migrations.history().stream().filter(h -> h.module().equals("broken") && h.success()).count());
    }

    private static boolean tableExists(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (var rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    @Test
    public void statementsSplitAtLineEndSemicolonsAndCommentsAreDropped() {
        List<String> s = cn.gannan.hpf.core.internal.db.MigrationsImplAccess.split(
                "-- comment\nCREATE TABLE A (X INT);\n\nINSERT INTO A VALUES (1);\nINSERT INTO A\n VALUES (2);");
        assertEquals(3, s.size());
        assertEquals("INSERT INTO A\nVALUES (2)", s.get(2));
    }
}
