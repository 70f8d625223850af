package cn.gannan.hpf.fleet.internal.centre;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutDraft;
import cn.gannan.hpf.fleet.api.RolloutService;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.RolloutTarget;
import cn.gannan.hpf.fleet.api.RolloutWave;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveDraft;
import cn.gannan.hpf.fleet.api.WaveStatus;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Assign;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Clear;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Effect;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Report;
import cn.gannan.hpf.fleet.internal.rollout.RolloutMachine.Result;

/**
 * Rollout plans: stored in FLT_ROLLOUT, FLT_WAVE and FLT_TARGET, moved on by {@link RolloutMachine} on admin
 * actions and on heartbeats (in the heartbeat's transaction). Each change is written with the rollout's row locked,
 * so concurrent heartbeats of one rollout's offices are applied one after the other.
 */
@Component(service = { RolloutService.class, HeartbeatListener.class }, configurationPid = CentreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class RolloutServiceImpl implements RolloutService, HeartbeatListener {

    static final String ENTITY = "rollout";
    static final int MAX_WAVES = 20;

    private final CentreStore store;

    @Activate
    public RolloutServiceImpl(@Reference CentreStore store) {
        this.store = store;
    }

    // ---------------------------------------------------------------- create

    @Override
    public Rollout create(Caller caller, RolloutDraft d) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        String name = v.text("name", d.name(), 100, true);
        String release = v.text("release", d.release(), 40, true);
        v.check(d.errorThresholdPercent() >= 1 && d.errorThresholdPercent() <= 100, "errorThresholdPercent",
                msg("error.rollout.percent", d.errorThresholdPercent()));
        v.check(!d.waves().isEmpty() && d.waves().size() <= MAX_WAVES, "waves", msg("error.rollout.waves", MAX_WAVES));
        Set<String> seen = new HashSet<>();
        List<List<String>> offices = new ArrayList<>();
        for (int i = 0; i < d.waves().size(); i++) {
            WaveDraft w = d.waves().get(i);
            String field = "waves[" + i + "]";
            v.check(w.successPercent() >= 1 && w.successPercent() <= 100, field + ".successPercent",
                    msg("error.rollout.percent", w.successPercent()));
            v.check(!w.offices().isEmpty(), field + ".offices", msg("error.rollout.emptyWave", i + 1));
            List<String> codes = new ArrayList<>();
            for (String o : w.offices()) {
                String code = o == null ? "" : o.strip();
                boolean county = store.offices.find(code).filter(x -> !x.central()).isPresent();
                v.check(county, field + ".offices", msg("error.office.unknown", code));
                v.check(!county || seen.add(code), field + ".offices", msg("error.rollout.twice", code));
                codes.add(code);
            }
            offices.add(codes);
        }
        return store.db.tx(caller, tx -> {
            if (release != null) {
                v.check(store.published(tx, release), "release", msg("error.release.unknown", release));
            }
            v.throwIfInvalid();
            String id = UUID.randomUUID().toString();
            String who = caller.username();
            tx.update("INSERT INTO FLT_ROLLOUT (ID, OFFICE_CODE, NAME, RELEASE_VERSION, STATUS, ERROR_THRESHOLD, CREATED_BY,"
                    + " CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    id, store.centreCode(), name, release, RolloutStatus.DRAFT, d.errorThresholdPercent(), who, tx.now(), who, tx.now());
            for (int i = 0; i < d.waves().size(); i++) {
                WaveDraft w = d.waves().get(i);
                tx.update("INSERT INTO FLT_WAVE (ID, ROLLOUT_ID, OFFICE_CODE, WAVE_NO, STATUS, SUCCESS_PERCENT, AUTO_ADVANCE,"
                        + " CREATED_BY, CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        UUID.randomUUID().toString(), id, store.centreCode(), i + 1, WaveStatus.PENDING, w.successPercent(),
                        w.autoAdvance() ? 1 : 0, who, tx.now(), who, tx.now());
                for (String o : offices.get(i)) {
                    tx.update("INSERT INTO FLT_TARGET (ID, ROLLOUT_ID, WAVE_NO, OFFICE_CODE, STATUS, ATTEMPT, CREATED_BY,"
                            + " CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0)",
                            UUID.randomUUID().toString(), id, i + 1, o, TargetStatus.PENDING, who, tx.now(), who, tx.now());
                }
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("name", new Object[] { null, name });
            changes.put("release", new Object[] { null, release });
            changes.put("errorThreshold", new Object[] { null, d.errorThresholdPercent() + "%" });
            for (int i = 0; i < d.waves().size(); i++) {
                WaveDraft w = d.waves().get(i);
                changes.put("wave " + (i + 1), new Object[] { null, String.join(",", offices.get(i)) + " ≥" + w.successPercent()
                        + "% " + (w.autoAdvance() ? "auto" : "approval") });
            }
            tx.audit(CentreStore.MODULE, ENTITY, id, store.centreCode(), AuditAction.CREATE, changes);
            return load(tx, id);
        });
    }

    // ---------------------------------------------------------------- actions

    @Override
    public Rollout start(Caller caller, String id) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        return store.db.tx(caller, tx -> {
            Rollout r = lock(tx, id);
            List<String> busy = busyOffices(tx, r);
            if (!busy.isEmpty()) {
                throw new RolloutMachine.StateException(msg("error.rollout.busy", r.name(), String.join(", ", busy)));
            }
            return save(tx, r, RolloutMachine.start(r, attempts(tx, r), reports(tx, r)));
        });
    }

    @Override
    public Rollout approve(Caller caller, String id) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        return store.db.tx(caller, tx -> {
            Rollout r = lock(tx, id);
            return save(tx, r, RolloutMachine.approve(r, attempts(tx, r), reports(tx, r)));
        });
    }

    @Override
    public Rollout retry(Caller caller, String id, String officeCode) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        String office = officeCode == null || officeCode.isBlank() ? null : store.county(officeCode).code();
        return store.db.tx(caller, tx -> {
            Rollout r = lock(tx, id);
            return save(tx, r, RolloutMachine.retry(r, office, attempts(tx, r), reports(tx, r)));
        });
    }

    @Override
    public Rollout cancel(Caller caller, String id) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        return store.db.tx(caller, tx -> {
            Rollout r = lock(tx, id);
            return save(tx, r, RolloutMachine.cancel(r));
        });
    }

    @Override
    public void heartbeat(Tx tx, String officeCode, Heartbeat heartbeat) throws SQLException {
        List<String> ids = tx.query("SELECT DISTINCT R.ID FROM FLT_ROLLOUT R JOIN FLT_TARGET T ON T.ROLLOUT_ID = R.ID"
                + " WHERE T.OFFICE_CODE = ? AND T.STATUS = ? AND R.STATUS IN (?, ?)", rs -> rs.getString(1),
                officeCode, TargetStatus.UPDATING, RolloutStatus.RUNNING, RolloutStatus.WAITING_APPROVAL);
        for (String id : ids) {
            Rollout r = lock(tx, id);
            save(tx, r, RolloutMachine.report(r, officeCode, Report.of(heartbeat), attempts(tx, r), reports(tx, r)));
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Rollout rollout(Caller caller, String id) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        return store.db.read(caller, tx -> load(tx, id));
    }

    @Override
    public List<Rollout> rollouts(Caller caller) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        return store.db.read(caller, tx -> {
            List<Rollout> out = new ArrayList<>();
            for (String id : tx.query("SELECT ID FROM FLT_ROLLOUT ORDER BY CREATED_AT DESC, NAME", rs -> rs.getString(1))) {
                out.add(load(tx, id));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- persistence

    /** Takes the rollout's row lock (held to the end of the transaction), then reads it. */
    private Rollout lock(Tx tx, String id) throws SQLException {
        if (id == null || tx.update("UPDATE FLT_ROLLOUT SET VERSION = VERSION WHERE ID = ?", id) == 0) {
            throw new NotFoundException(msg("error.rollout.unknown", id == null ? "" : id));
        }
        return load(tx, id);
    }

    private Rollout load(Tx tx, String id) throws SQLException {
        Map<Integer, List<RolloutTarget>> targets = new HashMap<>();
        for (Object[] row : tx.query("SELECT WAVE_NO, OFFICE_CODE, STATUS, FROM_RELEASE, ATTEMPT, LAST_ERROR FROM FLT_TARGET"
                + " WHERE ROLLOUT_ID = ? ORDER BY WAVE_NO, OFFICE_CODE",
                rs -> new Object[] { rs.getInt(1), new RolloutTarget(rs.getString(2), Rows.enumValue(rs, "STATUS", TargetStatus.class),
                        rs.getString(4), rs.getInt(5), rs.getString(6)) }, id)) {
            targets.computeIfAbsent((Integer) row[0], k -> new ArrayList<>()).add((RolloutTarget) row[1]);
        }
        List<RolloutWave> waves = tx.query("SELECT WAVE_NO, STATUS, SUCCESS_PERCENT, AUTO_ADVANCE FROM FLT_WAVE WHERE ROLLOUT_ID = ?"
                + " ORDER BY WAVE_NO", rs -> new RolloutWave(rs.getInt(1), Rows.enumValue(rs, "STATUS", WaveStatus.class), rs.getInt(3),
                        rs.getInt(4) == 1, targets.getOrDefault(rs.getInt(1), List.of())), id);
        return tx.queryOne("SELECT ID, NAME, RELEASE_VERSION, STATUS, ERROR_THRESHOLD, STOP_WAVE, STOP_FAILED, STOP_TOTAL, "
                + Rows.META + " FROM FLT_ROLLOUT WHERE ID = ?", rs -> {
                    int stopWave = rs.getInt("STOP_WAVE");
                    Msg reason = rs.wasNull() ? null : msg("rollout.stopReason", stopWave, rs.getInt("STOP_FAILED"),
                            rs.getInt("STOP_TOTAL"), rs.getInt("ERROR_THRESHOLD"));
                    return new Rollout(rs.getString("ID"), rs.getString("NAME"), rs.getString("RELEASE_VERSION"),
                            Rows.enumValue(rs, "STATUS", RolloutStatus.class), rs.getInt("ERROR_THRESHOLD"), reason, waves, Rows.meta(rs));
                }, id).orElseThrow(() -> new NotFoundException(msg("error.rollout.unknown", id)));
    }

    /** Offices of this rollout held by another active rollout. */
    private List<String> busyOffices(Tx tx, Rollout r) throws SQLException {
        return tx.query("SELECT DISTINCT T.OFFICE_CODE FROM FLT_TARGET T JOIN FLT_ROLLOUT R ON R.ID = T.ROLLOUT_ID"
                + " WHERE R.ID <> ? AND R.STATUS IN (?, ?, ?) AND T.OFFICE_CODE IN (SELECT OFFICE_CODE FROM FLT_TARGET WHERE ROLLOUT_ID = ?)"
                + " ORDER BY T.OFFICE_CODE", rs -> rs.getString(1), r.id(), RolloutStatus.RUNNING, RolloutStatus.WAITING_APPROVAL,
                RolloutStatus.STOPPED, r.id());
    }

    private Map<String, Integer> attempts(Tx tx, Rollout r) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        for (Object[] row : tx.query("SELECT OFFICE_CODE, TARGET_ATTEMPT FROM FLT_OFFICE WHERE OFFICE_CODE IN"
                + " (SELECT OFFICE_CODE FROM FLT_TARGET WHERE ROLLOUT_ID = ?)", rs -> new Object[] { rs.getString(1), rs.getInt(2) }, r.id())) {
            out.put((String) row[0], (Integer) row[1]);
        }
        return out;
    }

    private Map<String, Report> reports(Tx tx, Rollout r) throws SQLException {
        Map<String, Report> out = new HashMap<>();
        for (Object[] row : tx.query("SELECT OFFICE_CODE, RUNNING_RELEASE, HEALTH, FAILED_RELEASE, FAILED_ATTEMPT, LAST_ERROR"
                + " FROM FLT_HEARTBEAT WHERE OFFICE_CODE IN (SELECT OFFICE_CODE FROM FLT_TARGET WHERE ROLLOUT_ID = ?)",
                rs -> new Object[] { rs.getString(1), new Report(rs.getString(2), Rows.enumValue(rs, "HEALTH", Health.class),
                        rs.getString(4), rs.getInt(5), rs.getString(6)) }, r.id())) {
            out.put((String) row[0], (Report) row[1]);
        }
        return out;
    }

    /** Writes what changed, applies the effects to the offices' desired state, audits both. */
    private Rollout save(Tx tx, Rollout before, Result result) throws SQLException {
        Rollout after = result.rollout();
        String who = tx.caller().username();
        Map<String, Object[]> changes = new LinkedHashMap<>();
        if (before.status() != after.status() || !Objects.equals(before.stopReason() == null, after.stopReason() == null)) {
            changes.put("status", new Object[] { before.status(), after.status() });
        }
        Integer[] stop = stopColumns(after);
        tx.update("UPDATE FLT_ROLLOUT SET STATUS = ?, STOP_WAVE = ?, STOP_FAILED = ?, STOP_TOTAL = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                + " VERSION = VERSION + 1 WHERE ID = ?", after.status(), stop[0], stop[1], stop[2], who, tx.now(), after.id());
        for (int i = 0; i < after.waves().size(); i++) {
            RolloutWave a = before.waves().get(i);
            RolloutWave b = after.waves().get(i);
            if (a.status() != b.status()) {
                tx.update("UPDATE FLT_WAVE SET STATUS = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                        + " WHERE ROLLOUT_ID = ? AND WAVE_NO = ?", b.status(), who, tx.now(), after.id(), b.number());
                changes.put("wave " + b.number(), new Object[] { a.status(), b.status() });
            }
            for (int j = 0; j < b.targets().size(); j++) {
                RolloutTarget ta = a.targets().get(j);
                RolloutTarget tb = b.targets().get(j);
                if (!ta.equals(tb)) {
                    tx.update("UPDATE FLT_TARGET SET STATUS = ?, FROM_RELEASE = ?, ATTEMPT = ?, LAST_ERROR = ?, UPDATED_BY = ?,"
                            + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ROLLOUT_ID = ? AND OFFICE_CODE = ?",
                            tb.status(), tb.fromRelease(), tb.attempt(), tb.lastError(), who, tx.now(), after.id(), tb.officeCode());
                    if (ta.status() != tb.status() || ta.attempt() != tb.attempt()) {
                        changes.put(tb.officeCode(), new Object[] { ta.status() + (ta.attempt() > 0 ? " #" + ta.attempt() : ""),
                                tb.status() + (tb.attempt() > 0 ? " #" + tb.attempt() : "") });
                    }
                }
            }
        }
        if (!changes.isEmpty()) {
            tx.audit(CentreStore.MODULE, ENTITY, after.id(), store.centreCode(), AuditAction.UPDATE, changes);
        }
        for (Effect e : result.effects()) {
            apply(tx, e);
        }
        return load(tx, after.id());
    }

    private static Integer[] stopColumns(Rollout r) {
        if (r.stopReason() == null) {
            return new Integer[3];
        }
        Object[] args = r.stopReason().args();
        return new Integer[] { ((Number) args[0]).intValue(), ((Number) args[1]).intValue(), ((Number) args[2]).intValue() };
    }

    private void apply(Tx tx, Effect e) throws SQLException {
        store.ensureOffice(tx, e.office());
        String old = tx.queryOne("SELECT TARGET_RELEASE FROM FLT_OFFICE WHERE OFFICE_CODE = ?", rs -> rs.getString(1), e.office())
                .orElse(null);
        Map<String, Object[]> changes = new LinkedHashMap<>();
        if (e instanceof Assign a) {
            tx.update("UPDATE FLT_OFFICE SET TARGET_RELEASE = ?, TARGET_ATTEMPT = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE OFFICE_CODE = ?", a.release(), a.attempt(), tx.caller().username(), tx.now(), a.office());
            changes.put("targetRelease", new Object[] { old, a.release() + " #" + a.attempt() });
        } else if (e instanceof Clear c) {
            if (tx.update("UPDATE FLT_OFFICE SET TARGET_RELEASE = NULL, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE OFFICE_CODE = ? AND TARGET_RELEASE = ?", tx.caller().username(), tx.now(), c.office(), c.release()) == 0) {
                return;
            }
            changes.put("targetRelease", new Object[] { old, null });
        }
        tx.audit(CentreStore.MODULE, "office", e.office(), e.office(), AuditAction.UPDATE, changes);
    }
}
