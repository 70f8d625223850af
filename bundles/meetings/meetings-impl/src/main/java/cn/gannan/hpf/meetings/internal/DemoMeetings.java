package cn.gannan.hpf.meetings.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.meetings.api.AttendeeDraft;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.ExpectedAttendee;
import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.FollowUpDraft;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MeetingDraft;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.TopicDraft;

/**
 * Demo data, loaded once in demo mode only: the centre's party group in 2017 as the seed article
 * describes it (9 minutes, 76 topics, 11 theory-study sessions, 100+ branch collective study
 * sessions), the branches' 三会一课 of 2017 and of the current year (with some gaps), and follow-up
 * actions. Every figure is computed from these records, none is stored.
 */
@Component(service = DemoMeetings.class, immediate = true, configurationPid = DemoMeetings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoMeetings.Config.class)
public class DemoMeetings {

    static final String PID = "cn.gannan.hpf.meetings.demo";
    static final String LOADED = "demo.loaded";
    private static final Logger LOG = LoggerFactory.getLogger(DemoMeetings.class);

    @ObjectClassDefinition(name = "HPF meetings demo data")
    @interface Config {
        @AttributeDefinition(description = "Load the demo meetings when the node runs in demo mode")
        boolean enabled() default true;
    }

    /** Topic titles of the party group, by category. */
    static final String[][] TOPICS = {
        {"PARTY_BUILDING", "研究制定《党组工作细则》"}, {"PARTY_BUILDING", "审议《党组理论中心组学习计划》"},
        {"PARTY_BUILDING", "研究《党组织和党员学习清单》"}, {"PARTY_BUILDING", "研究成立党建工作领导小组及办公室"},
        {"PARTY_BUILDING", "研究“两学一做”学习教育常态化制度化实施方案"}, {"PARTY_BUILDING", "研究各管理部支部规范化建设"},
        {"PARTY_BUILDING", "研究党组书记讲党课安排"}, {"PARTY_BUILDING", "研究学习宣传贯彻党的十九大精神方案"},
        {"PARTY_BUILDING", "研究党费收缴使用管理"}, {"PARTY_BUILDING", "研究发展党员工作计划"},
        {"PARTY_BUILDING", "研究谈心谈话工作安排，开展集体谈话"}, {"INTEGRITY", "研究党风廉政建设责任清单"},
        {"INTEGRITY", "研究廉政风险防控排查"}, {"INTEGRITY", "研究落实中央八项规定精神自查"},
        {"INTEGRITY", "通报警示教育典型案例"}, {"INTEGRITY", "研究节假日廉洁自律提醒"}, {"INTEGRITY", "研究签订党风廉政建设责任书"},
        {"MAJOR_MATTER", "研究年度住房公积金归集使用计划"}, {"MAJOR_MATTER", "研究年度预算调整"},
        {"MAJOR_MATTER", "研究个人住房贷款风险准备金提取"}, {"MAJOR_MATTER", "研究逾期贷款清收工作"},
        {"MAJOR_MATTER", "研究年度财务决算"}, {"MAJOR_MATTER", "研究增值收益分配方案"}, {"RULES", "审议《领导班子成员检查、蹲点、督导工作规范》"},
        {"RULES", "审议《党组会议纪要》管理办法"}, {"RULES", "修订《谈心谈话制度》"}, {"RULES", "修订《财务管理办法》"},
        {"RULES", "修订《贷款管理办法》"}, {"RULES", "研究首问负责、一次性告知、限时办结制度"}, {"FACILITIES", "研究“四位一体”党建阵地建设标准"},
        {"FACILITIES", "研究各管理部党员活动室改造"}, {"FACILITIES", "研究党建文化墙和宣传栏设置"}, {"TEAM", "研究干部轮岗交流"},
        {"TEAM", "研究窗口服务人员业务培训计划"}, {"TEAM", "研究年度考核工作"}, {"TEAM", "研究科室负责人任免"},
        {"TEAM", "研究评选表彰优秀共产党员"}, {"IT", "研究住房公积金信息系统升级"}, {"IT", "研究综合服务平台建设"},
        {"IT", "研究短信通知服务上线"}, {"IT", "研究数据安全和备份管理"}, {"BUSINESS", "研究“一站式服务大厅”窗口建设"}};

    private final Random random = new Random(2017);

    /** For tests: {@link #load} without the activation's checks. */
    DemoMeetings() {
    }

    private volatile boolean stopping;
    private Thread loader;

    /**
     * Loads in the background, so the module is usable at once (its lists wait for the one demo
     * transaction to commit); the load runs in one transaction and is recorded, so it happens once.
     */
    @Activate
    public DemoMeetings(@Reference OfficeService offices, @Reference Database db, @Reference OrgService org,
            @Reference MeetingService meetings, Config config) {
        if (!offices.demoMode() || !config.enabled()) {
            return;
        }
        Caller system = Caller.system(offices.current().code());
        boolean loaded = db.read(system, tx -> tx.count("SELECT COUNT(*) FROM MTG_SETTING WHERE NAME = ?", LOADED) > 0);
        if (loaded) {
            return;
        }
        loader = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                db.tx(system, tx -> {
                    load(system, org, meetings, LocalDate.now(MeetingServiceImpl.OFFICE_ZONE));
                    tx.update("INSERT INTO MTG_SETTING (NAME, VAL) VALUES (?, ?)", LOADED, tx.now().toString());
                    return null;
                });
                LOG.info("Meetings demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.info("Meetings demo data not loaded: the module stopped first; it loads on the next start");
                } else {
                    LOG.error("Meetings demo data could not be loaded; the module works without it", e);
                }
            }
        }, "hpf-meetings-demo");
        loader.setDaemon(true);
        loader.start();
    }

    /** Stops a load still running: its transaction rolls back and the next start loads again. */
    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        if (loader != null) {
            loader.join(60_000);
        }
    }

    private void checkStopping() {
        if (stopping) {
            throw new IllegalStateException("meetings demo loading stopped");
        }
    }

    void load(Caller system, OrgService org, MeetingService meetings, LocalDate today) {
        List<OrgUnit> units = org.units(system, null);
        OrgUnit partyGroup = units.stream().filter(u -> u.type() == OrgUnitType.PARTY_GROUP).findFirst().orElse(null);
        if (partyGroup != null) {
            partyGroup2017(system, meetings, partyGroup);
            partyGroupThisYear(system, meetings, partyGroup, today);
        }
        for (OrgUnit branch : units) {
            if (branch.type() != OrgUnitType.BRANCH) {
                continue;
            }
            OrgUnit cell = units.stream().filter(u -> branch.id().equals(u.parentId()) && u.type() == OrgUnitType.PARTY_CELL)
                    .findFirst().orElse(null);
            branchYear(system, meetings, branch, cell, 2017, LocalDate.of(2017, 12, 31), 0.03);
            // the current year, up to last week, with more gaps so the cadence grid has something to show
            branchYear(system, meetings, branch, cell, today.getYear(), today.minusDays(7), 0.12);
        }
    }

    private void partyGroup2017(Caller system, MeetingService meetings, OrgUnit pg) {
        int[][] days = {{1, 16}, {3, 2}, {4, 10}, {5, 22}, {6, 28}, {8, 15}, {9, 26}, {11, 8}, {12, 20}};
        int[] sizes = {8, 9, 8, 9, 8, 9, 8, 9, 8}; // 76 topics
        int topic = 0;
        for (int i = 0; i < days.length; i++) {
            LocalDateTime at = LocalDateTime.of(2017, days[i][0], days[i][1], 9, 0);
            List<TopicDraft> topics = new ArrayList<>();
            int absent = i % 3 == 1 ? 1 : 0;
            int present = meetings.expectedAttendees(system, pg.id()).size() - absent;
            for (int k = 0; k < sizes[i]; k++) {
                String[] t = TOPICS[topic++ % TOPICS.length];
                boolean personnel = t[1].contains("任免");
                topics.add(new TopicDraft(null, t[1], t[0], submitter(t[0]), null, "会议听取了汇报，与会同志进行了认真讨论。",
                        "原则同意，由相关科室按程序抓好落实。", personnel, personnel ? present : null, personnel ? 0 : null,
                        personnel ? 0 : null));
            }
            Meeting m = issue(system, meetings, partyGroupMeeting(system, meetings, pg, MeetingType.PARTY_GROUP, at,
                    "2017年第" + (i + 1) + "次党组会议", absent, topics, null));
            // follow-up of the first decisions of each meeting: done, except the last two meetings' first ones
            for (int k = 0; k < 2; k++) {
                String topicId = m.topics().get(k).id();
                String owner = m.attendees().get(1 + k).personId();
                FollowUp f = meetings.addFollowUp(system, m.id(), new FollowUpDraft(topicId, "落实：" + m.topics().get(k).title(),
                        owner, at.toLocalDate().plusDays(30)));
                if (i < 7 || k == 1) {
                    meetings.completeFollowUp(system, f.id(), f.meta().version(), "已按会议决定完成，相关文件已归档。",
                            at.toLocalDate().plusDays(20 + k));
                }
            }
        }
        int[][] study = {{1, 20}, {3, 17}, {4, 21}, {5, 19}, {6, 16}, {7, 21}, {8, 18}, {9, 15}, {10, 27}, {11, 17}, {12, 15}};
        String[] themes = {"学习习近平总书记系列重要讲话", "学习《中国共产党党内监督条例》", "学习党章和宪法", "学习《关于新形势下党内政治生活的若干准则》",
            "学习“两学一做”常态化制度化要求", "学习《住房公积金管理条例》", "学习全面从严治党要求", "学习中央八项规定精神",
            "学习党的十九大报告", "学习新修订的党章", "学习十九大精神专题研讨"};
        for (int i = 0; i < study.length; i++) {
            partyGroupMeeting(system, meetings, pg, MeetingType.THEORY_STUDY,
                    LocalDateTime.of(2017, study[i][0], study[i][1], 15, 0), "党组理论中心组学习：" + themes[i], 0, List.of(),
                    "党组书记领学，班子成员交流发言。主题：" + themes[i]);
        }
        partyGroupMeeting(system, meetings, pg, MeetingType.DEMOCRATIC_LIFE, LocalDateTime.of(2017, 12, 28, 9, 0),
                "2017年度领导班子民主生活会", 0, List.of(), "开展批评与自我批评，查摆问题，制定整改措施。");
    }

    private void partyGroupThisYear(Caller system, MeetingService meetings, OrgUnit pg, LocalDate today) {
        int year = today.getYear();
        int months = today.getMonthValue() - 1;
        Meeting last = null;
        for (int month = 1; month <= months; month += 2) {
            LocalDateTime at = workday(LocalDate.of(year, month, 12)).atTime(9, 0);
            List<TopicDraft> topics = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                String[] t = TOPICS[random.nextInt(TOPICS.length)];
                topics.add(new TopicDraft(null, t[1], t[0], submitter(t[0]), null, "会议进行了讨论。", "同意。", false, null, null,
                        null));
            }
            Meeting m = partyGroupMeeting(system, meetings, pg, MeetingType.PARTY_GROUP, at,
                    year + "年第" + ((month + 1) / 2) + "次党组会议", 0, topics, null);
            last = month + 2 <= months ? issue(system, meetings, m) : m;
        }
        if (last != null) {
            FollowUp overdue = meetings.addFollowUp(system, last.id(), new FollowUpDraft(last.topics().get(0).id(),
                    "按会议决定报送整改方案", last.attendees().get(2).personId(), last.startAt().toLocalDate().plusDays(5)));
            meetings.addFollowUp(system, last.id(), new FollowUpDraft(last.topics().get(1).id(), "完成制度修订并印发",
                    last.attendees().get(3).personId(), today.plusDays(20)));
            if (!overdue.overdue()) {
                LOG.debug("demo follow-up not yet overdue: {}", overdue.dueDate());
            }
            meetings.circulate(system, last.id(), last.meta().version()); // waiting for co-signatures
        }
    }

    private Meeting partyGroupMeeting(Caller system, MeetingService meetings, OrgUnit pg, MeetingType type,
            LocalDateTime at, String subject, int absent, List<TopicDraft> topics, String notes) {
        List<ExpectedAttendee> expected = meetings.expectedAttendees(system, pg.id());
        List<AttendeeDraft> attendees = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ExpectedAttendee e = expected.get(i);
            boolean away = i >= expected.size() - absent;
            attendees.add(new AttendeeDraft(e.personId(), e.name(), AttendeeKind.MEMBER, !away, away ? "赴省厅参加业务培训" : null));
        }
        if (type == MeetingType.PARTY_GROUP) {
            attendees.add(new AttendeeDraft(null, "综合办公室主任", AttendeeKind.INVITED, true, null));
        }
        String chair = expected.isEmpty() ? null : expected.get(0).personId();
        String recorder = expected.size() > 1 ? expected.get(expected.size() - 1).personId() : null;
        return meetings.create(system, new MeetingDraft(pg.id(), type, at, at.plusHours(2), "州中心四楼会议室", null, chair,
                recorder, subject, notes, attendees, topics));
    }

    private static Meeting issue(Caller system, MeetingService meetings, Meeting m) {
        Meeting cur = meetings.circulate(system, m.id(), m.meta().version());
        for (var a : cur.attendees()) {
            if (a.leadership() && a.present()) {
                cur = meetings.sign(system, cur.id(), cur.meta().version(), a.personId());
            }
        }
        return meetings.issue(system, cur.id(), cur.meta().version());
    }

    /** A branch's year of 三会一课 up to {@code until}; {@code gap} is the chance a required meeting was skipped. */
    private void branchYear(Caller system, MeetingService meetings, OrgUnit branch, OrgUnit cell, int year, LocalDate until,
            double gap) {
        List<ExpectedAttendee> members = meetings.expectedAttendees(system, branch.id());
        List<ExpectedAttendee> committee = members.stream().filter(ExpectedAttendee::leadership).toList();
        List<ExpectedAttendee> cellMembers = cell == null ? List.of() : meetings.expectedAttendees(system, cell.id());
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(year, month, 1);
            if (first.isAfter(until)) {
                break;
            }
            held(system, meetings, branch, MeetingType.BRANCH_COMMITTEE, day(first, 5, until), committee, "支委会：研究本月工作", gap);
            held(system, meetings, branch, MeetingType.THEME_PARTY_DAY, day(first, 15, until), members, "主题党日活动", gap);
            held(system, meetings, branch, MeetingType.COLLECTIVE_STUDY, day(first, 20, until), members, "支部集体学习", 0);
            if (cell != null) {
                held(system, meetings, cell, MeetingType.PARTY_CELL, day(first, 10, until), cellMembers, "党小组会", gap);
            }
            if (month % 3 == 0) {
                held(system, meetings, branch, MeetingType.BRANCH_PLENARY, day(first, 25, until), members, "支部党员大会", gap);
                held(system, meetings, branch, MeetingType.PARTY_LECTURE, day(first, 27, until), members, "支部书记讲党课", gap);
            }
            if (year == 2017 && month == 10) {
                held(system, meetings, branch, MeetingType.COLLECTIVE_STUDY, day(first, 26, until), members,
                        "集体学习党的十九大精神", 0);
            }
            if (month == 12) {
                held(system, meetings, branch, MeetingType.ORG_LIFE, day(first, 18, until), members, "年度组织生活会", gap);
                held(system, meetings, branch, MeetingType.MEMBER_APPRAISAL, day(first, 19, until), members, "民主评议党员", gap);
            }
        }
    }

    private static LocalDate day(LocalDate first, int dayOfMonth, LocalDate until) {
        LocalDate d = workday(first.withDayOfMonth(Math.min(dayOfMonth, first.lengthOfMonth())));
        return d.isAfter(until) ? null : d;
    }

    private static LocalDate workday(LocalDate d) {
        LocalDate x = d;
        while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
            x = x.plusDays(1);
        }
        return x;
    }

    private void held(Caller system, MeetingService meetings, OrgUnit body, MeetingType type, LocalDate day,
            List<ExpectedAttendee> expected, String subject, double gap) {
        checkStopping();
        if (day == null || expected.isEmpty() || random.nextDouble() < gap) {
            return;
        }
        List<AttendeeDraft> attendees = new ArrayList<>();
        for (ExpectedAttendee e : expected) {
            boolean away = expected.size() > 3 && random.nextInt(10) == 0;
            attendees.add(new AttendeeDraft(e.personId(), e.name(), AttendeeKind.MEMBER, !away, away ? "请假（下乡办理业务）" : null));
        }
        meetings.create(system, new MeetingDraft(body.id(), type, day.atTime(LocalTime.of(16, 0)), null, "党员活动室", null,
                expected.get(0).personId(), null, subject, subject + "，按计划进行。", attendees, List.of()));
    }

    private static String submitter(String category) {
        return switch (category) {
            case "PARTY_BUILDING", "FACILITIES" -> "党建办公室";
            case "INTEGRITY" -> "纪检组";
            case "MAJOR_MATTER", "BUSINESS" -> "归集管理科";
            case "RULES" -> "综合办公室";
            case "TEAM" -> "人事科";
            case "IT" -> "信息技术科";
            default -> "综合办公室";
        };
    }
}
