package cn.gannan.hpf.meetings.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;
import cn.gannan.hpf.core.internal.org.OrgServiceImpl;
import cn.gannan.hpf.core.internal.person.PersonServiceImpl;
import cn.gannan.hpf.core.internal.user.SecurityConfig;
import cn.gannan.hpf.core.internal.user.UserServiceImpl;

/**
 * The real core services and the meeting service over a fresh in-memory Derby, wired by hand as DS
 * would, with a party group of five leaders and a branch with a party cell at office GN01.
 */
final class MeetingsNode {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final DatabaseImpl db;
    final MigrationsImpl migrations;
    final OfficeServiceImpl offices;
    final PersonServiceImpl people;
    final OrgServiceImpl org;
    final UserServiceImpl users;
    final MeetingServiceImpl meetings;
    final Caller admin = Caller.system("GN01");
    final Caller secretary = caller("GN01", Role.BRANCH_SECRETARY);
    final Caller staff = caller("GN01", Role.STAFF);
    final OrgUnit partyGroup;
    final OrgUnit branch;
    final OrgUnit cell;
    final List<Person> leaders = new ArrayList<>();
    final List<Person> members = new ArrayList<>();

    MeetingsNode() {
        dataSource.setDatabaseName("memory:mtg-test-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        db = new DatabaseImpl(dataSource);
        migrations = new MigrationsImpl(db);
        coreSchema();
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN01");
        when(oc.demo()).thenReturn(false);
        offices = new OfficeServiceImpl(db, migrations, oc);
        people = new PersonServiceImpl(db, migrations, offices);
        org = new OrgServiceImpl(db, migrations, offices, people);
        SecurityConfig sc = mock(SecurityConfig.class);
        when(sc.maxFailedAttempts()).thenReturn(3);
        when(sc.lockMinutes()).thenReturn(15);
        when(sc.sessionTimeoutMinutes()).thenReturn(30);
        when(sc.passwordMinLength()).thenReturn(8);
        when(sc.pbkdf2Iterations()).thenReturn(1000);
        users = new UserServiceImpl(db, migrations, offices, sc);
        meetings = new MeetingServiceImpl(db, migrations, org, people, users);

        partyGroup = org.create(admin, new OrgUnitDraft("GN01", null, OrgUnitType.PARTY_GROUP, "测试党组", 1));
        branch = org.create(admin, new OrgUnitDraft("GN01", null, OrgUnitType.BRANCH, "测试支部", 2));
        cell = org.create(admin, new OrgUnitDraft("GN01", branch.id(), OrgUnitType.PARTY_CELL, "测试党小组", 3));
        LocalDate since = LocalDate.of(2016, 1, 1);
        String[] names = {"张书记", "李副书记", "王委员", "赵委员", "刘委员"};
        Post[] posts = {Post.SECRETARY, Post.DEPUTY_SECRETARY, Post.COMMITTEE_MEMBER, Post.COMMITTEE_MEMBER,
            Post.COMMITTEE_MEMBER};
        for (int i = 0; i < names.length; i++) {
            Person p = person(names[i]);
            leaders.add(p);
            org.addMember(admin, partyGroup.id(), p.id(), posts[i], since);
        }
        org.addMember(admin, branch.id(), leaders.get(0).id(), Post.SECRETARY, since);
        for (int i = 0; i < 4; i++) {
            Person p = person("党员" + (i + 1));
            members.add(p);
            org.addMember(admin, branch.id(), p.id(), Post.MEMBER, since);
            org.addMember(admin, cell.id(), p.id(), i == 0 ? Post.GROUP_LEADER : Post.MEMBER, since);
        }
    }

    /**
     * The core's scripts sit in the core-impl jar, where the migrations (outside OSGi) only look in
     * folders: apply them here, statement by statement, as the core would on a node.
     */
    private void coreSchema() {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            for (int v = 1; v < 20; v++) {
                String text = null;
                for (String name : new String[] {"core_schema"}) {
                    java.io.InputStream in = OfficeServiceImpl.class.getClassLoader()
                            .getResourceAsStream("db/core/V" + v + "__" + name + ".sql");
                    if (in != null) {
                        try (in) {
                            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        }
                    }
                }
                if (text == null) {
                    break;
                }
                StringBuilder sql = new StringBuilder();
                for (String line : text.split("\\n")) {
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
            }
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Person person(String name) {
        return people.create(admin, new PersonDraft("GN01", name, null, null, null, null, null, PoliticalStatus.FULL_MEMBER));
    }

    static Caller caller(String office, Role... roles) {
        return new Caller("u-" + office, "user." + roles[0].name().toLowerCase() + "." + office.toLowerCase(), "Test", office,
                EnumSet.of(roles[0], roles));
    }
}
