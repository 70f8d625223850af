package cn.gannan.hpf.talks.internal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.talks.api.FollowUpDraft;
import cn.gannan.hpf.talks.api.PlanDraft;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkPlanService;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkTrigger;

/**
 * Demo talks, in demo mode only, once (recorded in TALK_STATE), through the services so they are
 * validated and audited like any change. The year 2017 reproduces the seed article: 3 collective
 * talks and 19 one-on-one talks of the centre, 111 person-times (“110余人次”), all computed from
 * the records. The current year has plans for the party group and the eight county branches,
 * some fully covered and some not (dashboard warnings), follow-ups and two admonitory talks.
 */
@Component(service = TalkDemoLoader.class, immediate = true)
public class TalkDemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TalkDemoLoader.class);
    static final String LOADED = "demo.loaded";

    @Activate
    public TalkDemoLoader(@Reference OfficeService offices, @Reference Database db, @Reference OrgService org,
            @Reference PersonService people, @Reference UserService users, @Reference TalkService talks,
            @Reference TalkPlanService plans) {
        if (!offices.demoMode()) {
            return;
        }
        Caller system = Caller.system(offices.current().code());
        boolean loaded = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM TALK_STATE WHERE NAME = ?", LOADED) > 0);
        if (loaded) {
            return;
        }
        Optional<OrgUnit> partyGroup = org.units(system, "GN00").stream().filter(u -> u.type() == OrgUnitType.PARTY_GROUP)
                .findFirst();
        if (partyGroup.isEmpty()) {
            LOG.warn("Talk demo data not loaded: the core's demo organisation (party group of GN00) is missing");
            return;
        }
        long t0 = System.nanoTime();
        db.tx(system, tx -> {
            new Loader(offices, org, people, users, talks, plans, partyGroup.get(), Clock.systemDefaultZone()).load();
            tx.update("INSERT INTO TALK_STATE (NAME, VAL) VALUES (?, ?)", LOADED, tx.now().toString());
            return null;
        });
        LOG.info("Talk demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** One loading run. */
    static final class Loader {
        private final OfficeService offices;
        private final OrgService org;
        private final PersonService people;
        private final UserService users;
        private final TalkService talks;
        private final TalkPlanService plans;
        private final OrgUnit partyGroup;
        private final Map<String, OrgUnit> branches = new LinkedHashMap<>();
        private final LocalDate today;
        /** Records as the system, with the leader role for the admonitory kinds. */
        private final Caller recorder;

        Loader(OfficeService offices, OrgService org, PersonService people, UserService users, TalkService talks,
                TalkPlanService plans, OrgUnit partyGroup, Clock clock) {
            this.offices = offices;
            this.org = org;
            this.people = people;
            this.users = users;
            this.talks = talks;
            this.plans = plans;
            this.partyGroup = partyGroup;
            this.today = LocalDate.now(clock);
            this.recorder = new Caller(null, Caller.SYSTEM_USERNAME, Caller.SYSTEM_USERNAME, offices.current().code(),
                    EnumSet.of(Role.CENTRAL_ADMIN, Role.OFFICE_ADMIN, Role.LEADER));
        }

        void load() {
            Caller sys = Caller.system(offices.current().code());
            List<Person> leaders = ordered(org.members(sys, partyGroup.id(), true)); // secretary first
            List<Person> centre = people.find(sys, new PersonQuery("GN00", null, null, null, Boolean.TRUE),
                    new PageRequest(0, 500)).items();
            List<Person> sectionHeads = new ArrayList<>();
            for (OrgUnit u : org.units(sys, "GN00")) {
                if (u.type() == OrgUnitType.SECTION) {
                    org.members(sys, u.id(), true).stream().filter(m -> m.post() == Post.HEAD).findFirst()
                            .ifPresent(m -> sectionHeads.add(people.get(sys, m.personId())));
                }
            }
            Map<String, List<Person>> countyHeads = new LinkedHashMap<>();
            Map<String, OrgUnit> countyBranch = new LinkedHashMap<>();
            for (Office o : offices.offices()) {
                if (o.central()) {
                    continue;
                }
                for (OrgUnit u : org.units(sys, o.code())) {
                    if (u.type() == OrgUnitType.COUNTY_DEPARTMENT) {
                        countyHeads.put(o.code(), ordered(org.members(sys, u.id(), true)));
                    } else if (u.type() == OrgUnitType.BRANCH) {
                        countyBranch.put(o.code(), u);
                    }
                }
            }
            if (leaders.size() < 2 || centre.size() < 10 || countyHeads.isEmpty()) {
                LOG.warn("Talk demo data not loaded: the core's demo organisation is smaller than expected");
                return;
            }
            branches.putAll(countyBranch);
            load2017(leaders, centre, sectionHeads, countyHeads);
            loadThisYear(sys, leaders, countyHeads, countyBranch);
        }

        /** Members ordered by post (secretary, deputy, committee …, head, deputy head, member). */
        private List<Person> ordered(List<Membership> members) {
            Caller sys = Caller.system(offices.current().code());
            return members.stream().sorted((a, b) -> a.post().compareTo(b.post())).map(m -> people.get(sys, m.personId()))
                    .toList();
        }

        private static String decidedBy(int n) {
            return "党组会议研究确定（2017年第" + n + "次党组会议）";
        }

        /** 3 collective + 19 one-on-one talks of 2017; 111 person-times. */
        private void load2017(List<Person> leaders, List<Person> centre, List<Person> sectionHeads,
                Map<String, List<Person>> countyHeads) {
            plans.create(recorder, new PlanDraft(partyGroup.id(), 2017, "党组班子成员之间交心谈话", false));
            Person secretary = leaders.get(0);
            Person deputy = leaders.get(1);
            List<Person> others = centre.stream().filter(p -> !p.id().equals(secretary.id()) && !p.id().equals(deputy.id()))
                    .toList();
            // 1. collective: secretary and deputy with all other centre staff
            talk("GN00", TalkKind.COLLECTIVE, LocalDate.of(2017, 3, 16), "中心四楼会议室", List.of(secretary, deputy), others,
                    decidedBy(2), TalkTrigger.ROUTINE, "谈心要关心、谈心要交心、谈心要诚心、谈心要用心；年度工作目标与作风建设",
                    "根据《党员谈心谈话制度》，经党组研究，做集体谈话。通报年度党建和业务工作目标，提出作风建设要求；干部职工结合岗位谈认识、提建议，共收集意见建议 12 条。",
                    List.of(new FollowUpDraft("梳理集体谈话中收集的意见建议，逐条明确责任科室", sectionHeads.isEmpty() ? null
                            : sectionHeads.get(0).id(), LocalDate.of(2017, 4, 30))), true);
            // 2. collective: the secretary with the county department heads and deputies
            List<Person> county = new ArrayList<>();
            countyHeads.values().forEach(l -> county.addAll(l.subList(0, Math.min(2, l.size()))));
            talk("GN00", TalkKind.COLLECTIVE, LocalDate.of(2017, 6, 20), "中心四楼会议室", List.of(secretary), county,
                    decidedBy(5), TalkTrigger.INSPECTION_FINDING, "上半年督查落实情况；各管理部整改要求",
                    "根据阶段性督查落实情况，党组确定对各管理部负责人集体谈话，逐一点明督查发现的问题，要求限期整改并报送整改情况。",
                    List.of(), true);
            // 3. collective: the secretary with the staff of the sections
            List<Person> sectionStaff = centre.subList(Math.min(5, centre.size()), centre.size());
            talk("GN00", TalkKind.COLLECTIVE, LocalDate.of(2017, 9, 12), "中心四楼会议室", List.of(secretary), sectionStaff,
                    decidedBy(7), TalkTrigger.SELF_INSPECTION, "科室自查情况；服务窗口作风",
                    "根据平时掌握情况和科室自查情况，会议讨论、党组确定，对机关各科室干部集体谈话，重点谈服务窗口作风和廉洁自律。",
                    List.of(), true);
            // 10 heart-to-heart talks among the leadership before the democratic life meeting
            int day = 1;
            for (int i = 0; i < leaders.size(); i++) {
                for (int j = i + 1; j < leaders.size(); j++) {
                    talk("GN00", TalkKind.LEADERSHIP_MUTUAL, LocalDate.of(2017, 12, Math.min(28, day++)), "党组书记办公室",
                            List.of(leaders.get(i)), List.of(leaders.get(j)), "班子成员自查，会议讨论，党组确定",
                            TalkTrigger.DEMOCRATIC_LIFE_MEETING, "民主生活会前相互交心",
                            "班子成员开展相互交心谈话，互相指出问题不足，提出改进意见，为开好民主生活会做准备。", List.of(), true);
                }
            }
            // 6 talks of the leaders in charge with the heads of their sections: 19 = 10 + 6 + 3
            int leaderMeetings = 19 - 10 - 3;
            for (int k = 0; k < leaderMeetings && k < sectionHeads.size(); k++) {
                Person leader = leaders.get(1 + k % (leaders.size() - 1));
                talk("GN00", TalkKind.LEADER_MEETING, LocalDate.of(2017, 5, 8 + k), "分管领导办公室", List.of(leader),
                        List.of(sectionHeads.get(k)), "分管领导见面谈", TalkTrigger.ROUTINE, "科室工作推进；队伍建设",
                        "分管领导与科室负责人见面谈，了解科室工作和人员思想状况，提出下一阶段要求。", List.of(), k % 2 == 0);
            }
            // 3 one-on-one talks with county directors, decided by the party group from inspection results
            int k = 0;
            for (Map.Entry<String, List<Person>> e : countyHeads.entrySet()) {
                if (k == 3) {
                    break;
                }
                talk(e.getKey(), TalkKind.ONE_ON_ONE, LocalDate.of(2017, 10, 10 + k), "管理部会议室", List.of(deputy),
                        List.of(e.getValue().get(0)), decidedBy(8), TalkTrigger.INSPECTION_FINDING, "年度督查发现问题整改",
                        "根据年度督查落实情况，党组确定与该管理部负责人一对一谈话，指出归集扩面和档案管理方面的不足，明确整改时限。",
                        List.of(new FollowUpDraft("报送督查问题整改情况", e.getValue().get(0).id(), LocalDate.of(2017, 11, 30))),
                        false);
                k++;
            }
        }

        private LocalDate thisYear(int month, int day) {
            LocalDate d = LocalDate.of(today.getYear(), month, day);
            return d.isAfter(today) ? today : d;
        }

        /** Plans of this year for the party group and the county branches; some covered, some not. */
        private void loadThisYear(Caller sys, List<Person> leaders, Map<String, List<Person>> countyHeads,
                Map<String, OrgUnit> countyBranch) {
            int year = today.getYear();
            plans.create(recorder, new PlanDraft(partyGroup.id(), year, "党组班子成员之间年度交心谈话", false));
            // the party group: 6 of its leadership pairs talked so far
            int done = 0;
            for (int i = 0; i < leaders.size() && done < 6; i++) {
                for (int j = i + 1; j < leaders.size() && done < 6; j++) {
                    talk("GN00", TalkKind.LEADERSHIP_MUTUAL, thisYear(3 + done, 10), "党组书记办公室", List.of(leaders.get(i)),
                            List.of(leaders.get(j)), "党组确定", TalkTrigger.ROUTINE, "年度工作交流",
                            "班子成员交心谈话，交流分管工作和思想状况。", List.of(), true);
                    done++;
                }
            }
            int n = 0;
            for (Map.Entry<String, OrgUnit> e : countyBranch.entrySet()) {
                String office = e.getKey();
                OrgUnit branch = e.getValue();
                plans.create(recorder, new PlanDraft(branch.id(), year, "支部委员与党员年度谈心谈话", false));
                List<Person> members = org.members(sys, branch.id(), true).stream()
                        .sorted((a, b) -> a.post().compareTo(b.post())).map(m -> people.get(sys, m.personId())).toList();
                if (members.size() < 3) {
                    continue;
                }
                Person branchSecretary = members.get(0);
                List<Person> rest = members.subList(1, members.size());
                if (n % 3 != 2) {
                    // covered: the branch secretary with every member, in one collective talk
                    talk(office, TalkKind.COLLECTIVE, thisYear(4 + n % 5, 15), "管理部会议室", List.of(branchSecretary), rest,
                            "支部委员会研究确定", TalkTrigger.ROUTINE, "学习教育；岗位职责与服务作风",
                            "支部书记与支部党员集体谈心谈话，结合学习教育谈认识，查摆服务窗口作风问题。",
                            List.of(new FollowUpDraft("完善窗口服务承诺公示", rest.get(0).id(), thisYear(12, 31))), n % 2 == 0);
                }
                // not covered yet: only one one-on-one talk; the other pairs still need a talk
                talk(office, TalkKind.ONE_ON_ONE, thisYear(6, 3 + n), "支部书记办公室", List.of(branchSecretary),
                        List.of(rest.get(rest.size() - 1)), "支部委员会研究确定", TalkTrigger.JOB_CHANGE, "岗位调整后的工作安排",
                        "岗位调整谈话，了解思想动态，明确新岗位职责和工作要求。",
                        List.of(new FollowUpDraft("一个月内熟悉新岗位业务流程", rest.get(rest.size() - 1).id(),
                                thisYear(7, 3 + n))), true);
                n++;
            }
            // admonitory talks, restricted to leaders and auditors
            List<Person> gn01 = countyHeads.get("GN01");
            if (gn01 != null && gn01.size() >= 2) {
                linkDemoUsers(sys, gn01);
                talk("GN01", TalkKind.REMINDER, thisYear(9, 8), "主任办公室", List.of(gn01.get(0)),
                        List.of(gn01.get(gn01.size() - 1)), "党组研究确定", TalkTrigger.DISCIPLINE, "上班迟到早退",
                        "提醒谈话：近期考勤显示多次迟到早退，要求严格遵守作息纪律，本人表示接受并改正。",
                        List.of(new FollowUpDraft("连续三个月考勤无异常", gn01.get(gn01.size() - 1).id(), thisYear(12, 8))), false);
            }
            List<Person> gn03 = countyHeads.get("GN03");
            if (gn03 != null && gn03.size() >= 2) {
                talk("GN03", TalkKind.ADMONITION, thisYear(8, 19), "州中心会议室", List.of(leaders.get(0)), List.of(gn03.get(1)),
                        "党组会议研究确定", TalkTrigger.INSPECTION_FINDING, "业务审批把关不严",
                        "诫勉谈话：督查发现贷款审批资料审核把关不严，责令作出书面检查，限期整改。",
                        List.of(new FollowUpDraft("提交书面检查", gn03.get(1).id(), thisYear(9, 19))), false);
            }
        }

        /**
         * Links the demo users demo.leader and demo.staff (GN01) to people of the GN01 department,
         * so the demo shows confidentiality from both sides. Only accounts not yet linked are changed.
         */
        private void linkDemoUsers(Caller sys, List<Person> gn01) {
            link(sys, "demo.leader", gn01.get(0));
            link(sys, "demo.staff", gn01.get(Math.min(5, gn01.size() - 1)));
        }

        private void link(Caller sys, String username, Person person) {
            try {
                UserAccount u = users.byUsername(sys, username);
                if (u.personId() == null && u.officeCode().equals(person.officeCode())) {
                    users.update(sys, u.id(), u.meta().version(), new UserDraft(u.username(), u.displayName(), u.officeCode(),
                            person.id(), u.roles(), u.enabled()));
                }
            } catch (RuntimeException e) {
                LOG.info("Demo user {} not linked to a person: {}", username, e.getMessage());
            }
        }

        private Talk talk(String office, String kind, LocalDate date, String place, List<Person> talkers,
                List<Person> targets, String decidedBy, TalkTrigger trigger, String topics, String summary,
                List<FollowUpDraft> followUps, boolean confirmAll) {
            String body = decidedBy.startsWith("党组") || decidedBy.startsWith("班子") ? partyGroup.id()
                    : decidedBy.startsWith("支部") && branches.containsKey(office) ? branches.get(office).id() : null;
            Talk t = talks.create(recorder, new TalkDraft(office, kind, date, place, talkers.stream().map(Person::id).toList(),
                    targets.stream().map(Person::id).toList(), body, decidedBy, null, null, null, trigger, null, topics,
                    summary, followUps));
            if (confirmAll) {
                for (Person p : talkers) {
                    talks.confirm(recorder, t.id(), p.id());
                }
                for (Person p : targets) {
                    talks.confirm(recorder, t.id(), p.id());
                }
            }
            return t;
        }
    }
}
