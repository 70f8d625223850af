package cn.gannan.hpf.fleet.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.internal.centre.CentreTestAccess;
import cn.gannan.hpf.fleet.internal.release.TestRepos;
import cn.gannan.hpf.fleet.internal.rest.FleetResource.RolloutRequest;
import cn.gannan.hpf.fleet.internal.rest.FleetResource.RolloutView;

/** The fleet's JSON API against the centre's real services over in-memory Derby, bodies read as the API reads them. */
public class FleetResourceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private CentreTestAccess centre;
    private FleetResource resource;

    @Before
    public void setUp() throws Exception {
        Path root = tmp.getRoot().toPath();
        centre = new CentreTestAccess(root);
        TestRepos.system(centre.system(), "0.2.0");
        centre.publish("0.2.0");
        for (String o : new String[] { "GN01", "GN02", "GN03" }) {
            centre.endpoint().heartbeat(o, new Heartbeat("0.1.0", List.of("talks-ui"), Health.HEALTHY, AgentPhase.IDLE, null,
                    null, 0, null, Instant.now()));
        }
        resource = new FleetResource(centre.fleet(), centre.rollouts(), centre.releases());
    }

    private static HttpServletRequest request(Caller c) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getAttribute(ApiCallers.CALLER_ATTRIBUTE)).thenReturn(c);
        when(r.getAttribute(ApiCallers.LOCALE_ATTRIBUTE)).thenReturn(Locale.ENGLISH);
        return r;
    }

    private RolloutRequest body(String text) throws Exception {
        return json.readValue(text.getBytes(StandardCharsets.UTF_8), RolloutRequest.class);
    }

    private static final String PLAN = "{\"name\":\"winter\",\"release\":\"0.2.0\",\"errorThreshold\":50,\"waves\":["
            + "{\"offices\":[\"GN01\"]},{\"offices\":[\"GN02\",\"GN03\"],\"successPercent\":50,\"approve\":true}]}";

    @Test
    public void officesReleasesAndHistoryAsJson() throws Exception {
        HttpServletRequest auditor = request(centre.auditor());
        FleetOffice gn01 = resource.offices(auditor).stream().filter(o -> o.officeCode().equals("GN01")).findFirst().orElseThrow();
        assertEquals("0.1.0", gn01.runningRelease());
        assertEquals(Health.HEALTHY, gn01.health());
        assertEquals(List.of("talks-ui"), gn01.modules());
        String offices = json.writeValueAsString(resource.offices(auditor));
        assertTrue(offices, offices.contains("\"stale\":false") && offices.contains("\"lastSeen\""));
        assertEquals("0.2.0", resource.releases(auditor).get(0).version());

        centre.token("GN01");
        assertTrue(resource.history(auditor, "GN01", null).stream().anyMatch(e -> "token".equals(e.entity())));
        assertTrue(resource.history(auditor, "GN02", null).stream().noneMatch(e -> "token".equals(e.entity())));
        assertEquals(1, resource.history(auditor, "GN01", "1").size());
        assertEquals(400, assertThrows(HpfException.class, () -> resource.history(auditor, "GN01", "many")).httpStatus());
        assertEquals(400, assertThrows(HpfException.class, () -> resource.history(auditor, "GN01", "0")).httpStatus());
        assertEquals(404, assertThrows(NotFoundException.class, () -> resource.history(auditor, "GN99", null)).httpStatus());
    }

    @Test
    public void aRolloutIsCreatedFromJsonAndDrivenThroughTheApi() throws Exception {
        HttpServletRequest admin = request(centre.admin());
        RolloutView r = resource.create(admin, body(PLAN));
        assertEquals(RolloutStatus.DRAFT, r.status());
        assertEquals(2, r.waves().size());
        assertTrue("defaults: 100 % and advance by itself", r.waves().get(0).autoAdvance() && r.waves().get(0).successPercent() == 100);
        assertTrue(!r.waves().get(1).autoAdvance() && r.waves().get(1).successPercent() == 50);

        r = resource.start(admin, r.id());
        assertEquals(RolloutStatus.RUNNING, r.status());
        assertEquals(TargetStatus.UPDATING, r.waves().get(0).targets().get(0).status());
        assertEquals(1, r.waves().get(0).targets().get(0).attempt());
        assertEquals("the same refusal as the console: started twice", 409,
                assertThrows(HpfException.class, () -> resource.start(admin, resource.rollouts(admin).get(0).id())).httpStatus());
        assertEquals(409, assertThrows(HpfException.class, () -> resource.approve(admin, resource.rollouts(admin).get(0).id())).httpStatus());

        // the pilot fails: its agent reports the rolled-back update for attempt 1 → the rollout stops (threshold 50 %)
        centre.endpoint().heartbeat("GN01", new Heartbeat("0.1.0", List.of(), Health.HEALTHY, AgentPhase.FAILED, null, "0.2.0", 1,
                "health check failed", Instant.now()));
        RolloutView stopped = resource.rollout(request(centre.auditor()), r.id());
        assertEquals(RolloutStatus.STOPPED, stopped.status());
        assertTrue(stopped.stopReason(), stopped.stopReason() != null && !stopped.stopReason().isBlank());
        String text = json.writeValueAsString(stopped);
        assertTrue(text, text.contains("\"stopReason\":\"") && text.contains("\"attempt\":1"));

        r = resource.retry(admin, r.id(), "GN01");
        assertEquals(RolloutStatus.RUNNING, r.status());
        assertEquals(2, r.waves().get(0).targets().get(0).attempt());
        r = resource.cancel(admin, r.id());
        assertEquals(RolloutStatus.CANCELLED, r.status());
        assertEquals(409, assertThrows(HpfException.class, () -> resource.cancel(admin, resource.rollouts(admin).get(0).id())).httpStatus());
        assertEquals(404, assertThrows(NotFoundException.class, () -> resource.start(admin, "no-such-rollout")).httpStatus());
        assertEquals(404, assertThrows(NotFoundException.class, () -> resource.rollout(admin, "no-such-rollout")).httpStatus());
    }

    @Test
    public void aBadPlanIsRefusedFieldByFieldAndWritesNothing() throws Exception {
        long audit = centre.count("SELECT COUNT(*) FROM HPF_AUDIT");
        ValidationException e = assertThrows(ValidationException.class, () -> resource.create(request(centre.admin()),
                body("{\"name\":\"\",\"release\":\"9.9.9\",\"waves\":[{\"offices\":[\"GN99\"],\"successPercent\":0},{\"offices\":[]}]}")));
        assertEquals(422, e.httpStatus());
        for (String field : new String[] { "name", "release", "errorThresholdPercent", "waves[0].successPercent", "waves[0].offices",
                "waves[1].offices" }) {
            Msg m = e.fieldErrors().get(field);
            assertTrue(field + " in " + e.fieldErrors().keySet(), m != null);
        }
        assertEquals(400, assertThrows(HpfException.class, () -> resource.create(request(centre.admin()), null)).httpStatus());
        assertEquals(0, centre.count("SELECT COUNT(*) FROM FLT_ROLLOUT"));
        assertEquals(0, centre.count("SELECT COUNT(*) FROM FLT_WAVE"));
        assertEquals(0, centre.count("SELECT COUNT(*) FROM FLT_TARGET"));
        assertEquals(audit, centre.count("SELECT COUNT(*) FROM HPF_AUDIT"));
        assertTrue(resource.rollouts(request(centre.admin())).isEmpty());
    }

    @Test
    public void aCallerOutsideTheCentreIsRefused() throws Exception {
        HttpServletRequest county = request(centre.countyAdmin());
        assertEquals(403, assertThrows(AccessDeniedException.class, () -> resource.offices(county)).httpStatus());
        assertThrows(AccessDeniedException.class, () -> resource.releases(county));
        assertThrows(AccessDeniedException.class, () -> resource.rollouts(county));
        assertThrows(AccessDeniedException.class, () -> resource.history(county, "GN01", null));
        assertThrows(AccessDeniedException.class, () -> resource.create(county, body(PLAN)));
        assertEquals(0, centre.count("SELECT COUNT(*) FROM FLT_ROLLOUT"));
        String id = resource.create(request(centre.admin()), body(PLAN)).id();
        assertThrows(AccessDeniedException.class, () -> resource.start(county, id));
        assertThrows(AccessDeniedException.class, () -> resource.start(request(centre.auditor()), id));
        assertNull(centre.fleet().office(centre.admin(), "GN01").targetRelease());
        assertEquals(RolloutStatus.DRAFT, resource.rollout(request(centre.admin()), id).status());
        assertThrows(cn.gannan.hpf.core.api.AuthenticationException.class, () -> resource.offices(mock(HttpServletRequest.class)));
    }

    @Test
    public void onlyWhereTheCentreIsConfigured() throws Exception {
        Path xml = Path.of("target/classes/OSGI-INF/" + FleetResource.class.getName() + ".xml");
        String descriptor = Files.readString(xml);
        assertTrue(descriptor, descriptor.contains("configuration-policy=\"require\"")
                && descriptor.contains("configuration-pid=\"cn.gannan.hpf.fleet.centre\""));
        for (String service : new String[] { "FleetService", "RolloutService", "ReleaseService" }) {
            assertTrue(service, descriptor.contains("interface=\"cn.gannan.hpf.fleet.api." + service + "\""));
        }
    }
}
