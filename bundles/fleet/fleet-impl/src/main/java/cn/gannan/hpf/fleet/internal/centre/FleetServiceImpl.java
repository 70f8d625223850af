package cn.gannan.hpf.fleet.internal.centre;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.AuditService;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.FleetService;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.internal.release.Hashing;
import cn.gannan.hpf.fleet.internal.release.ManifestFormat;

/** The county offices as the centre sees them; their credentials; the agents' side of the endpoint. */
@Component(service = { FleetService.class, CentreEndpoint.class }, configurationPid = CentreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class FleetServiceImpl implements FleetService, CentreEndpoint {

    /** Token form: {@code hpf1.<office>.<43 characters of Base64url>} (256 random bits). */
    static final Pattern TOKEN = Pattern.compile("hpf1\\.([A-Z0-9]{2,8})\\.[A-Za-z0-9_-]{43}");
    static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{0,47}");
    static final int MAX_ERROR = 2000;

    private final CentreStore store;
    private final AuditService audit;
    private final SecureRandom random = new SecureRandom();
    private final List<HeartbeatListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public FleetServiceImpl(@Reference CentreStore store, @Reference AuditService audit) {
        this.store = store;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(HeartbeatListener l) {
        listeners.add(l);
    }

    void removeListener(HeartbeatListener l) {
        listeners.remove(l);
    }

    private static final String OFFICE_SQL = "SELECT O.OFFICE_CODE, O.TARGET_RELEASE, O.TARGET_ATTEMPT, O.DESIRED_MODULES,"
            + " O.TOKEN_HASH, H.RUNNING_RELEASE, H.MODULES, H.HEALTH, H.PHASE, H.FAILED_RELEASE, H.LAST_ERROR, H.RECEIVED_AT"
            + " FROM FLT_OFFICE O LEFT JOIN FLT_HEARTBEAT H ON H.OFFICE_CODE = O.OFFICE_CODE";

    @Override
    public List<FleetOffice> offices(Caller caller) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        Instant now = store.now();
        return store.db.read(caller, tx -> {
            List<FleetOffice> out = new ArrayList<>();
            for (Office o : store.counties()) {
                out.add(load(tx, o, now));
            }
            return out;
        });
    }

    @Override
    public FleetOffice office(Caller caller, String officeCode) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        Office o = store.county(officeCode);
        return store.db.read(caller, tx -> load(tx, o, store.now()));
    }

    private FleetOffice load(Tx tx, Office o, Instant now) throws SQLException {
        Optional<FleetOffice> row = tx.queryOne(OFFICE_SQL + " WHERE O.OFFICE_CODE = ?", rs -> {
            Instant seen = Rows.instant(rs, "RECEIVED_AT");
            String health = rs.getString("HEALTH");
            String phase = rs.getString("PHASE");
            return new FleetOffice(o.code(), o.nameZh(), o.nameEn(), rs.getString("TARGET_RELEASE"), rs.getInt("TARGET_ATTEMPT"),
                    modules(rs.getString("DESIRED_MODULES")), rs.getString("RUNNING_RELEASE"),
                    Objects.requireNonNullElse(modules(rs.getString("MODULES")), List.of()),
                    health == null ? Health.UNKNOWN : Health.valueOf(health), phase == null ? null : AgentPhase.valueOf(phase),
                    rs.getString("FAILED_RELEASE"), rs.getString("LAST_ERROR"), seen, stale(seen, now),
                    rs.getString("TOKEN_HASH") != null);
        }, o.code());
        return row.orElseGet(() -> new FleetOffice(o.code(), o.nameZh(), o.nameEn(), null, 0, null, null, List.of(),
                Health.UNKNOWN, null, null, null, null, true, false));
    }

    private boolean stale(Instant seen, Instant now) {
        return seen == null
                || Duration.between(seen, now).compareTo(Duration.ofSeconds((long) store.pollSeconds() * store.staleAfterPolls())) > 0;
    }

    @Override
    public String issueToken(Caller caller, String officeCode) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Office o = store.county(officeCode);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "hpf1." + o.code() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.db.tx(caller, tx -> {
            store.ensureOffice(tx, o.code());
            boolean had = tx.count("SELECT COUNT(*) FROM FLT_OFFICE WHERE OFFICE_CODE = ? AND TOKEN_HASH IS NOT NULL", o.code()) > 0;
            tx.update("UPDATE FLT_OFFICE SET TOKEN_HASH = ?, TOKEN_ISSUED_AT = ?, TOKEN_REVOKED_AT = NULL, UPDATED_BY = ?,"
                    + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE OFFICE_CODE = ?",
                    hash(token), tx.now(), caller.username(), tx.now(), o.code());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("token", new Object[] { had ? "issued" : null, "issued" });
            tx.audit(CentreStore.MODULE, "token", o.code(), o.code(), had ? AuditAction.UPDATE : AuditAction.CREATE, changes);
            return null;
        });
        return token;
    }

    @Override
    public void revokeToken(Caller caller, String officeCode) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Office o = store.county(officeCode);
        store.db.tx(caller, tx -> {
            int n = tx.update("UPDATE FLT_OFFICE SET TOKEN_HASH = NULL, TOKEN_REVOKED_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE OFFICE_CODE = ? AND TOKEN_HASH IS NOT NULL",
                    tx.now(), caller.username(), tx.now(), o.code());
            if (n == 0) {
                throw new ValidationException(msg("error.token.none", o.code()));
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("token", new Object[] { "issued", "revoked" });
            tx.audit(CentreStore.MODULE, "token", o.code(), o.code(), AuditAction.DELETE, changes);
            return null;
        });
    }

    @Override
    public void setDesiredModules(Caller caller, String officeCode, List<String> modules) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Office o = store.county(officeCode);
        String value = null;
        if (modules != null) {
            TreeSet<String> ids = new TreeSet<>();
            for (String m : modules) {
                String id = m == null ? "" : m.strip();
                if (!MODULE_ID.matcher(id).matches()) {
                    throw ValidationException.field("modules", msg("error.modules.id", id));
                }
                ids.add(id);
            }
            value = String.join(",", ids);
            if (value.length() > 2000) {
                throw ValidationException.field("modules", msg("error.modules.tooMany", ids.size()));
            }
        }
        String newValue = value;
        store.db.tx(caller, tx -> {
            store.ensureOffice(tx, o.code());
            String old = tx.queryOne("SELECT DESIRED_MODULES FROM FLT_OFFICE WHERE OFFICE_CODE = ?", rs -> rs.getString(1), o.code())
                    .orElse(null);
            if (Objects.equals(old, newValue)) {
                return null;
            }
            tx.update("UPDATE FLT_OFFICE SET DESIRED_MODULES = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE OFFICE_CODE = ?", newValue, caller.username(), tx.now(), o.code());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("modules", new Object[] { old, newValue });
            tx.audit(CentreStore.MODULE, "office", o.code(), o.code(), AuditAction.UPDATE, changes);
            return null;
        });
    }

    @Override
    public List<AuditEntry> history(Caller caller, String officeCode, int limit) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN, Role.AUDITOR);
        String office = officeCode == null || officeCode.isBlank() ? null : store.county(officeCode).code();
        return audit.find(caller, new AuditQuery(office, null, CentreStore.MODULE, null, null, null, null, null),
                new PageRequest(0, limit)).items();
    }

    // ---------------------------------------------------------------- the agents' side

    @Override
    public Optional<String> authenticate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        var m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String office = m.group(1);
        return store.db.read(store.system(), tx -> tx.queryOne(
                "SELECT OFFICE_CODE FROM FLT_OFFICE WHERE TOKEN_HASH = ? AND OFFICE_CODE = ?", rs -> rs.getString(1),
                hash(token), office));
    }

    @Override
    public DesiredState desired(String officeCode) {
        return store.db.read(agent(officeCode), tx -> desired(tx, officeCode));
    }

    private DesiredState desired(Tx tx, String officeCode) throws SQLException {
        return tx.queryOne("SELECT TARGET_RELEASE, TARGET_ATTEMPT, DESIRED_MODULES FROM FLT_OFFICE WHERE OFFICE_CODE = ?",
                rs -> new DesiredState(officeCode, rs.getString(1), modules(rs.getString(3)), rs.getInt(2), store.pollSeconds()),
                officeCode).orElse(new DesiredState(officeCode, null, null, 0, store.pollSeconds()));
    }

    @Override
    public DesiredState heartbeat(String officeCode, Heartbeat hb) {
        Heartbeat h = clean(hb);
        return store.db.tx(agent(officeCode), tx -> {
            Instant now = store.now();
            store.ensureOffice(tx, officeCode);
            Optional<Object[]> before = tx.queryOne("SELECT RUNNING_RELEASE, HEALTH, PHASE, FAILED_RELEASE, MODULES"
                    + " FROM FLT_HEARTBEAT WHERE OFFICE_CODE = ?",
                    rs -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) },
                    officeCode);
            String modules = String.join(",", new TreeSet<>(h.modules()));
            Object[] after = { h.runningRelease(), h.health().name(), h.phase().name(), h.failedRelease(), modules };
            if (before.isEmpty()) {
                tx.update("INSERT INTO FLT_HEARTBEAT (ID, OFFICE_CODE, RUNNING_RELEASE, MODULES, HEALTH, PHASE, TARGET_RELEASE,"
                        + " FAILED_RELEASE, FAILED_ATTEMPT, LAST_ERROR, AGENT_TIME, RECEIVED_AT, CREATED_BY, CREATED_AT, UPDATED_BY,"
                        + " UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        UUID.randomUUID().toString(), officeCode, h.runningRelease(), modules, h.health(), h.phase(),
                        h.targetRelease(), h.failedRelease(), h.failedAttempt(), h.lastError(), h.agentTime(), now,
                        tx.caller().username(), now, tx.caller().username(), now);
            } else {
                tx.update("UPDATE FLT_HEARTBEAT SET RUNNING_RELEASE = ?, MODULES = ?, HEALTH = ?, PHASE = ?, TARGET_RELEASE = ?,"
                        + " FAILED_RELEASE = ?, FAILED_ATTEMPT = ?, LAST_ERROR = ?, AGENT_TIME = ?, RECEIVED_AT = ?, UPDATED_BY = ?,"
                        + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE OFFICE_CODE = ?",
                        h.runningRelease(), modules, h.health(), h.phase(), h.targetRelease(), h.failedRelease(),
                        h.failedAttempt(), h.lastError(), h.agentTime(), now, tx.caller().username(), now, officeCode);
            }
            Object[] old = before.orElse(new Object[5]);
            String[] names = { "runningRelease", "health", "phase", "failedRelease", "modules" };
            Map<String, Object[]> changes = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (!Objects.equals(old[i], after[i])) {
                    changes.put(names[i], new Object[] { old[i], after[i] });
                }
            }
            if (!changes.isEmpty()) {
                if (h.lastError() != null && (h.phase() == AgentPhase.FAILED || h.health() == Health.UNHEALTHY)) {
                    changes.put("lastError", new Object[] { null, h.lastError() });
                }
                tx.audit(CentreStore.MODULE, "heartbeat", officeCode, officeCode,
                        before.isEmpty() ? AuditAction.CREATE : AuditAction.UPDATE, changes);
            }
            for (HeartbeatListener l : listeners) {
                l.heartbeat(tx, officeCode, h);
            }
            return desired(tx, officeCode);
        });
    }

    @Override
    public Optional<Path> releaseDir(String version) {
        return store.publishedDir(version);
    }

    /** Trims what an agent sends to the columns' sizes; values that would not fit a column are dropped. */
    static Heartbeat clean(Heartbeat h) {
        List<String> modules = h.modules().stream().filter(m -> m != null && MODULE_ID.matcher(m).matches()).distinct().toList();
        String error = h.lastError() == null ? null
                : h.lastError().length() > MAX_ERROR ? h.lastError().substring(0, MAX_ERROR - 1) + "…" : h.lastError();
        return new Heartbeat(version(h.runningRelease()), modules, h.health(), h.phase(), version(h.targetRelease()),
                version(h.failedRelease()), Math.max(0, h.failedAttempt()), error, h.agentTime());
    }

    private static String version(String v) {
        return ManifestFormat.validVersion(v) ? v : null;
    }

    private Caller agent(String officeCode) {
        return new Caller(null, "agent." + officeCode, "agent " + officeCode, officeCode, EnumSet.noneOf(Role.class));
    }

    static String hash(String token) {
        return Hashing.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> modules(String csv) {
        return csv == null ? null : csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
