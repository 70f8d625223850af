package cn.gannan.hpf.itests.talks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkPlanService;
import cn.gannan.hpf.talks.api.TalkQuery;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.api.TalkTrigger;

/**
 * The talk services inside the container. A class of its own: it is loaded only once hpf-talks is
 * installed, so the probe resolves the talk API packages then (dynamic import).
 */
final class TalksServiceChecks {

    private final BundleContext context;

    TalksServiceChecks(BundleContext context) {
        this.context = context;
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        T s = t.waitForService(30_000);
        assertTrue(type + " not registered", s != null);
        return s;
    }

    /** Checks the services; returns the person demo.leader is linked to by the demo data. */
    String run() throws Exception {
        TalkService talks = service(TalkService.class);
        TalkPlanService plans = service(TalkPlanService.class);
        PersonService people = service(PersonService.class);
        Caller auditor = new Caller(null, "it.auditor", "IT", "GN00", EnumSet.of(Role.AUDITOR));
        Caller admin = new Caller(null, "it.admin", "IT", "GN01", EnumSet.of(Role.OFFICE_ADMIN));

        // the demo data, computed from the records: the seed article's 2017
        TalkStatistics s2017 = talks.statistics(auditor, null, 2017);
        assertEquals(3, s2017.collective());
        assertEquals(19, s2017.oneOnOne());
        assertTrue("110+ person-times: " + s2017.personTimes(), s2017.personTimes() >= 110);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertEquals(9, plans.plans(auditor, null, year).size());

        // record as the office admin; the admin is not entitled to the content they recorded
        List<Person> gn01 = people.find(admin, new PersonQuery("GN01", null, null, null, Boolean.TRUE),
                new PageRequest(0, 10)).items();
        Talk t = talks.create(admin, new TalkDraft(null, TalkKind.ONE_ON_ONE, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                "IT 会议室", List.of(gn01.get(0).id()), List.of(gn01.get(1).id()), null, "IT", null, null, null,
                TalkTrigger.ROUTINE, null, "IT 主题", "IT-SERVICE-SECRET", List.of()));
        assertFalse(t.contentVisible());
        assertNull(t.summary());
        assertEquals("IT-SERVICE-SECRET", talks.get(auditor, t.id()).summary());
        assertTrue(talks.find(admin, new TalkQuery("GN01", year, null, null, null, null, "IT 会议室"),
                PageRequest.first(5)).total() >= 1);
        talks.voidTalk(admin, t.id(), t.meta().version(), "IT 清理");

        UserService users = service(UserService.class);
        String leaderPerson = users.byUsername(Caller.system("GN00"), "demo.leader").personId();
        assertTrue("the demo data links demo.leader to a person", leaderPerson != null);
        return leaderPerson;
    }
}
