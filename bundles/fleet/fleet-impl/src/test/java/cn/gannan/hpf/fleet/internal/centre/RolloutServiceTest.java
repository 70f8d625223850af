package cn.gannan.hpf.fleet.internal.centre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutDraft;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveDraft;
import cn.gannan.hpf.fleet.api.WaveStatus;
import cn.gannan.hpf.fleet.internal.release.TestRepos;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine;

/** Rollouts stored in Derby, moved on by heartbeats through the fleet service, as at the centre. */
public class RolloutServiceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CentreNode node;

    @Before
    public void setUp() throws Exception {
        node = new CentreNode(tmp.getRoot().toPath());
        TestRepos.system(node.system, "0.2.0");
        node.releases.generateKey(node.admin, false);
        node.releases.publish(node.admin, "0.2.0", List.of());
        for (String o : new String[] { "GN01", "GN02", "GN03", "GN04" }) {
            node.fleet.heartbeat(o, hb("0.1.0", Health.HEALTHY, null, 0));
        }
    }

    static Heartbeat hb(String running, Health health, String failed, int attempt) {
        return new Heartbeat(running, List.of("talks-ui"), health, failed == null ? AgentPhase.IDLE : AgentPhase.FAILED, null,
                failed, attempt, failed == null ? null : "health check: bundle cn.gannan.hpf.talks-impl is not active", Instant.now());
    }

    private Rollout plan(int threshold) {
        return node.rollouts.create(node.admin, new RolloutDraft("冬季更新", "0.2.0", threshold, List.of(
                new WaveDraft(List.of("GN01"), 100, true), new WaveDraft(List.of("GN02", "GN03"), 100, false))));
    }

    private List<AuditEntry> audit(String entity) {
        return node.audit.find(node.admin, new AuditQuery(null, null, "fleet", entity, null, null, null, null),
                new PageRequest(0, 100)).items();
    }

    @Test
    public void aRolloutGoesThroughItsWavesOnHeartbeats() {
        Rollout r = plan(50);
        assertEquals(RolloutStatus.DRAFT, r.status());
        assertEquals(new DesiredState("GN01", null, null, 0, 60), node.fleet.desired("GN01"));

        r = node.rollouts.start(node.admin, r.id());
        assertEquals(new DesiredState("GN01", "0.2.0", null, 1, 60), node.fleet.desired("GN01"));
        assertNull("the second wave waits", node.fleet.desired("GN02").release());
        assertEquals("0.1.0", r.waves().get(0).targets().get(0).fromRelease());

        DesiredState answer = node.fleet.heartbeat("GN01", hb("0.2.0", Health.HEALTHY, null, 0));
        assertEquals("0.2.0", answer.release());
        r = node.rollouts.rollout(node.auditor, r.id());
        assertEquals(List.of(WaveStatus.SUCCEEDED, WaveStatus.RUNNING), r.waves().stream().map(w -> w.status()).toList());
        assertEquals("0.2.0", node.fleet.desired("GN02").release());

        node.fleet.heartbeat("GN02", hb("0.2.0", Health.HEALTHY, null, 0));
        node.fleet.heartbeat("GN03", hb("0.2.0", Health.HEALTHY, null, 0));
        r = node.rollouts.rollout(node.auditor, r.id());
        assertEquals(RolloutStatus.SUCCEEDED, r.status());
        assertEquals("GN04 was never part of it", null, node.fleet.desired("GN04").release());

        List<AuditEntry> lines = audit("rollout");
        assertEquals("created, started, pilot done, two offices done", 5, lines.size());
        assertEquals("agent.GN03", lines.get(0).username());
        assertTrue(lines.get(0).changes(), lines.get(0).changes().contains("status: RUNNING → SUCCEEDED"));
        assertTrue(audit("office").stream().anyMatch(a -> a.entityId().equals("GN02") && a.changes().contains("targetRelease: ∅ → 0.2.0 #1")));
    }

    @Test
    public void aFailedPilotStopsTheRolloutAndTheOthersAreUntouched() {
        Rollout r = node.rollouts.start(node.admin, plan(50).id());
        node.fleet.heartbeat("GN01", new Heartbeat("0.1.0", List.of(), Health.HEALTHY, AgentPhase.APPLYING, "0.2.0", null, 0, null, null));
        assertEquals(TargetStatus.UPDATING, node.rollouts.rollout(node.admin, r.id()).waves().get(0).targets().get(0).status());

        node.fleet.heartbeat("GN01", hb("0.1.0", Health.HEALTHY, "0.2.0", 1));

        r = node.rollouts.rollout(node.admin, r.id());
        assertEquals(RolloutStatus.STOPPED, r.status());
        assertEquals(TargetStatus.FAILED, r.waves().get(0).targets().get(0).status());
        assertEquals("health check: bundle cn.gannan.hpf.talks-impl is not active", r.waves().get(0).targets().get(0).lastError());
        assertEquals("第 1 批：1 个办公点中 1 个更新失败，达到错误阈值 50%，推送已停止。", r.stopReason().format(Locale.SIMPLIFIED_CHINESE));
        assertNull(node.fleet.desired("GN02").release());
        assertNull(node.fleet.desired("GN03").release());

        // retried: the pilot gets a new attempt; its old failure report no longer counts
        r = node.rollouts.retry(node.admin, r.id(), "GN01");
        assertEquals(RolloutStatus.RUNNING, r.status());
        assertEquals(new DesiredState("GN01", "0.2.0", null, 2, 60), node.fleet.desired("GN01"));
        node.fleet.heartbeat("GN01", hb("0.1.0", Health.HEALTHY, "0.2.0", 1));
        assertEquals(RolloutStatus.RUNNING, node.rollouts.rollout(node.admin, r.id()).status());
        node.fleet.heartbeat("GN01", hb("0.2.0", Health.HEALTHY, null, 0));
        assertEquals("0.2.0", node.fleet.desired("GN03").release());
    }

    @Test
    public void approvalIsNeededWhereThePlanSaysSo() {
        Rollout r = node.rollouts.create(node.admin, new RolloutDraft("分批", "0.2.0", 100, List.of(
                new WaveDraft(List.of("GN01"), 100, false), new WaveDraft(List.of("GN02"), 100, true))));
        node.rollouts.start(node.admin, r.id());
        node.fleet.heartbeat("GN01", hb("0.2.0", Health.HEALTHY, null, 0));
        assertEquals(RolloutStatus.WAITING_APPROVAL, node.rollouts.rollout(node.admin, r.id()).status());
        assertNull(node.fleet.desired("GN02").release());

        assertThrows(AccessDeniedException.class, () -> node.rollouts.approve(node.auditor, r.id()));
        Rollout approved = node.rollouts.approve(node.admin, r.id());
        assertEquals(RolloutStatus.RUNNING, approved.status());
        assertEquals("0.2.0", node.fleet.desired("GN02").release());
    }

    @Test
    public void cancelLeavesOfficesWhereTheyAre() {
        Rollout started = node.rollouts.start(node.admin, plan(100).id());
        Rollout r = node.rollouts.cancel(node.admin, started.id());
        assertEquals(RolloutStatus.CANCELLED, r.status());
        assertNull(node.fleet.desired("GN01").release());
        RolloutMachine.StateException e = assertThrows(RolloutMachine.StateException.class, () -> node.rollouts.cancel(node.admin, r.id()));
        assertEquals("Rollout 冬季更新 is cancelled: it cannot be cancelled.", e.getMessage());
    }

    @Test
    public void anOfficeIsInOneActiveRolloutAtATime() {
        Rollout first = node.rollouts.start(node.admin, plan(50).id());
        Rollout second = node.rollouts.create(node.admin, new RolloutDraft("另一个", "0.2.0", 50,
                List.of(new WaveDraft(List.of("GN03", "GN04"), 100, true))));
        RolloutMachine.StateException e = assertThrows(RolloutMachine.StateException.class, () -> node.rollouts.start(node.admin, second.id()));
        assertEquals("Rollout 另一个 cannot start: these offices are in another rollout that has not ended: GN03.", e.getMessage());
        node.rollouts.cancel(node.admin, first.id());
        assertEquals(RolloutStatus.RUNNING, node.rollouts.start(node.admin, second.id()).status());
    }

    @Test
    public void anInvalidPlanIsRefusedWithEveryProblemAndNothingIsStored() {
        ValidationException e = assertThrows(ValidationException.class, () -> node.rollouts.create(node.admin, new RolloutDraft(" ",
                "0.9.9", 0, List.of(new WaveDraft(List.of("GN01", "GN00"), 101, true), new WaveDraft(List.of("GN01"), 50, true),
                        new WaveDraft(List.of(), 50, true)))));
        assertEquals(List.of("name", "errorThresholdPercent", "waves[0].successPercent", "waves[0].offices", "waves[1].offices",
                "waves[2].offices", "release"), List.copyOf(e.fieldErrors().keySet()));
        assertEquals("There is no county office GN00 (the centre itself is not updated by rollouts).",
                e.fieldErrors().get("waves[0].offices").format(Locale.ENGLISH));
        assertEquals("Office GN01 is in the plan more than once.", e.fieldErrors().get("waves[1].offices").format(Locale.ENGLISH));
        assertEquals("Version 0.9.9 has not been published.", e.fieldErrors().get("release").format(Locale.ENGLISH));
        assertTrue(node.rollouts.rollouts(node.admin).isEmpty());
        assertThrows(AccessDeniedException.class, () -> node.rollouts.create(node.auditor, new RolloutDraft("x", "0.2.0", 50,
                List.of(new WaveDraft(List.of("GN01"), 100, true)))));
        assertThrows(NotFoundException.class, () -> node.rollouts.start(node.admin, "nope"));
    }
}
