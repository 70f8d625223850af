package cn.gannan.hpf.talks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.demo.DemoDataLoader;
import cn.gannan.hpf.talks.api.CoverageWarning;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.api.TalkQuery;
import cn.gannan.hpf.talks.api.TalkRow;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.internal.demo.TalkDemoLoader;

/** The demo data on the core's demo organisation: the seed article's 2017 figures, computed from the records. */
public class TalkDemoLoaderTest {

    @Test
    public void the2017FiguresOfTheSeedArticleAndThisYearsWarnings() {
        TalksNode n = new TalksNode(true);
        new DemoDataLoader(n.offices, n.db, n.org, n.people, n.users);
        new TalkDemoLoader(n.offices, n.db, n.org, n.people, n.users, n.talks, n.plans);
        Caller auditor = new Caller("a", "auditor.test", "审计", "GN00", java.util.EnumSet.of(Role.AUDITOR));

        TalkStatistics s = n.talks.statistics(auditor, null, 2017);
        assertEquals(3, s.collective());
        assertEquals(19, s.oneOnOne());
        assertEquals(22, s.talks());
        assertEquals(111, s.personTimes()); // 110余人次
        assertEquals(Double.valueOf(100.0), s.coverageRate()); // the party group's 10 leadership pairs all talked
        Set<String> offices2017 = new HashSet<>();
        s.byOffice().forEach(o -> offices2017.add(o.officeCode()));
        assertTrue(offices2017.size() > 1);

        // this year: spread over the nine offices, some plans still uncovered
        int year = LocalDate.now(TalkServiceImpl.ZONE).getYear();
        Set<String> officesNow = new HashSet<>();
        for (TalkRow r : n.talks.find(auditor, new TalkQuery(null, year, null, null, null, null, null),
                new PageRequest(0, 500)).items()) {
            officesNow.add(r.officeCode());
        }
        assertEquals(9, officesNow.size());
        List<TalkPlan> plans = n.plans.plans(auditor, null, year);
        assertEquals(9, plans.size());
        List<CoverageWarning> w = n.plans.warnings(auditor, null, LocalDate.of(year, 12, 1), 92);
        assertTrue(w.size() >= 3);
        assertTrue(w.size() < 9);

        // loads once
        new TalkDemoLoader(n.offices, n.db, n.org, n.people, n.users, n.talks, n.plans);
        assertEquals(22, n.talks.statistics(auditor, null, 2017).talks());

        // the admonitory talk: its content only for the auditor, not for the demo office admin
        Caller admin = new Caller("x", "demo.admin", "演示", "GN01", java.util.EnumSet.of(Role.OFFICE_ADMIN));
        TalkRow reminder = n.talks.find(admin, new TalkQuery("GN01", year, "REMINDER", null, null, null, null),
                PageRequest.first(5)).items().get(0);
        assertFalse(reminder.contentVisible());
        assertFalse(n.talks.get(admin, reminder.id()).contentVisible());
        assertTrue(n.talks.get(auditor, reminder.id()).summary().startsWith("提醒谈话"));
    }
}
