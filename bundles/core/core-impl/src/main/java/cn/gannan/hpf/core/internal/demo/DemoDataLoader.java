package cn.gannan.hpf.core.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.spi.Database;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data, in demo mode only ({@code demo = true} in {@code etc/cn.gannan.hpf.office.cfg}):
 * the org structure of the nine offices, about 110 staff with Chinese names, and one demo user
 * per role. Loaded once, through the services (so it is audited like any change), on the first
 * start; the demo logins are printed at every start.
 */
@Component(service = DemoDataLoader.class, immediate = true)
public class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String LOADED = "demo.loaded";
    /** The password of every demo user; listed in the README. */
    public static final String DEMO_PASSWORD = "Hpf@2026demo";

    private static final String SURNAMES = "张王李赵刘陈杨黄周吴马孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String[] GIVEN = {"建国", "志强", "海燕", "丽娟", "卓玛", "才让", "桑杰", "德吉", "永红", "晓东", "文斌",
        "秀英", "玉兰", "国庆", "红梅", "旦增", "拉毛", "扎西", "春燕", "明华", "立新", "静", "敏", "磊", "洋", "勇", "艳", "杰",
        "娜", "涛", "婷", "斌", "霞", "鹏", "慧", "刚", "琳", "强", "晶", "雪梅", "学军", "志华", "卫东", "小平", "玉梅", "东升",
        "万福", "彩霞", "金花", "尕藏", "索南", "多杰", "央金", "措毛", "宏伟", "俊杰", "佳怡", "子涵", "雨轩", "思远"};
    private static final String[] TITLES = {"科员", "综合柜员", "会计", "信贷专员", "稽核员", "信息管理员", "出纳", "档案管理员"};

    /** The demo users: username, display name, role; office is filled in at load time. */
    record DemoUser(String username, String displayName, Role role, boolean central) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo.staff", "演示职工", Role.STAFF, false),
            new DemoUser("demo.secretary", "演示支部书记", Role.BRANCH_SECRETARY, false),
            new DemoUser("demo.leader", "演示领导", Role.LEADER, false),
            new DemoUser("demo.admin", "演示单位管理员", Role.OFFICE_ADMIN, false),
            new DemoUser("demo.central", "演示州中心管理员", Role.CENTRAL_ADMIN, true),
            new DemoUser("demo.auditor", "演示审计员", Role.AUDITOR, true));

    @Activate
    public DemoDataLoader(@Reference OfficeService offices, @Reference Database db, @Reference OrgService org,
            @Reference PersonService people, @Reference UserService users) {
        if (!offices.demoMode()) {
            return;
        }
        Caller system = Caller.system(offices.current().code());
        boolean loaded = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM HPF_SETTING WHERE NAME = ?", LOADED) > 0);
        if (!loaded) {
            long t0 = System.nanoTime();
            db.tx(system, tx -> {
                new Loader(offices, org, people, users, system).load();
                tx.update("INSERT INTO HPF_SETTING (NAME, VAL) VALUES (?, ?)", LOADED, tx.now().toString());
                return null;
            });
            LOG.info("Demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        printLogins(offices);
    }

    private static void printLogins(OfficeService offices) {
        StringBuilder sb = new StringBuilder("\nHPF demo mode — office ").append(offices.current().code()).append(' ')
                .append(offices.current().nameZh()).append("\nDemo logins (password ").append(DEMO_PASSWORD).append("):\n");
        for (DemoUser u : USERS) {
            sb.append(String.format("  %-16s %s%n", u.username(), u.role()));
        }
        LOG.info(sb.toString());
        System.out.println(sb);
    }

    /** One loading run. */
    static final class Loader {
        private final OfficeService offices;
        private final OrgService org;
        private final PersonService people;
        private final UserService users;
        private final Caller system;
        private final Random random = new Random(2017);
        private int staffNo = 1;

        Loader(OfficeService offices, OrgService org, PersonService people, UserService users, Caller system) {
            this.offices = offices;
            this.org = org;
            this.people = people;
            this.users = users;
            this.system = system;
        }

        void load() {
            Office centre = offices.offices().get(0);
            OrgUnit partyGroup = unit(centre, null, OrgUnitType.PARTY_GROUP, "中共甘南州住房公积金管理中心党组", 1);
            OrgUnit general = unit(centre, null, OrgUnitType.GENERAL_BRANCH, "中共甘南州住房公积金管理中心总支部委员会", 2);
            OrgUnit union = unit(centre, null, OrgUnitType.TRADE_UNION, "甘南州住房公积金管理中心工会", 3);
            OrgUnit league = unit(centre, null, OrgUnitType.YOUTH_LEAGUE, "甘南州住房公积金管理中心团委", 4);
            OrgUnit women = unit(centre, null, OrgUnitType.WOMENS_FEDERATION, "甘南州住房公积金管理中心妇联", 5);
            List<OrgUnit> sections = new ArrayList<>();
            String[] sectionNames = {"综合办公室", "财务审计科", "归集管理科", "信贷管理科", "稽核科", "信息技术科"};
            for (int i = 0; i < sectionNames.length; i++) {
                sections.add(unit(centre, null, OrgUnitType.SECTION, sectionNames[i], 10 + i));
            }

            // Centre: 30 staff; the leadership first.
            List<Person> centreStaff = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                centreStaff.add(person(centre, i < 5 ? PoliticalStatus.FULL_MEMBER : status(), i < 5 ? leaderTitle(i) : null));
            }
            LocalDate since = LocalDate.of(2016, 3, 1);
            member(partyGroup, centreStaff.get(0), Post.SECRETARY, since);
            member(partyGroup, centreStaff.get(1), Post.DEPUTY_SECRETARY, since);
            for (int i = 2; i < 5; i++) {
                member(partyGroup, centreStaff.get(i), Post.COMMITTEE_MEMBER, since);
            }
            member(general, centreStaff.get(1), Post.SECRETARY, since);
            member(general, centreStaff.get(2), Post.DEPUTY_SECRETARY, since);
            member(general, centreStaff.get(5), Post.COMMITTEE_MEMBER, since);
            member(union, centreStaff.get(3), Post.CHAIR, LocalDate.of(2017, 6, 1));
            for (int i = 5; i < 30; i++) {
                Person p = centreStaff.get(i);
                member(sections.get(i % sections.size()), p, i < 11 ? Post.HEAD : Post.MEMBER, since);
                if (p.politicalStatus() == PoliticalStatus.LEAGUE_MEMBER) {
                    member(league, p, Post.MEMBER, since);
                }
                if (p.gender() == Gender.FEMALE && i % 2 == 0) {
                    member(women, p, Post.MEMBER, since);
                }
                member(union, p, Post.MEMBER, since);
            }

            // Eight county management departments: a department, a branch under the general branch, 10 staff each.
            for (Office o : offices.offices()) {
                if (o.central()) {
                    continue;
                }
                String county = o.nameZh().replace("管理部", "");
                OrgUnit dept = unit(o, null, OrgUnitType.COUNTY_DEPARTMENT, o.nameZh(), 1);
                OrgUnit branch = unit(o, general.id(), OrgUnitType.BRANCH, "中共" + county + "管理部支部委员会", 2);
                OrgUnit cell = unit(o, branch.id(), OrgUnitType.PARTY_CELL, county + "管理部党小组", 3);
                for (int i = 0; i < 10; i++) {
                    Person p = person(o, i < 3 ? PoliticalStatus.FULL_MEMBER : status(), i == 0 ? "主任" : i == 1 ? "副主任" : null);
                    member(dept, p, i == 0 ? Post.HEAD : i == 1 ? Post.DEPUTY_HEAD : Post.MEMBER, since);
                    if (p.politicalStatus().partyMember()) {
                        Post post = i == 0 ? Post.SECRETARY : i == 1 ? Post.DEPUTY_SECRETARY : i == 2 ? Post.COMMITTEE_MEMBER : Post.MEMBER;
                        member(branch, p, post, since);
                        if (i >= 3) {
                            member(cell, p, i == 3 ? Post.GROUP_LEADER : Post.MEMBER, since);
                        }
                    }
                    member(union, p, Post.MEMBER, since);
                }
            }

            String nodeOffice = offices.current().central() ? "GN01" : offices.current().code();
            for (DemoUser u : USERS) {
                Set<Role> roles = EnumSet.of(u.role());
                users.create(system, new UserDraft(u.username(), u.displayName(), u.central() ? centre.code() : nodeOffice,
                        null, roles, true), DEMO_PASSWORD.toCharArray());
            }
        }

        private static String leaderTitle(int i) {
            return switch (i) {
                case 0 -> "党组书记、主任";
                case 1 -> "党组副书记、副主任";
                default -> "党组成员、副主任";
            };
        }

        private PoliticalStatus status() {
            int r = random.nextInt(100);
            if (r < 58) {
                return PoliticalStatus.FULL_MEMBER;
            } else if (r < 63) {
                return PoliticalStatus.PROBATIONARY_MEMBER;
            } else if (r < 68) {
                return PoliticalStatus.ACTIVIST;
            } else if (r < 80) {
                return PoliticalStatus.LEAGUE_MEMBER;
            }
            return PoliticalStatus.MASSES;
        }

        private OrgUnit unit(Office office, String parent, OrgUnitType type, String name, int order) {
            return org.create(system, new OrgUnitDraft(office.code(), parent, type, name, order));
        }

        private Person person(Office office, PoliticalStatus status, String title) {
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN[random.nextInt(GIVEN.length)];
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            LocalDate birth = LocalDate.of(1965 + random.nextInt(33), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String phone = "1" + (35 + random.nextInt(55)) + String.format("%08d", random.nextInt(100_000_000));
            String no = office.code() + String.format("%03d", staffNo++);
            return people.create(system, new PersonDraft(office.code(), name, gender, birth, no, phone,
                    title != null ? title : TITLES[random.nextInt(TITLES.length)], status));
        }

        private void member(OrgUnit unit, Person p, Post post, LocalDate since) {
            org.addMember(system, unit.id(), p.id(), post, since);
        }
    }

    /** For tests: the demo user names and roles. */
    static Map<String, Role> demoUsers() {
        Map<String, Role> m = new LinkedHashMap<>();
        USERS.forEach(u -> m.put(u.username(), u.role()));
        return m;
    }
}
