package cn.gannan.hpf.fleet.internal.centre;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.audit.AuditServiceImpl;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;

/**
 * The real core services and the centre's fleet services over a fresh in-memory Derby database, wired by hand
 * as DS would, with the key, releases and source folders under a temporary folder and a clock the test moves.
 */
final class CentreNode {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final DatabaseImpl db;
    final OfficeServiceImpl offices;
    final AuditServiceImpl audit;
    final CentreStore store;
    final ReleaseServiceImpl releases;
    final FleetServiceImpl fleet;
    final RolloutServiceImpl rollouts;
    final Path root;
    final Path system;
    Instant now = Instant.parse("2026-11-28T06:00:00Z");

    final Caller admin = new Caller("u1", "demo.central", "州中心管理员", "GN00", EnumSet.of(Role.CENTRAL_ADMIN));
    final Caller auditor = new Caller("u2", "demo.auditor", "审计员", "GN00", EnumSet.of(Role.AUDITOR));
    final Caller countyAdmin = new Caller("u3", "demo.admin", "单位管理员", "GN01", EnumSet.of(Role.OFFICE_ADMIN));

    CentreNode(Path root) {
        this.root = root;
        this.system = root.resolve("system");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:hpf-fleet-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        ds.setCreateDatabase("create");
        db = new DatabaseImpl(ds);
        MigrationsImpl migrations = new MigrationsImpl(db);
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN00");
        when(oc.demo()).thenReturn(false);
        offices = new OfficeServiceImpl(db, migrations, oc);
        audit = new AuditServiceImpl(db, migrations);
        CentreConfig cc = mock(CentreConfig.class);
        when(cc.keyDir()).thenReturn(root.resolve("etc/hpf-fleet").toString());
        when(cc.releasesDir()).thenReturn(root.resolve("data/fleet/releases").toString());
        when(cc.sources()).thenReturn(system.toString());
        when(cc.featuresRepository()).thenReturn("mvn:cn.gannan.hpf/hpf-features/{version}/xml/features");
        when(cc.pollSeconds()).thenReturn(60);
        when(cc.staleAfterPolls()).thenReturn(3);
        store = new CentreStore(db, migrations, offices, cc);
        store.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        releases = new ReleaseServiceImpl(store);
        fleet = new FleetServiceImpl(store, audit);
        rollouts = new RolloutServiceImpl(store);
        fleet.addListener(rollouts);
    }

    long count(String sql, Object... params) {
        return db.read(admin, tx -> tx.count(sql, params));
    }
}
