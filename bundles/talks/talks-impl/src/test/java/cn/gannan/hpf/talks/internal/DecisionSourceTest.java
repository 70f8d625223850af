package cn.gannan.hpf.talks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkTrigger;
import cn.gannan.hpf.talks.spi.DecisionSource;
import cn.gannan.hpf.talks.spi.DecisionSourceProvider;

/** The optional, dynamic link to a meeting: with a provider, without one, and when it goes away. */
public class DecisionSourceTest {

    /** A stand-in for the meetings module. */
    static final class Meetings implements DecisionSourceProvider {
        final DecisionSource meeting = new DecisionSource("meetings", "m-1", "GN01", LocalDate.of(2026, 2, 20), null,
                "支部委员会 2026年第2次会议（2026-02-20）");

        @Override
        public String sourceId() {
            return "meetings";
        }

        @Override
        public List<DecisionSource> find(Caller caller, String officeCode, int year) {
            return "GN01".equals(officeCode) && year == 2026 ? List.of(meeting) : List.of();
        }

        @Override
        public Optional<DecisionSource> get(Caller caller, String refId) {
            return meeting.refId().equals(refId) ? Optional.of(meeting) : Optional.empty();
        }
    }

    private static TalkDraft linked(TalksNode n, String ref, String text) {
        return new TalkDraft(null, TalkKind.ONE_ON_ONE, LocalDate.of(2026, 3, 1), null, List.of(n.leader.id()),
                List.of(n.staffA.id()), n.branch.id(), null, "meetings", ref, text, TalkTrigger.ROUTINE, null, null, null,
                List.of());
    }

    @Test
    public void linkToAMeetingComesAndGoesWithItsProvider() {
        TalksNode n = new TalksNode();
        Caller secretary = n.login("d.sec", n.secretary, "GN01", Role.BRANCH_SECRETARY);
        assertTrue(n.talks.decisionSources(secretary, null, 2026).isEmpty());

        Meetings meetings = new Meetings();
        n.talks.addProvider(meetings);
        assertEquals(List.of(meetings.meeting), n.talks.decisionSources(secretary, null, 2026));
        // the provider's text is stored, whatever the client sent
        Talk t = n.talks.create(secretary, linked(n, "m-1", "别的文字"));
        assertEquals("支部委员会 2026年第2次会议（2026-02-20）", t.decision().text());
        assertTrue(t.decision().live());
        ValidationException e = assertThrows(ValidationException.class,
                () -> n.talks.create(secretary, linked(n, "no-such-meeting", "x")));
        assertTrue(e.fieldErrors().containsKey("decisionRefId"));

        // the meetings module goes away: the link still reads, it is no longer live
        n.talks.removeProvider(meetings);
        Talk after = n.talks.get(secretary, t.id());
        assertEquals("支部委员会 2026年第2次会议（2026-02-20）", after.decision().text());
        assertFalse(after.decision().live());
        // without a provider, a link needs its display text
        assertThrows(ValidationException.class, () -> n.talks.create(secretary, linked(n, "m-2", null)));
        assertEquals("m-2", n.talks.create(secretary, linked(n, "m-2", "党组会议")).decision().refId());
    }
}
