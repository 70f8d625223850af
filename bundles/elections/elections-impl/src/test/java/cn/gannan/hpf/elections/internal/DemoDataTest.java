package cn.gannan.hpf.elections.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.internal.demo.DemoDataLoader;
import cn.gannan.hpf.core.internal.user.SecurityConfig;
import cn.gannan.hpf.core.internal.user.UserServiceImpl;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.rules.TermStatus;

import org.junit.Test;

/** The demo data loads on top of the core's demo data, once, and tells the seed's story. */
public class DemoDataTest {

    @Test
    public void loadsTheStoryOnce() throws Exception {
        Node n = new Node(true);
        SecurityConfig sc = mock(SecurityConfig.class);
        when(sc.maxFailedAttempts()).thenReturn(5);
        when(sc.lockMinutes()).thenReturn(15);
        when(sc.sessionTimeoutMinutes()).thenReturn(30);
        when(sc.passwordMinLength()).thenReturn(8);
        when(sc.pbkdf2Iterations()).thenReturn(1000);
        new DemoDataLoader(n.offices, n.db, n.org, n.people, new UserServiceImpl(n.db, n.migrations, n.offices, sc));
        ElectionsDemoData demo = new ElectionsDemoData(n.offices, n.db, n.org, n.people, n.elections);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && n.db.read(n.system,
                tx -> tx.count("SELECT COUNT(*) FROM HPF_SETTING WHERE NAME = ?", ElectionsDemoData.LOADED)) == 0) {
            Thread.sleep(200);
        }
        demo.load(n.system); // a second run changes nothing
        List<Election> all = n.elections.find(n.system, null, null).items();
        assertEquals(3, all.size());
        Election story = all.stream().filter(e -> e.status() == ElectionStatus.IN_EFFECT).findFirst().orElseThrow();
        assertEquals("中心机关党总支换届选举", story.title());
        assertEquals(1, story.general().excused());
        assertEquals(cn.gannan.hpf.elections.api.rules.Timing.ON_TIME, story.timing());
        String general = story.orgUnitId();
        List<Membership> posts = n.org.members(n.system, general, true);
        assertEquals(1, posts.stream().filter(m -> m.post() == Post.SECRETARY).count());
        assertEquals(1, posts.stream().filter(m -> m.post() == Post.DEPUTY_SECRETARY).count());
        assertEquals(3, posts.stream().filter(m -> m.post() == Post.COMMITTEE_MEMBER).count());
        List<BodyTerm> terms = n.elections.terms(n.system, null, LocalDate.of(2026, 11, 28));
        assertTrue(terms.stream().anyMatch(t -> t.status() == TermStatus.OVERDUE));
        assertTrue(terms.stream().anyMatch(t -> t.status() == TermStatus.DUE_SOON));
        assertEquals(TermStatus.DUE_SOON, terms.stream().filter(t -> t.orgUnitId().equals(general)).findFirst().orElseThrow().status());
        assertTrue(all.stream().anyMatch(e -> e.orgUnitName().contains("工会") && e.status() == ElectionStatus.PLANNED));
        Election small = all.stream().filter(e -> n.org.unit(n.system, e.orgUnitId()).type() == OrgUnitType.BRANCH
                && e.committeeSeats() == 0).findFirst().orElseThrow();
        // one member of the small branch is under 留党察看 on the election day: listed with the roll, not on it
        List<cn.gannan.hpf.elections.api.RollExclusion> out = n.elections.rollExclusions(n.system, small.id());
        cn.gannan.hpf.elections.api.RollExclusion probation = out.stream()
                .filter(x -> x.status() == cn.gannan.hpf.core.api.PoliticalStatus.PARTY_PROBATION).findFirst().orElseThrow();
        assertTrue(n.elections.roll(n.system, small.id(), cn.gannan.hpf.elections.api.Roll.GENERAL).stream()
                .noneMatch(v -> v.personId().equals(probation.personId())));
        assertTrue(small.general().entitled() >= 2);
        assertTrue(n.elections.checks(n.system, small.id()).stream().filter(c -> c.rule().equals("roll") || c.rule().equals("eligibility"))
                .allMatch(cn.gannan.hpf.elections.api.rules.RuleCheck::passed));
        demo.deactivate();
    }
}
