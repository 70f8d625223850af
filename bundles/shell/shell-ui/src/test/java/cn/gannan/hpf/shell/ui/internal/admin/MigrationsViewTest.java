package cn.gannan.hpf.shell.ui.internal.admin;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.spi.Migrations.MigrationRecord;

public class MigrationsViewTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private static MigrationRecord rec(String module, int version, long minutes, boolean ok) {
        return new MigrationRecord(module, version, "d", "c", T0.plusSeconds(60 * minutes), ok, ok ? null : "boom");
    }

    @Test
    public void aModuleIsBrokenWhenItsLatestScriptFailed() {
        List<MigrationRecord> records = List.of(
                rec("core", 1, 0, true),
                rec("meetings", 1, 1, true), rec("meetings", 2, 2, false),
                rec("talks", 1, 3, false), rec("talks", 1, 4, true));
        assertEquals(List.of("meetings"), MigrationsView.brokenModules(records));
    }

    @Test
    public void noRecordsNothingBroken() {
        assertEquals(List.of(), MigrationsView.brokenModules(List.of()));
    }
}
