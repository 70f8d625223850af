package cn.gannan.hpf.counter.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;
import cn.gannan.hpf.core.internal.user.SecurityConfig;
import cn.gannan.hpf.core.internal.user.UserServiceImpl;

/** The core services and the counter's, wired by hand over a fresh in-memory Derby, as DS would. */
final class CounterTestNode {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final DatabaseImpl db;
    final MigrationsImpl migrations;
    final OfficeServiceImpl offices;
    final UserServiceImpl users;
    final CatalogServiceImpl catalog;
    final CalendarServiceImpl calendar;
    final QueueServiceImpl queue;
    final SmsGatewayImpl sms;
    final ApplicationServiceImpl applications;
    final RatingServiceImpl ratings;
    final StatisticsServiceImpl stats;

    CounterTestNode() {
        this(null);
    }

    CounterTestNode(SmsGatewayImpl.SmsTransport transport) {
        this(transport, false);
    }

    CounterTestNode(SmsGatewayImpl.SmsTransport transport, boolean demo) {
        dataSource.setDatabaseName("memory:ctr-test-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        db = new DatabaseImpl(dataSource);
        migrations = new MigrationsImpl(db);
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN01");
        when(oc.demo()).thenReturn(demo);
        offices = new OfficeServiceImpl(db, migrations, oc);
        SecurityConfig sc = mock(SecurityConfig.class);
        when(sc.maxFailedAttempts()).thenReturn(5);
        when(sc.lockMinutes()).thenReturn(15);
        when(sc.sessionTimeoutMinutes()).thenReturn(30);
        when(sc.passwordMinLength()).thenReturn(8);
        when(sc.pbkdf2Iterations()).thenReturn(1000);
        users = new UserServiceImpl(db, migrations, offices, sc);
        catalog = new CatalogServiceImpl(db, migrations, offices);
        calendar = new CalendarServiceImpl(db, migrations, offices);
        queue = new QueueServiceImpl(db, migrations, offices, users);
        sms = new SmsGatewayImpl(db, migrations, offices, transport, 3, 1, false);
        CounterConfig cc = mock(CounterConfig.class);
        when(cc.warnWorkingDays()).thenReturn(1);
        when(cc.badRatingMax()).thenReturn(2);
        when(cc.rectificationWorkingDays()).thenReturn(5);
        applications = new ApplicationServiceImpl(db, migrations, calendar, offices, users, cc);
        applications.bindSms(sms);
        ratings = new RatingServiceImpl(db, migrations, calendar, cc);
        stats = new StatisticsServiceImpl(db, migrations, offices);
        for (String u : new String[] {"clerk.a", "clerk.b"}) {
            users.create(Caller.system("GN01"), new UserDraft(u, u, "GN01", null, Set.of(Role.STAFF), true), "Hpf@2026test".toCharArray());
        }
        users.create(Caller.system("GN02"), new UserDraft("clerk.lintan", "clerk.lintan", "GN02", null, Set.of(Role.STAFF), true),
                "Hpf@2026test".toCharArray());
    }

    static Caller clerk(String username, String office) {
        return new Caller("id-" + username, username, username, office, EnumSet.of(Role.STAFF));
    }

    static Caller of(String office, Role role) {
        return new Caller("id-" + role, role.name().toLowerCase() + "." + office, "Test", office, EnumSet.of(role));
    }

    long audits(String entity) {
        return db.read(Caller.system("GN01"), tx -> tx.count("SELECT COUNT(*) FROM HPF_AUDIT WHERE MODULE_ID = 'counter' AND ENTITY = ?",
                entity));
    }
}
