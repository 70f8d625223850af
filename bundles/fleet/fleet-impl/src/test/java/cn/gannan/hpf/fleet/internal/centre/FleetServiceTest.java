package cn.gannan.hpf.fleet.internal.centre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;

public class FleetServiceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CentreNode node;

    @Before
    public void setUp() {
        node = new CentreNode(tmp.getRoot().toPath());
    }

    static Heartbeat healthy(String release, String... modules) {
        return new Heartbeat(release, List.of(modules), Health.HEALTHY, AgentPhase.IDLE, null, null, 0, null,
                Instant.parse("2026-11-28T06:00:00Z"));
    }

    @Test
    public void aTokenAuthenticatesItsOfficeAndOnlyItsHashIsKept() {
        String token = node.fleet.issueToken(node.admin, "GN03");

        assertTrue(token, FleetServiceImpl.TOKEN.matcher(token).matches());
        assertTrue(token.startsWith("hpf1.GN03."));
        assertEquals(Optional.of("GN03"), node.fleet.authenticate(token));
        assertEquals(0, node.count("SELECT COUNT(*) FROM FLT_OFFICE WHERE TOKEN_HASH = ?", token));
        assertEquals(1, node.count("SELECT COUNT(*) FROM FLT_OFFICE WHERE TOKEN_HASH = ?", FleetServiceImpl.hash(token)));
        assertTrue(node.fleet.office(node.auditor, "GN03").tokenIssued());
        assertFalse(node.fleet.office(node.auditor, "GN04").tokenIssued());
    }

    @Test
    public void forgedAlteredReissuedAndRevokedTokensAreRefused() {
        String token = node.fleet.issueToken(node.admin, "GN03");
        String secret = token.substring("hpf1.GN03.".length());
        assertEquals(Optional.empty(), node.fleet.authenticate("hpf1.GN04." + secret)); // another office's name on it
        char last = token.charAt(token.length() - 1);
        assertEquals(Optional.empty(), node.fleet.authenticate(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')));
        assertEquals(Optional.empty(), node.fleet.authenticate(null));
        assertEquals(Optional.empty(), node.fleet.authenticate("' OR 1=1 --"));

        String second = node.fleet.issueToken(node.admin, "GN03");
        assertEquals(Optional.empty(), node.fleet.authenticate(token));
        assertEquals(Optional.of("GN03"), node.fleet.authenticate(second));

        node.fleet.revokeToken(node.admin, "GN03");
        assertEquals(Optional.empty(), node.fleet.authenticate(second));
        assertFalse(node.fleet.office(node.admin, "GN03").tokenIssued());
        ValidationException e = assertThrows(ValidationException.class, () -> node.fleet.revokeToken(node.admin, "GN03"));
        assertEquals("Office GN03 has no valid credential to revoke.", e.getMessage());

        List<String> actions = node.fleet.history(node.auditor, "GN03", 10).stream()
                .map(a -> a.entity() + ":" + a.action() + ":" + a.username()).toList();
        assertEquals(List.of("token:DELETE:demo.central", "token:UPDATE:demo.central", "token:CREATE:demo.central"), actions);
    }

    @Test
    public void tokensAreForCountyOfficesAndCentralAdminsOnly() {
        assertThrows(AccessDeniedException.class, () -> node.fleet.issueToken(node.auditor, "GN03"));
        assertThrows(AccessDeniedException.class, () -> node.fleet.issueToken(node.countyAdmin, "GN01"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> node.fleet.issueToken(node.admin, "GN00"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("There is no county office GN00"));
        assertThrows(NotFoundException.class, () -> node.fleet.issueToken(node.admin, "GN99"));
        assertThrows(AccessDeniedException.class, () -> node.fleet.offices(node.countyAdmin));
    }

    @Test
    public void heartbeatsAreStoredAndOnlyChangesAreAudited() {
        DesiredState d = node.fleet.heartbeat("GN02", healthy("0.1.0", "talks-ui", "meetings-ui"));
        assertEquals(new DesiredState("GN02", null, null, 0, 60), d);
        node.now = node.now.plusSeconds(60);
        node.fleet.heartbeat("GN02", healthy("0.1.0", "meetings-ui", "talks-ui"));
        node.now = node.now.plusSeconds(60);
        node.fleet.heartbeat("GN02", new Heartbeat("0.1.0", List.of("meetings-ui", "talks-ui"), Health.UNHEALTHY, AgentPhase.IDLE,
                null, null, 0, "bundle cn.gannan.hpf.talks-impl is RESOLVED, not ACTIVE", Instant.now()));

        FleetOffice o = node.fleet.office(node.auditor, "GN02");
        assertEquals("0.1.0", o.runningRelease());
        assertEquals(List.of("meetings-ui", "talks-ui"), o.modules());
        assertEquals(Health.UNHEALTHY, o.health());
        assertEquals("bundle cn.gannan.hpf.talks-impl is RESOLVED, not ACTIVE", o.lastError());
        assertEquals(node.now, o.lastSeen());
        List<AuditEntry> lines = node.fleet.history(node.auditor, "GN02", 10);
        assertEquals(2, lines.size());
        assertEquals("agent.GN02", lines.get(0).username());
        assertTrue(lines.get(0).changes(), lines.get(0).changes().contains("health: HEALTHY → UNHEALTHY"));
        assertTrue(lines.get(0).changes(), lines.get(0).changes().contains("lastError"));
    }

    @Test
    public void anOfficeIsStaleAfterTheConfiguredNumberOfMissedPolls() {
        assertTrue("never seen", node.fleet.office(node.admin, "GN05").stale());
        node.fleet.heartbeat("GN05", healthy("0.1.0"));
        Instant seen = node.now;
        node.now = seen.plus(Duration.ofSeconds(180)); // exactly three polls of 60 s
        assertFalse(node.fleet.office(node.admin, "GN05").stale());
        node.now = seen.plus(Duration.ofSeconds(181));
        assertTrue(node.fleet.office(node.admin, "GN05").stale());
    }

    @Test
    public void theFleetListsEveryCountyOffice() {
        List<FleetOffice> all = node.fleet.offices(node.auditor);
        assertEquals(Arrays.asList("GN01", "GN02", "GN03", "GN04", "GN05", "GN06", "GN07", "GN08"),
                all.stream().map(FleetOffice::officeCode).toList());
        assertEquals(Health.UNKNOWN, all.get(0).health());
        assertNull(all.get(0).runningRelease());
    }

    @Test
    public void desiredModulesAreValidatedSortedAndAudited() {
        node.fleet.setDesiredModules(node.admin, "GN04", List.of("talks-ui", "meetings", "talks-ui"));
        assertEquals(List.of("meetings", "talks-ui"), node.fleet.desired("GN04").modules());
        node.fleet.setDesiredModules(node.admin, "GN04", List.of("meetings", "talks-ui")); // no change, no line
        node.fleet.setDesiredModules(node.admin, "GN04", null);
        assertNull(node.fleet.desired("GN04").modules());
        assertEquals(2, node.fleet.history(node.admin, "GN04", 10).size());

        ValidationException e = assertThrows(ValidationException.class,
                () -> node.fleet.setDesiredModules(node.admin, "GN04", new ArrayList<>(List.of("meetings", "Bad Module"))));
        assertTrue(e.fieldErrors().containsKey("modules"));
        assertNull(node.fleet.desired("GN04").modules());
    }

    @Test
    public void whatAnAgentSendsIsCutToSize() {
        Heartbeat h = FleetServiceImpl.clean(new Heartbeat("../../x", Arrays.asList("ok-module", "BAD", null), Health.HEALTHY,
                AgentPhase.FAILED, "0.2.0", "0.2.0", -3, "e".repeat(5000), null));
        assertNull(h.runningRelease());
        assertEquals(List.of("ok-module"), h.modules());
        assertEquals(0, h.failedAttempt());
        assertEquals(2000, h.lastError().length());
    }
}
