package cn.gannan.hpf.talks.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
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
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.internal.db.DatabaseImpl;
import cn.gannan.hpf.core.internal.db.MigrationsImpl;
import cn.gannan.hpf.core.internal.office.OfficeServiceImpl;
import cn.gannan.hpf.core.internal.org.OrgServiceImpl;
import cn.gannan.hpf.core.internal.person.PersonServiceImpl;
import cn.gannan.hpf.core.internal.user.SecurityConfig;
import cn.gannan.hpf.core.internal.user.UserServiceImpl;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkTrigger;

/**
 * The real core services and the talk services over a fresh in-memory Derby database, wired by
 * hand as DS would, with a small organisation at GN01: a branch with a secretary, a leader and
 * staff, each with a login linked to their person.
 */
final class TalksNode {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    final DatabaseImpl db;
    final MigrationsImpl migrations;
    final OfficeServiceImpl offices;
    final PersonServiceImpl people;
    final OrgServiceImpl org;
    final UserServiceImpl users;
    final TalkServiceImpl talks;
    final TalkPlanServiceImpl plans;
    final Caller system = Caller.system("GN01");

    final OrgUnit branch;
    final OrgUnit otherBranch;
    /** Branch secretary (支部书记) of {@link #branch}, role BRANCH_SECRETARY. */
    final Person secretary;
    /** A leader (role LEADER), committee member of the branch. */
    final Person leader;
    /** Staff members of the branch. */
    final Person staffA;
    final Person staffB;
    final Person staffC;
    /** Secretary of another branch. */
    final Person otherSecretary;
    /** A person at GN02. */
    final Person county2;

    TalksNode() {
        this(false);
    }

    /** @param demo demo mode: the core's and the talk log's demo data are loaded instead of the small organisation */
    TalksNode(boolean demo) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:hpf-talks-" + SEQ.incrementAndGet() + "-" + System.nanoTime());
        ds.setCreateDatabase("create");
        db = new DatabaseImpl(ds);
        migrations = new MigrationsImpl(db);
        OfficeServiceImpl.Config oc = mock(OfficeServiceImpl.Config.class);
        when(oc.code()).thenReturn("GN01");
        when(oc.demo()).thenReturn(demo);
        offices = new OfficeServiceImpl(db, migrations, oc);
        people = new PersonServiceImpl(db, migrations, offices);
        org = new OrgServiceImpl(db, migrations, offices, people);
        SecurityConfig sc = mock(SecurityConfig.class);
        when(sc.maxFailedAttempts()).thenReturn(5);
        when(sc.lockMinutes()).thenReturn(15);
        when(sc.sessionTimeoutMinutes()).thenReturn(30);
        when(sc.passwordMinLength()).thenReturn(8);
        when(sc.pbkdf2Iterations()).thenReturn(1000);
        users = new UserServiceImpl(db, migrations, offices, sc);
        talks = new TalkServiceImpl(db, migrations, offices, people, org, users);
        TalkPlanServiceImpl.Config pc = mock(TalkPlanServiceImpl.Config.class);
        when(pc.warningDays()).thenReturn(92);
        plans = new TalkPlanServiceImpl(db, migrations, offices, people, org, pc);
        Clock fixed = Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        talks.clock = fixed;
        plans.clock = fixed;

        if (demo) {
            branch = null;
            otherBranch = null;
            secretary = null;
            leader = null;
            staffA = null;
            staffB = null;
            staffC = null;
            otherSecretary = null;
            county2 = null;
            return;
        }
        branch = org.create(system, new OrgUnitDraft("GN01", null, OrgUnitType.BRANCH, "合作管理部支部", 1));
        otherBranch = org.create(system, new OrgUnitDraft("GN01", null, OrgUnitType.SECTION, "综合科", 2));
        secretary = person("GN01", "王书记");
        leader = person("GN01", "李主任");
        staffA = person("GN01", "张甲");
        staffB = person("GN01", "赵乙");
        staffC = person("GN01", "陈丙");
        otherSecretary = person("GN01", "刘科长");
        county2 = person("GN02", "马临潭");
        LocalDate since = LocalDate.of(2020, 1, 1);
        org.addMember(system, branch.id(), secretary.id(), Post.SECRETARY, since);
        org.addMember(system, branch.id(), leader.id(), Post.COMMITTEE_MEMBER, since);
        org.addMember(system, branch.id(), staffA.id(), Post.MEMBER, since);
        org.addMember(system, branch.id(), staffB.id(), Post.MEMBER, since);
        org.addMember(system, branch.id(), staffC.id(), Post.MEMBER, since);
        org.addMember(system, otherBranch.id(), otherSecretary.id(), Post.SECRETARY, since);
    }

    Person person(String office, String name) {
        return people.create(system, new PersonDraft(office, name, Gender.MALE, LocalDate.of(1980, 1, 1), null, null, "科员",
                PoliticalStatus.FULL_MEMBER));
    }

    /** A caller whose account is linked to the person (null for no person). */
    Caller login(String username, Person person, String office, Role... roles) {
        UserAccount u = users.create(system, new UserDraft(username, username, office, person == null ? null : person.id(),
                EnumSet.of(roles[0], roles), true), "Passw0rd!x".toCharArray());
        return new Caller(u.id(), u.username(), u.displayName(), office, EnumSet.of(roles[0], roles));
    }

    static TalkDraft draft(String kind, LocalDate date, List<Person> talkers, List<Person> targets, String unitId,
            String summary) {
        return new TalkDraft(null, kind, date, "会议室", talkers.stream().map(Person::id).toList(),
                targets.stream().map(Person::id).toList(), unitId, "支部委员会研究确定", null, null, null,
                TalkTrigger.ROUTINE, null, "工作作风", summary, List.of());
    }

    static TalkDraft oneOnOne(Person talker, Person target, String unitId, String summary) {
        return draft(TalkKind.ONE_ON_ONE, LocalDate.of(2026, 3, 1), List.of(talker), List.of(target), unitId, summary);
    }
}
