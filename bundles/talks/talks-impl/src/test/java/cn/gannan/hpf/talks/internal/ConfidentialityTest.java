package cn.gannan.hpf.talks.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;

/** The content rule on its own, every combination that matters. */
public class ConfidentialityTest {

    private static final Set<String> PARTICIPANTS = Set.of("p-talker", "p-target");
    private static final String BODY = "unit-1";

    private static Viewer viewer(String personId, Set<String> secretaryOf, Role... roles) {
        return new Viewer(new Caller("u", "u", "u", "GN01", EnumSet.of(roles[0], roles)), personId, secretaryOf);
    }

    private static boolean normal(Viewer v) {
        return Confidentiality.canReadContent(v, false, PARTICIPANTS, BODY);
    }

    private static boolean admonitory(Viewer v) {
        return Confidentiality.canReadContent(v, true, PARTICIPANTS, BODY);
    }

    @Test
    public void talkersAndTargetsReadNormalTalks() {
        assertTrue(normal(viewer("p-talker", Set.of(), Role.STAFF)));
        assertTrue(normal(viewer("p-target", Set.of(), Role.STAFF)));
    }

    @Test
    public void secretaryOfTheDecidingBodyReads() {
        assertTrue(normal(viewer("p-sec", Set.of(BODY), Role.BRANCH_SECRETARY)));
        assertFalse("secretary of another body", normal(viewer("p-sec2", Set.of("unit-2"), Role.BRANCH_SECRETARY)));
        assertFalse("no deciding body recorded",
                Confidentiality.canReadContent(viewer("p-sec", Set.of(BODY), Role.STAFF), false, PARTICIPANTS, null));
    }

    @Test
    public void auditorReadsEverything() {
        assertTrue(normal(viewer(null, Set.of(), Role.AUDITOR)));
        assertTrue(admonitory(viewer(null, Set.of(), Role.AUDITOR)));
    }

    @Test
    public void othersDoNotRead() {
        assertFalse(normal(viewer("p-other", Set.of(), Role.STAFF)));
        assertFalse(normal(viewer("p-other", Set.of(), Role.LEADER)));
        assertFalse(normal(viewer(null, Set.of(), Role.OFFICE_ADMIN)));
        assertFalse(normal(viewer(null, Set.of(), Role.CENTRAL_ADMIN)));
        assertFalse("no linked person", normal(viewer(null, Set.of(), Role.STAFF)));
    }

    @Test
    public void admonitoryKindsOnlyLeadersAmongTheEntitledAndAuditors() {
        assertTrue(admonitory(viewer("p-talker", Set.of(), Role.LEADER)));
        assertTrue(admonitory(viewer("p-sec", Set.of(BODY), Role.LEADER, Role.BRANCH_SECRETARY)));
        assertFalse("target without leader role", admonitory(viewer("p-target", Set.of(), Role.STAFF)));
        assertFalse("secretary without leader role", admonitory(viewer("p-sec", Set.of(BODY), Role.BRANCH_SECRETARY)));
        assertFalse("leader not involved", admonitory(viewer("p-other", Set.of(), Role.LEADER)));
        assertFalse(admonitory(viewer(null, Set.of(), Role.CENTRAL_ADMIN)));
    }
}
