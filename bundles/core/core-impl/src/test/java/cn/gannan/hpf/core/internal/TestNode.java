package cn.gannan.hpf.core.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.audit.AuditServiceImpl;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;
import cn.gannan.hpf.core.internal.org.OrgServiceImpl;
import cn.gannan.hpf.core.internal.person.PersonServiceImpl;
import cn.gannan.hpf.core.internal.user.SecurityConfig;
import cn.gannan.hpf.core.internal.user.UserServiceImpl;

import java.util.EnumSet;

/** The core services wired by hand over a fresh in-memory Derby database, as DS would wire them. */
public final class TestNode {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    public final DatabaseImpl db;
    public final MigrationsImpl migrations;
    public final OfficeServiceImpl offices;
    public final PersonServiceImpl people;
    public final OrgServiceImpl org;
    public final UserServiceImpl users;
    public final AuditServiceImpl audit;

    public TestNode() {
        dataSource.setDatabaseName("memory:hpf-test-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        db = new DatabaseImpl(dataSource);
        migrations = new MigrationsImpl(db);
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN01");
        when(oc.demo()).thenReturn(false);
        offices = new OfficeServiceImpl(db, migrations, oc);
        people = new PersonServiceImpl(db, migrations, offices);
        org = new OrgServiceImpl(db, migrations, offices, people);
        users = new UserServiceImpl(db, migrations, offices, security(3, 15));
        audit = new AuditServiceImpl(db, migrations);
    }

    /** A security configuration with fast hashing for tests. */
    public static SecurityConfig security(int maxFailed, int lockMinutes) {
        SecurityConfig sc = mock(SecurityConfig.class);
        when(sc.maxFailedAttempts()).thenReturn(maxFailed);
        when(sc.lockMinutes()).thenReturn(lockMinutes);
        when(sc.sessionTimeoutMinutes()).thenReturn(30);
        when(sc.passwordMinLength()).thenReturn(8);
        when(sc.pbkdf2Iterations()).thenReturn(1000);
        return sc;
    }

    public static Caller caller(String office, Role... roles) {
        return new Caller("u-" + office, "user." + office.toLowerCase(), "Test", office, EnumSet.of(roles[0], roles));
    }
}
