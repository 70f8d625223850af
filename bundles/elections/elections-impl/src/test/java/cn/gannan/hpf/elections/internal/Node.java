package cn.gannan.hpf.elections.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;
import cn.gannan.hpf.core.internal.org.OrgServiceImpl;
import cn.gannan.hpf.core.internal.person.PersonServiceImpl;

/** The real core services over a fresh in-memory Derby, wired by hand as DS would, plus the election service. */
final class Node {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final DatabaseImpl db;
    final OfficeServiceImpl offices;
    final PersonServiceImpl people;
    final OrgServiceImpl org;
    final ElectionServiceImpl elections;
    final Caller system = Caller.system("GN00");
    private int staff = 1;

    final cn.gannan.hpf.core.internal.db.MigrationsImpl migrations;

    Node() {
        this(false);
    }

    Node(boolean demo) {
        dataSource.setDatabaseName("memory:el-test-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        coreSchema();
        db = new DatabaseImpl(dataSource);
        migrations = new MigrationsImpl(db);
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN00");
        when(oc.demo()).thenReturn(demo);
        offices = new OfficeServiceImpl(db, migrations, oc);
        people = new PersonServiceImpl(db, migrations, offices);
        org = new OrgServiceImpl(db, migrations, offices, people);
        elections = new ElectionServiceImpl(db, migrations, offices, org, people);
    }

    /**
     * Outside OSGi the core's migrations find their scripts only on a file: class path, and here they sit in the
     * core-impl jar: apply the core schema directly (the module's own scripts are files and go through Migrations).
     */
    private void coreSchema() {
        try (java.io.InputStream in = DatabaseImpl.class.getClassLoader().getResourceAsStream("db/core/V1__core_schema.sql");
                java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder sql = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String stmt = sql.toString().strip();
                    st.execute(stmt.substring(0, stmt.length() - 1));
                    sql.setLength(0);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Caller caller(String office, Role... roles) {
        return new Caller("u-" + office, "user." + office.toLowerCase(), "Test", office, EnumSet.of(roles[0], roles));
    }

    OrgUnit unit(String office, OrgUnitType type, String name) {
        return org.create(system, new OrgUnitDraft(office, null, type, name, 1));
    }

    /** Puts a full member under 留党察看 from {@code from} (the change is dated, the history keeps it). */
    Person probation(Person p, LocalDate from) {
        Person now = people.get(system, p.id());
        return people.changeStatus(system, p.id(), now.meta().version(), PoliticalStatus.PARTY_PROBATION, from, "留党察看一年");
    }

    /** Restores the rights of a member under 留党察看 on {@code on}. */
    Person restore(Person p, LocalDate on) {
        Person now = people.get(system, p.id());
        return people.changeStatus(system, p.id(), now.meta().version(), PoliticalStatus.FULL_MEMBER, on, "察看期满，恢复党员权利");
    }

    Person person(String office, String name, PoliticalStatus status, Gender gender) {
        return people.create(system, new PersonDraft(office, name, gender, LocalDate.of(1980, 1, 1),
                office + String.format("%03d", staff++), null, null, status));
    }
}
