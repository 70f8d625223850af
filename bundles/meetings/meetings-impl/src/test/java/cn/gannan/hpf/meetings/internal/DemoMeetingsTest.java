package cn.gannan.hpf.meetings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;

import org.junit.Test;

import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.MeetingStats;
import cn.gannan.hpf.meetings.api.MeetingType;

/** The demo year 2017 reproduces the seed article's figures, computed from the records. */
public class DemoMeetingsTest {

    @Test
    public void year2017MatchesTheArticle() {
        MeetingsNode n = new MeetingsNode();
        // eight county branches, as in the core's demo organisation
        for (int b = 2; b <= 8; b++) {
            OrgUnit branch = n.org.create(n.admin, new OrgUnitDraft("GN01", null, OrgUnitType.BRANCH, "支部" + b, 10 + b));
            for (int i = 0; i < 3; i++) {
                Person p = n.person("支部" + b + "党员" + i);
                n.org.addMember(n.admin, branch.id(), p.id(), i == 0 ? Post.SECRETARY : Post.MEMBER, LocalDate.of(2016, 3, 1));
            }
        }
        LocalDate today = LocalDate.of(2026, 11, 28);
        new DemoMeetings().load(n.admin, n.org, n.meetings, today);

        MeetingStats s = n.meetings.statistics(n.admin, null, 2017, today);
        MeetingStats.BodyLine pg = s.byBody().stream().filter(l -> l.bodyId().equals(n.partyGroup.id())).findFirst()
                .orElseThrow();
        assertEquals(9, (long) s.meetingsByType().get(MeetingType.PARTY_GROUP));
        assertEquals(9, pg.minutesIssued());
        assertEquals(76, pg.topics());
        assertEquals(76, s.topics());
        assertEquals(11, s.theoryStudySessions());
        assertTrue("100+ collective study sessions: " + s.collectiveStudySessions(), s.collectiveStudySessions() >= 100);
        assertEquals(2, s.actionsOpen());
        assertEquals(2, s.actionsOverdue());
        assertEquals(16, s.actionsDone());
        assertEquals("〔2017〕9号", n.meetings.find(n.admin, new cn.gannan.hpf.meetings.api.MeetingQuery(null, 2017,
                n.partyGroup.id(), MeetingType.PARTY_GROUP, null, null), cn.gannan.hpf.core.api.PageRequest.first(1))
                .items().get(0).numberText());

        CadenceReport current = n.meetings.cadence(n.admin, null, today.getYear(), today);
        assertTrue("the current year shows some gaps", current.missing() > 0);
        assertTrue(n.meetings.overdueFor(n.secretary, today).size() >= 1);
    }
}
