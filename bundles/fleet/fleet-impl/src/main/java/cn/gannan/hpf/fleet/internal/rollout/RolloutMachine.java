package cn.gannan.hpf.fleet.internal.rollout;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.RolloutTarget;
import cn.gannan.hpf.fleet.api.RolloutWave;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveStatus;

/**
 * The rules of a rollout, as pure functions from a rollout (and what the offices last reported) to the next
 * rollout and the desired-state changes to make. Nothing here touches a database.
 *
 * <ul>
 * <li>Starting a wave sends its offices the release (each {@link Assign} raises the office's attempt number);
 * offices that already run it healthily count as succeeded at once.</li>
 * <li>An updating office succeeds when it reports the release running and healthy, and fails when it reports a
 * failed update of the release for its current attempt (an older failure does not count after a retry).</li>
 * <li>After every change the current wave is checked: when its failed offices reach the error threshold
 * ({@code failed × 100 ≥ threshold × offices}) the rollout stops, and the wave's offices still updating are told
 * to stay where they are ({@link Clear}); otherwise, when its healthy offices reach the success condition
 * ({@code succeeded × 100 ≥ success × offices}) the wave succeeds and the next one starts at once or waits for
 * approval; after the last wave the rollout has succeeded.</li>
 * <li>A retry sends the release again to failed offices (a new attempt) and resumes a stopped wave; a cancel
 * tells every office that has not taken the release (or failed to) to stay on its own.</li>
 * </ul>
 */
public final class RolloutMachine {

    private RolloutMachine() {
    }

    /** What an office last reported, as far as rollouts care. */
    public record Report(String running, Health health, String failedRelease, int failedAttempt, String lastError) {

        public static Report of(Heartbeat h) {
            return new Report(h.runningRelease(), h.health(), h.failedRelease(), h.failedAttempt(), h.lastError());
        }
    }

    /** A change of an office's desired state. */
    public sealed interface Effect permits Assign, Clear {
        String office();
    }

    /** The office should run {@code release}; {@code attempt} is its new attempt number. */
    public record Assign(String office, String release, int attempt) implements Effect {
    }

    /** The office should stay on what it runs, if its desired release is still {@code release}. */
    public record Clear(String office, String release) implements Effect {
    }

    public record Result(Rollout rollout, List<Effect> effects) {
    }

    /** A refused action: the rollout's status does not allow it. */
    public static final class StateException extends HpfException {
        private static final long serialVersionUID = 1L;

        public StateException(Msg msg) {
            super(msg);
        }

        @Override
        public int httpStatus() {
            return 409;
        }
    }

    // ---------------------------------------------------------------- actions

    public static Result start(Rollout r, Map<String, Integer> attempts, Map<String, Report> reports) {
        require(r, "start", RolloutStatus.DRAFT);
        Work w = new Work(r);
        w.status = RolloutStatus.RUNNING;
        w.startWave(0, attempts, reports);
        w.evaluate(attempts, reports);
        return w.result();
    }

    public static Result approve(Rollout r, Map<String, Integer> attempts, Map<String, Report> reports) {
        require(r, "approve", RolloutStatus.WAITING_APPROVAL);
        Work w = new Work(r);
        w.status = RolloutStatus.RUNNING;
        w.startWave(w.current() + 1, attempts, reports);
        w.evaluate(attempts, reports);
        return w.result();
    }

    /** @param office the failed office to retry, or null for every failed office */
    public static Result retry(Rollout r, String office, Map<String, Integer> attempts, Map<String, Report> reports) {
        require(r, "retry", RolloutStatus.RUNNING, RolloutStatus.WAITING_APPROVAL, RolloutStatus.STOPPED);
        Work w = new Work(r);
        int retried = 0;
        for (int i = 0; i <= w.current(); i++) {
            for (int j = 0; j < w.targets.get(i).size(); j++) {
                RolloutTarget t = w.targets.get(i).get(j);
                if (t.status() == TargetStatus.FAILED && (office == null || office.equals(t.officeCode()))) {
                    w.assign(i, j, attempts);
                    retried++;
                }
            }
        }
        if (w.status == RolloutStatus.STOPPED) {
            int c = w.current();
            w.status = RolloutStatus.RUNNING;
            w.stopReason = null;
            w.waveStatus.set(c, WaveStatus.RUNNING);
            for (int j = 0; j < w.targets.get(c).size(); j++) {
                if (w.targets.get(c).get(j).status() == TargetStatus.PENDING) {
                    w.assign(c, j, attempts);
                    retried++;
                }
            }
        }
        if (retried == 0) {
            throw new StateException(office == null ? msg("error.rollout.nothingToRetry", r.name())
                    : msg("error.rollout.notFailed", office, r.name()));
        }
        w.applyReports(reports);
        w.evaluate(attempts, reports);
        return w.result();
    }

    public static Result cancel(Rollout r) {
        require(r, "cancel", RolloutStatus.DRAFT, RolloutStatus.RUNNING, RolloutStatus.WAITING_APPROVAL, RolloutStatus.STOPPED);
        Work w = new Work(r);
        w.status = RolloutStatus.CANCELLED;
        for (int i = 0; i < w.waveStatus.size(); i++) {
            WaveStatus s = w.waveStatus.get(i);
            if (s == WaveStatus.PENDING || s == WaveStatus.RUNNING || s == WaveStatus.STOPPED) {
                w.waveStatus.set(i, WaveStatus.CANCELLED);
            }
            for (RolloutTarget t : w.targets.get(i)) {
                if (t.status() == TargetStatus.FAILED) {
                    w.effects.add(new Clear(t.officeCode(), r.release())); // rolled back: no longer asked to try
                }
            }
            w.settle(i, TargetStatus.CANCELLED);
        }
        return w.result();
    }

    /** An office's heartbeat; a rollout that does not wait on the office comes back unchanged. */
    public static Result report(Rollout r, String office, Report report, Map<String, Integer> attempts,
            Map<String, Report> reports) {
        if (r.status() != RolloutStatus.RUNNING && r.status() != RolloutStatus.WAITING_APPROVAL) {
            return new Result(r, List.of());
        }
        Work w = new Work(r);
        w.apply(office, report);
        w.evaluate(attempts, reports);
        return w.result();
    }

    private static void require(Rollout r, String action, RolloutStatus... allowed) {
        for (RolloutStatus s : allowed) {
            if (r.status() == s) {
                return;
            }
        }
        throw new StateException(msg("error.rollout.state", r.name(), msg(r.status().messageKey()), msg("rolloutAction." + action)));
    }

    // ---------------------------------------------------------------- the working copy

    private static final class Work {
        final Rollout original;
        RolloutStatus status;
        Msg stopReason;
        final List<WaveStatus> waveStatus = new ArrayList<>();
        final List<List<RolloutTarget>> targets = new ArrayList<>();
        final List<Effect> effects = new ArrayList<>();

        Work(Rollout r) {
            original = r;
            status = r.status();
            stopReason = r.stopReason();
            for (RolloutWave w : r.waves()) {
                waveStatus.add(w.status());
                targets.add(new ArrayList<>(w.targets()));
            }
        }

        /** Index of the last started wave, or -1. */
        int current() {
            int c = -1;
            for (int i = 0; i < waveStatus.size(); i++) {
                if (waveStatus.get(i) != WaveStatus.PENDING) {
                    c = i;
                }
            }
            return c;
        }

        void startWave(int i, Map<String, Integer> attempts, Map<String, Report> reports) {
            waveStatus.set(i, WaveStatus.RUNNING);
            for (int j = 0; j < targets.get(i).size(); j++) {
                RolloutTarget t = targets.get(i).get(j);
                Report rep = reports.get(t.officeCode());
                RolloutTarget from = new RolloutTarget(t.officeCode(), t.status(), rep == null ? null : rep.running(), t.attempt(),
                        t.lastError());
                targets.get(i).set(j, from);
                assign(i, j, attempts);
            }
            applyReports(reports);
        }

        void assign(int i, int j, Map<String, Integer> attempts) {
            RolloutTarget t = targets.get(i).get(j);
            int attempt = attempts.getOrDefault(t.officeCode(), 0) + 1;
            attempts.put(t.officeCode(), attempt);
            targets.get(i).set(j, new RolloutTarget(t.officeCode(), TargetStatus.UPDATING, t.fromRelease(), attempt, null));
            effects.add(new Assign(t.officeCode(), original.release(), attempt));
        }

        void applyReports(Map<String, Report> reports) {
            reports.forEach(this::apply);
        }

        void apply(String office, Report rep) {
            if (rep == null) {
                return;
            }
            for (List<RolloutTarget> wave : targets) {
                for (int j = 0; j < wave.size(); j++) {
                    RolloutTarget t = wave.get(j);
                    if (!t.officeCode().equals(office) || t.status() != TargetStatus.UPDATING) {
                        continue;
                    }
                    if (original.release().equals(rep.running()) && rep.health() == Health.HEALTHY) {
                        wave.set(j, new RolloutTarget(office, TargetStatus.SUCCEEDED, t.fromRelease(), t.attempt(), null));
                    } else if (original.release().equals(rep.failedRelease()) && rep.failedAttempt() >= t.attempt()) {
                        wave.set(j, new RolloutTarget(office, TargetStatus.FAILED, t.fromRelease(), t.attempt(), rep.lastError()));
                    }
                }
            }
        }

        /** Checks the current wave, cascading through waves that advance by themselves. */
        void evaluate(Map<String, Integer> attempts, Map<String, Report> reports) {
            while (status == RolloutStatus.RUNNING) {
                int c = current();
                if (c < 0 || waveStatus.get(c) != WaveStatus.RUNNING) {
                    return;
                }
                RolloutWave wave = original.waves().get(c);
                long n = targets.get(c).size();
                long failed = targets.get(c).stream().filter(t -> t.status() == TargetStatus.FAILED).count();
                long ok = targets.get(c).stream().filter(t -> t.status() == TargetStatus.SUCCEEDED).count();
                if (failed * 100 >= (long) original.errorThresholdPercent() * n) {
                    status = RolloutStatus.STOPPED;
                    waveStatus.set(c, WaveStatus.STOPPED);
                    stopReason = msg("rollout.stopReason", c + 1, failed, n, original.errorThresholdPercent());
                    settle(c, TargetStatus.PENDING);
                    return;
                }
                if (ok * 100 < (long) wave.successPercent() * n) {
                    return;
                }
                waveStatus.set(c, WaveStatus.SUCCEEDED);
                if (c == waveStatus.size() - 1) {
                    status = RolloutStatus.SUCCEEDED;
                } else if (wave.autoAdvance()) {
                    startWave(c + 1, attempts, reports);
                } else {
                    status = RolloutStatus.WAITING_APPROVAL;
                }
            }
        }

        /** Offices of wave {@code i} still pending or updating get {@code to}; those updating are told to stay. */
        void settle(int i, TargetStatus to) {
            List<RolloutTarget> wave = targets.get(i);
            for (int j = 0; j < wave.size(); j++) {
                RolloutTarget t = wave.get(j);
                if (t.status() == TargetStatus.UPDATING) {
                    effects.add(new Clear(t.officeCode(), original.release()));
                }
                if (t.status() == TargetStatus.UPDATING || t.status() == TargetStatus.PENDING) {
                    wave.set(j, t.with(to));
                }
            }
        }

        Result result() {
            List<RolloutWave> waves = new ArrayList<>();
            for (int i = 0; i < waveStatus.size(); i++) {
                RolloutWave w = original.waves().get(i);
                waves.add(new RolloutWave(w.number(), waveStatus.get(i), w.successPercent(), w.autoAdvance(), targets.get(i)));
            }
            Rollout next = new Rollout(original.id(), original.name(), original.release(), status,
                    original.errorThresholdPercent(), stopReason, waves, original.meta());
            return new Result(next, List.copyOf(effects));
        }
    }

    /** Whether anything a person would see differs (statuses, attempts, errors). */
    public static boolean changed(Rollout a, Rollout b) {
        return !Objects.equals(a.status(), b.status()) || !Objects.equals(a.waves(), b.waves());
    }
}
