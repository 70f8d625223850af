package cn.gannan.hpf.fleet.internal.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.osgi.framework.BundleContext;

import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Migrations.MigrationRecord;

public class AgentComponentTest {

    @Test
    public void pollsSpreadAroundTheInterval() {
        Duration min = Duration.ofDays(1);
        Duration max = Duration.ZERO;
        for (int i = 0; i < 2000; i++) {
            Duration d = AgentComponent.jitter(Duration.ofSeconds(300), 20);
            min = d.compareTo(min) < 0 ? d : min;
            max = d.compareTo(max) > 0 ? d : max;
        }
        assertTrue(min.toString(), min.compareTo(Duration.ofSeconds(240)) >= 0 && min.compareTo(Duration.ofSeconds(250)) < 0);
        assertTrue(max.toString(), max.compareTo(Duration.ofSeconds(360)) <= 0 && max.compareTo(Duration.ofSeconds(350)) > 0);
        assertEquals(Duration.ofSeconds(300), AgentComponent.jitter(Duration.ofSeconds(300), 0));
        assertEquals("never below a second", Duration.ofSeconds(1), AgentComponent.jitter(Duration.ofMillis(10), 0));
    }

    @Test
    public void karafPlaceholdersInPathsAreResolved() {
        BundleContext ctx = mock(BundleContext.class);
        when(ctx.getProperty("karaf.data")).thenReturn("/opt/hpf/data");
        assertEquals("/opt/hpf/data/fleet/agent", AgentComponent.resolve(ctx, "${karaf.data}/fleet/agent"));
        assertEquals("/x/${karaf.unknown}", AgentComponent.resolve(ctx, "/x/${karaf.unknown}"));
    }

    @Test
    public void aComponentFailureIsShownByItsFirstLine() {
        assertEquals("java.lang.InstantiationException: Unable to get service for reference talks",
                KarafHealthProbe.firstLine("java.lang.InstantiationException: Unable to get service for reference talks\n\tat org.apache.felix.scr.X(X.java:1)\n"));
        assertEquals(300, KarafHealthProbe.firstLine("x".repeat(400)).length());
        assertEquals("", KarafHealthProbe.firstLine(null));
    }

    @Test
    public void onlyAMigrationFailedSinceTheUpdateAndNotAppliedSinceIsLasting() {
        Instant since = Instant.parse("2026-11-28T09:00:00Z");
        Migrations m = mock(Migrations.class);
        when(m.history()).thenReturn(List.of(
                new MigrationRecord("core", 1, "core", "c1", since.minusSeconds(3600), true, null),
                new MigrationRecord("rooms", 2, "old", "r2", since.minusSeconds(60), false, "an old failure"),
                new MigrationRecord("meetings", 3, "mended", "m3", since.plusSeconds(1), false, "failed once"),
                new MigrationRecord("meetings", 3, "mended", "m3", since.plusSeconds(2), true, null),
                new MigrationRecord("talks", 99, "broken", "t99", since.plusSeconds(5), false, "Table/View 'NO_SUCH_TABLE' does not exist."),
                new MigrationRecord("talks", 99, "broken", "t99", since.plusSeconds(9), false, "Table/View 'NO_SUCH_TABLE' does not exist.")));
        KarafHealthProbe probe = new KarafHealthProbe(null, () -> null, () -> m, java.net.URI.create("http://localhost:1/"));
        assertEquals("once, though the script failed twice", List.of("migration talks V99 failed: Table/View 'NO_SUCH_TABLE' does not exist."),
                probe.lasting(since));
        assertEquals("nothing is lasting without the migrations service", List.of(),
                new KarafHealthProbe(null, () -> null, () -> null, java.net.URI.create("http://localhost:1/")).lasting(since));
    }

    @Test
    public void requirementsAreExactFeatureVersions() {
        assertEquals("feature:hpf-core/[0.1.0.SNAPSHOT,0.1.0.SNAPSHOT]", Requirements.of("hpf-core", "0.1.0-SNAPSHOT"));
        assertEquals(new Requirements.Feature("hpf-core", "0.2.0"), Requirements.parse("feature:hpf-core/[0.2.0,0.2.0]").orElseThrow());
        assertTrue(Requirements.parse("feature:jackson/[2.18,2.19)").isEmpty());
        assertTrue(Requirements.parse("bundle:x").isEmpty());
    }

    @Test
    public void startsOnlyAfterKarafsBoot() throws Exception {
        String descriptor = java.nio.file.Files.readString(
                java.nio.file.Path.of("target/classes/OSGI-INF/" + AgentComponent.class.getName() + ".xml"));
        assertTrue(descriptor, descriptor.contains("interface=\"org.apache.karaf.features.BootFinished\""));
    }
}
