package cn.gannan.hpf.fleet.internal.rollout;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;

import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.RolloutTarget;
import cn.gannan.hpf.fleet.api.RolloutWave;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveStatus;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Assign;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Clear;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Effect;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Report;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Result;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.StateException;

public class RolloutMachineTest {

    static final String NEW = "0.2.0";
    static final String OLD = "0.1.0";

    /** The centre's memory while a test runs: attempt numbers and last reports per office. */
    final Map<String, Integer> attempts = new HashMap<>();
    final Map<String, Report> reports = new HashMap<>();
    final List<Effect> effects = new ArrayList<>();

    static RolloutWave wave(int n, int success, boolean auto, String... offices) {
        List<RolloutTarget> t = new ArrayList<>();
        for (String o : offices) {
            t.add(new RolloutTarget(o, TargetStatus.PENDING, null, 0, null));
        }
        return new RolloutWave(n, WaveStatus.PENDING, success, auto, t);
    }

    static Rollout draft(int errorThreshold, RolloutWave... waves) {
        return new Rollout("r1", "2026 冬季更新", NEW, RolloutStatus.DRAFT, errorThreshold, null, List.of(waves), null);
    }

    /** Pilot GN01 (auto), then GN02..GN05 (75 %, approval), then GN06..GN08 (100 %). */
    static Rollout standard(int errorThreshold) {
        return draft(errorThreshold, wave(1, 100, true, "GN01"), wave(2, 75, false, "GN02", "GN03", "GN04", "GN05"),
                wave(3, 100, true, "GN06", "GN07", "GN08"));
    }

    Rollout keep(Result r) {
        effects.addAll(r.effects());
        return r.rollout();
    }

    Rollout start(Rollout r) {
        return keep(RolloutMachine.start(r, attempts, reports));
    }

    Rollout healthy(Rollout r, String office) {
        return report(r, office, new Report(NEW, Health.HEALTHY, null, 0, null));
    }

    Rollout failed(Rollout r, String office) {
        return report(r, office, new Report(OLD, Health.HEALTHY, NEW, attempts.getOrDefault(office, 0), "bundle x failed"));
    }

    Rollout report(Rollout r, String office, Report rep) {
        reports.put(office, rep);
        return keep(RolloutMachine.report(r, office, rep, attempts, reports));
    }

    static TargetStatus status(Rollout r, String office) {
        return r.waves().stream().flatMap(w -> w.targets().stream()).filter(t -> t.officeCode().equals(office))
                .findFirst().orElseThrow().status();
    }

    static List<WaveStatus> waves(Rollout r) {
        return r.waves().stream().map(RolloutWave::status).toList();
    }

    @Test
    public void startSendsThePilotOnlyAndRemembersWhatItRan() {
        reports.put("GN01", new Report(OLD, Health.HEALTHY, null, 0, null));
        Rollout r = start(standard(50));

        assertEquals(RolloutStatus.RUNNING, r.status());
        assertEquals(List.of(WaveStatus.RUNNING, WaveStatus.PENDING, WaveStatus.PENDING), waves(r));
        assertEquals(List.of(new Assign("GN01", NEW, 1)), effects);
        RolloutTarget pilot = r.waves().get(0).targets().get(0);
        assertEquals(new RolloutTarget("GN01", TargetStatus.UPDATING, OLD, 1, null), pilot);
        assertEquals(TargetStatus.PENDING, status(r, "GN02"));
    }

    @Test
    public void anOfficeStillStartingIsNeitherASuccessNorAFailure() {
        Rollout r = start(standard(1));
        // the pilot holds the release back while its modules come up, then runs it while they come up again
        r = report(r, "GN01", new Report(OLD, Health.STARTING, null, 0, "component TalkServiceImpl is unsatisfied"));
        r = report(r, "GN01", new Report(NEW, Health.STARTING, null, 0, "component TalkServiceImpl is unsatisfied"));
        assertEquals(TargetStatus.UPDATING, status(r, "GN01"));
        assertEquals("even a threshold of 1 % does not stop it", RolloutStatus.RUNNING, r.status());
        assertEquals(List.of(WaveStatus.RUNNING, WaveStatus.PENDING, WaveStatus.PENDING), waves(r));
        r = healthy(r, "GN01");
        assertEquals(TargetStatus.SUCCEEDED, status(r, "GN01"));
        assertEquals(List.of(WaveStatus.SUCCEEDED, WaveStatus.RUNNING, WaveStatus.PENDING), waves(r));
    }

    @Test
    public void theWholePlanRunsWithAutomaticAdvanceAndOneApproval() {
        Rollout r = start(standard(50));
        r = healthy(r, "GN01");
        assertEquals("the pilot wave advances by itself", List.of(WaveStatus.SUCCEEDED, WaveStatus.RUNNING, WaveStatus.PENDING), waves(r));
        assertEquals(5, effects.size());

        r = healthy(r, "GN02");
        r = healthy(r, "GN03");
        assertEquals(RolloutStatus.RUNNING, r.status());
        r = healthy(r, "GN04"); // 3 of 4 = exactly 75 %
        assertEquals(RolloutStatus.WAITING_APPROVAL, r.status());
        assertEquals(List.of(WaveStatus.SUCCEEDED, WaveStatus.SUCCEEDED, WaveStatus.PENDING), waves(r));
        assertEquals("the wave's last office is still sent the release", TargetStatus.UPDATING, status(r, "GN05"));

        r = keep(RolloutMachine.approve(r, attempts, reports));
        assertEquals(RolloutStatus.RUNNING, r.status());
        assertEquals(new Assign("GN08", NEW, 1), effects.get(effects.size() - 1));
        r = healthy(r, "GN06");
        r = healthy(r, "GN07");
        r = healthy(r, "GN08");
        assertEquals(RolloutStatus.SUCCEEDED, r.status());
        assertEquals(List.of(WaveStatus.SUCCEEDED, WaveStatus.SUCCEEDED, WaveStatus.SUCCEEDED), waves(r));
        assertTrue(effects.stream().allMatch(e -> e instanceof Assign));
        assertEquals(8, effects.size());
    }

    @Test
    public void justBelowTheSuccessConditionTheWaveWaits() {
        Rollout r = draft(100, wave(1, 75, true, "GN02", "GN03", "GN04", "GN05"), wave(2, 100, true, "GN06"));
        r = start(r);
        r = healthy(r, "GN02");
        r = healthy(r, "GN03"); // 2 of 4 = 50 % < 75 %
        assertEquals(List.of(WaveStatus.RUNNING, WaveStatus.PENDING), waves(r));
        r = failed(r, "GN04"); // 25 % failed < 100 % threshold
        assertEquals(RolloutStatus.RUNNING, r.status());
        r = healthy(r, "GN05"); // 3 of 4 = 75 %
        assertEquals(List.of(WaveStatus.SUCCEEDED, WaveStatus.RUNNING), waves(r));
    }

    @Test
    public void exactlyAtTheErrorThresholdTheRolloutStops() {
        Rollout r = draft(50, wave(1, 100, true, "GN02", "GN03", "GN04", "GN05"), wave(2, 100, true, "GN06"));
        r = start(r);
        r = failed(r, "GN02"); // 1 of 4 = 25 % < 50 %
        assertEquals(RolloutStatus.RUNNING, r.status());
        r = healthy(r, "GN03");
        r = failed(r, "GN04"); // 2 of 4 = exactly 50 %

        assertEquals(RolloutStatus.STOPPED, r.status());
        assertEquals(List.of(WaveStatus.STOPPED, WaveStatus.PENDING), waves(r));
        assertEquals("the office still updating is held back", TargetStatus.PENDING, status(r, "GN05"));
        assertEquals(new Clear("GN05", NEW), effects.get(effects.size() - 1));
        assertEquals(TargetStatus.SUCCEEDED, status(r, "GN03"));
        assertEquals(TargetStatus.PENDING, status(r, "GN06"));
        assertEquals("第 1 批：4 个办公点中 2 个更新失败，达到错误阈值 50%，推送已停止。",
                r.stopReason().format(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Wave 1: 2 of 4 offices failed, the error threshold of 50% is reached; the rollout stopped.",
                r.stopReason().format(Locale.ENGLISH));
        assertTrue("the second wave was never sent", effects.stream().noneMatch(e -> e.office().equals("GN06")));
    }

    @Test
    public void aFailedPilotStopsEverything() {
        Rollout r = start(standard(20));
        r = failed(r, "GN01");
        assertEquals(RolloutStatus.STOPPED, r.status());
        assertEquals(List.of(new Assign("GN01", NEW, 1)), effects);
        assertEquals("bundle x failed", r.waves().get(0).targets().get(0).lastError());
    }

    @Test
    public void retryResumesAStoppedWaveWithANewAttempt() {
        Rollout r = draft(50, wave(1, 100, true, "GN02", "GN03"), wave(2, 100, true, "GN06"));
        r = start(r);
        r = failed(r, "GN02");
        assertEquals(RolloutStatus.STOPPED, r.status());
        assertEquals(TargetStatus.PENDING, status(r, "GN03"));
        effects.clear();

        r = keep(RolloutMachine.retry(r, null, attempts, reports));

        assertEquals(RolloutStatus.RUNNING, r.status());
        assertNull(r.stopReason());
        assertEquals(List.of(new Assign("GN02", NEW, 2), new Assign("GN03", NEW, 2)), effects);
        assertEquals("the old failure does not count against the new attempt", TargetStatus.UPDATING, status(r, "GN02"));
        r = healthy(r, "GN02");
        r = healthy(r, "GN03");
        r = healthy(r, "GN06");
        assertEquals(RolloutStatus.SUCCEEDED, r.status());
    }

    @Test
    public void theSameFailureReportedAgainAfterARetryIsNotAFailureOfTheNewAttempt() {
        Rollout r = draft(100, wave(1, 100, true, "GN02", "GN03"));
        r = start(r);
        r = failed(r, "GN02"); // attempt 1 failed; 50 % < 100 %
        r = keep(RolloutMachine.retry(r, "GN02", attempts, reports));
        Report stale = new Report(OLD, Health.HEALTHY, NEW, 1, "old failure");
        r = report(r, "GN02", stale);
        assertEquals(TargetStatus.UPDATING, status(r, "GN02"));
        r = report(r, "GN02", new Report(OLD, Health.HEALTHY, NEW, 2, "again"));
        assertEquals(TargetStatus.FAILED, status(r, "GN02"));
    }

    @Test
    public void retryingAnOfficeThatDidNotFailIsRefused() {
        Rollout r = start(draft(100, wave(1, 100, true, "GN02", "GN03")));
        StateException e = assertThrows(StateException.class, () -> RolloutMachine.retry(r, "GN02", attempts, reports));
        assertEquals("Office GN02 has not failed in rollout 2026 冬季更新: there is nothing to retry.", e.getMessage());
        e = assertThrows(StateException.class, () -> RolloutMachine.retry(r, null, attempts, reports));
        assertEquals("No office has failed in rollout 2026 冬季更新: there is nothing to retry.", e.getMessage());
    }

    @Test
    public void cancelLeavesOfficesOnWhatTheyRun() {
        Rollout r = start(draft(100, wave(1, 50, true, "GN02", "GN03", "GN04"), wave(2, 100, true, "GN06")));
        r = healthy(r, "GN02");
        r = failed(r, "GN03");
        effects.clear();

        r = keep(RolloutMachine.cancel(r));

        assertEquals(RolloutStatus.CANCELLED, r.status());
        assertEquals(List.of(WaveStatus.CANCELLED, WaveStatus.CANCELLED), waves(r));
        assertEquals(TargetStatus.SUCCEEDED, status(r, "GN02"));
        assertEquals(TargetStatus.FAILED, status(r, "GN03"));
        assertEquals(TargetStatus.CANCELLED, status(r, "GN04"));
        assertEquals(TargetStatus.CANCELLED, status(r, "GN06"));
        assertEquals("the failed office is no longer asked to try, the updating one to go on",
                List.of(new Clear("GN03", NEW), new Clear("GN04", NEW)), effects);
    }

    @Test
    public void actionsOutOfTurnAreRefusedWithTheStatus() {
        Rollout d = standard(50);
        StateException e = assertThrows(StateException.class, () -> RolloutMachine.approve(d, attempts, reports));
        assertEquals("Rollout 2026 冬季更新 is a draft: it cannot be approved.", e.getMessage());
        assertEquals("推送计划“2026 冬季更新”当前为草稿，不能批准继续。", e.localized(Locale.SIMPLIFIED_CHINESE));
        Rollout running = start(d);
        assertThrows(StateException.class, () -> RolloutMachine.start(running, attempts, reports));
        Rollout cancelled = RolloutMachine.cancel(running).rollout();
        assertThrows(StateException.class, () -> RolloutMachine.cancel(cancelled));
        assertThrows(StateException.class, () -> RolloutMachine.retry(cancelled, null, attempts, reports));
    }

    @Test
    public void officesAlreadyOnTheReleaseSucceedAtOnce() {
        reports.put("GN01", new Report(NEW, Health.HEALTHY, null, 0, null));
        reports.put("GN02", new Report(NEW, Health.UNHEALTHY, null, 0, "API down"));
        Rollout r = start(draft(100, wave(1, 100, true, "GN01"), wave(2, 100, true, "GN02")));
        assertEquals(List.of(WaveStatus.SUCCEEDED, WaveStatus.RUNNING), waves(r));
        assertEquals("unhealthy on the release is not a success", TargetStatus.UPDATING, status(r, "GN02"));
    }

    @Test
    public void reportsOfOtherOfficesAndOfIdleRolloutsChangeNothing() {
        Rollout r = start(standard(50));
        Result same = RolloutMachine.report(r, "GN07", new Report(NEW, Health.HEALTHY, null, 0, null), attempts, reports);
        assertEquals(r, same.rollout());
        assertTrue(same.effects().isEmpty());
        Rollout d = standard(50);
        assertSame(d, RolloutMachine.report(d, "GN01", new Report(NEW, Health.HEALTHY, null, 0, null), attempts, reports).rollout());
    }

    @Test
    public void anOfficeReportingTheUpdateStillRunningStaysUpdating() {
        Rollout r = start(standard(50));
        r = report(r, "GN01", new Report(OLD, Health.HEALTHY, null, 0, null));
        assertEquals(TargetStatus.UPDATING, status(r, "GN01"));
        assertEquals(RolloutStatus.RUNNING, r.status());
    }
}
