package cn.gannan.hpf.core.internal.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.core.internal.db.Records;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Accounts, passwords and the credential check behind the JAAS realm. */
@Component(service = {UserService.class, CredentialVerifier.class}, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public class UserServiceImpl implements UserService, CredentialVerifier {

    static final String MODULE = "core";
    static final String ENTITY = "user";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._\\-]{3,32}");
    private static final String COLUMNS = "ID, USERNAME, DISPLAY_NAME, OFFICE_CODE, PERSON_ID, ROLES, ENABLED,"
            + " FAILED_ATTEMPTS, LOCKED_UNTIL, LAST_LOGIN_AT, " + Rows.META;

    private final Database db;
    private final OfficeService offices;
    private final SecurityConfig config;
    private final PasswordHasher hasher;
    /** Compared against when the username is unknown, so a miss costs as much as a hit. */
    private final String decoyHash;

    @Activate
    public UserServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            SecurityConfig config) {
        this.db = db;
        this.offices = offices;
        this.config = config;
        if (config.maxFailedAttempts() < 1 || config.lockMinutes() < 1 || config.passwordMinLength() < 6) {
            throw new IllegalArgumentException("Invalid security configuration: maxFailedAttempts and lockMinutes"
                    + " must be positive, passwordMinLength at least 6");
        }
        this.hasher = new PasswordHasher(config.pbkdf2Iterations());
        this.decoyHash = hasher.hash("decoy-password-0".toCharArray());
    }

    int sessionTimeoutMinutes() {
        return config.sessionTimeoutMinutes();
    }

    @Override
    public Page<UserAccount> find(Caller caller, String officeCode, String text, PageRequest page) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
        String office = caller.scopeOffice(officeCode);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND OFFICE_CODE = ?");
            params.add(office);
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(USERNAME) LIKE ? OR LOWER(DISPLAY_NAME) LIKE ?)");
            String like = "%" + text.strip().toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM HPF_USER" + where, params.toArray());
            List<Object> p = new ArrayList<>(params);
            p.add(page.offset());
            p.add(page.limit());
            List<UserAccount> items = tx.query("SELECT " + COLUMNS + " FROM HPF_USER" + where
                    + " ORDER BY OFFICE_CODE, USERNAME OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", UserServiceImpl::map, p.toArray());
            return new Page<>(items, page.offset(), page.limit(), total);
        });
    }

    @Override
    public UserAccount get(Caller caller, String id) {
        UserAccount u = db.read(caller, tx -> load(tx, "ID", id));
        if (!caller.username().equals(u.username())) {
            caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
            caller.requireRead(u.officeCode());
        }
        return u;
    }

    @Override
    public UserAccount byUsername(Caller caller, String username) {
        UserAccount u = db.read(caller, tx -> load(tx, "USERNAME", username));
        if (!caller.username().equals(u.username())) {
            caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
            caller.requireRead(u.officeCode());
        }
        return u;
    }

    @Override
    public UserAccount create(Caller caller, UserDraft draft, char[] initialPassword) {
        try {
            UserDraft d = validate(caller, draft, null);
            checkPassword("password", initialPassword);
            return db.tx(caller, tx -> {
                if (tx.count("SELECT COUNT(*) FROM HPF_USER WHERE LOWER(USERNAME) = ?", d.username().toLowerCase()) > 0) {
                    throw ValidationException.field("username", Msg.core("error.user.duplicate", d.username()));
                }
                String id = UUID.randomUUID().toString();
                tx.update("INSERT INTO HPF_USER (ID, USERNAME, DISPLAY_NAME, OFFICE_CODE, PERSON_ID, ROLES, ENABLED,"
                        + " PASSWORD_HASH, FAILED_ATTEMPTS, LOCKED_UNTIL, LAST_LOGIN_AT, " + Rows.META + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?, ?, ?, 1)",
                        id, d.username(), d.displayName(), d.officeCode(), d.personId(), roles(d.roles()), d.enabled(),
                        hasher.hash(initialPassword), caller.username(), tx.now(), caller.username(), tx.now());
                Map<String, Object[]> changes = new LinkedHashMap<>();
                changes.put("username", new Object[] {null, d.username()});
                changes.put("displayName", new Object[] {null, d.displayName()});
                changes.put("office", new Object[] {null, d.officeCode()});
                changes.put("roles", new Object[] {null, roles(d.roles())});
                changes.put("enabled", new Object[] {null, d.enabled()});
                tx.audit(MODULE, ENTITY, id, d.officeCode(), AuditAction.CREATE, changes);
                return load(tx, "ID", id);
            });
        } finally {
            PasswordHasher.wipe(initialPassword);
        }
    }

    @Override
    public UserAccount update(Caller caller, String id, long expectedVersion, UserDraft draft) {
        return db.tx(caller, tx -> {
            UserAccount old = load(tx, "ID", id);
            caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
            caller.requireWrite(old.officeCode());
            UserDraft d = validate(caller, new UserDraft(old.username(), draft.displayName(), draft.officeCode(),
                    draft.personId(), draft.roles(), draft.enabled()), old);
            int rows = tx.update("UPDATE HPF_USER SET DISPLAY_NAME = ?, OFFICE_CODE = ?, PERSON_ID = ?, ROLES = ?, ENABLED = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                    d.displayName(), d.officeCode(), d.personId(), roles(d.roles()), d.enabled(), caller.username(),
                    tx.now(), id, expectedVersion);
            Records.requireUpdated(tx, rows, "HPF_USER", id, "entity.user");
            Map<String, Object[]> changes = new LinkedHashMap<>();
            diff(changes, "displayName", old.displayName(), d.displayName());
            diff(changes, "office", old.officeCode(), d.officeCode());
            diff(changes, "personId", old.personId(), d.personId());
            diff(changes, "roles", roles(old.roles()), roles(d.roles()));
            diff(changes, "enabled", old.enabled(), d.enabled());
            tx.audit(MODULE, ENTITY, id, d.officeCode(), AuditAction.UPDATE, changes);
            return load(tx, "ID", id);
        });
    }

    @Override
    public UserAccount resetPassword(Caller caller, String username, char[] newPassword) {
        try {
            checkPassword("password", newPassword);
            return db.tx(caller, tx -> {
                UserAccount u = load(tx, "USERNAME", username);
                caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
                caller.requireWrite(u.officeCode());
                tx.update("UPDATE HPF_USER SET PASSWORD_HASH = ?, FAILED_ATTEMPTS = 0, LOCKED_UNTIL = NULL, UPDATED_BY = ?,"
                        + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?", hasher.hash(newPassword), caller.username(),
                        tx.now(), u.id());
                tx.audit(MODULE, ENTITY, u.id(), u.officeCode(), AuditAction.UPDATE,
                        Map.of("password", new Object[] {"***", "*** (reset)"}));
                return load(tx, "ID", u.id());
            });
        } finally {
            PasswordHasher.wipe(newPassword);
        }
    }

    @Override
    public void changeOwnPassword(Caller caller, char[] oldPassword, char[] newPassword) {
        try {
            checkPassword("newPassword", newPassword);
            db.tx(caller, tx -> {
                String hash = tx.queryOne("SELECT PASSWORD_HASH FROM HPF_USER WHERE USERNAME = ?", rs -> rs.getString(1),
                        caller.username()).orElseThrow(() -> Records.notFound("entity.user", caller.username()));
                if (!hasher.verify(oldPassword, hash)) {
                    throw ValidationException.field("oldPassword", Msg.core("error.password.wrongOld"));
                }
                UserAccount u = load(tx, "USERNAME", caller.username());
                tx.update("UPDATE HPF_USER SET PASSWORD_HASH = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                        + " WHERE ID = ?", hasher.hash(newPassword), caller.username(), tx.now(), u.id());
                tx.audit(MODULE, ENTITY, u.id(), u.officeCode(), AuditAction.UPDATE,
                        Map.of("password", new Object[] {"***", "*** (changed by the user)"}));
                return null;
            });
        } finally {
            PasswordHasher.wipe(oldPassword);
            PasswordHasher.wipe(newPassword);
        }
    }

    @Override
    public UserAccount unlock(Caller caller, String id) {
        return db.tx(caller, tx -> {
            UserAccount u = load(tx, "ID", id);
            caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
            caller.requireWrite(u.officeCode());
            tx.update("UPDATE HPF_USER SET FAILED_ATTEMPTS = 0, LOCKED_UNTIL = NULL, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ?", caller.username(), tx.now(), id);
            tx.audit(MODULE, ENTITY, id, u.officeCode(), AuditAction.UPDATE,
                    Map.of("lockedUntil", new Object[] {u.lockedUntil(), null}));
            return load(tx, "ID", id);
        });
    }

    @Override
    public Result verify(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return new Result(Outcome.BAD_CREDENTIALS, null, null);
        }
        Caller system = Caller.system(offices.current().code());
        return db.tx(system, tx -> {
            List<Object[]> rows = tx.query("SELECT ID, PASSWORD_HASH, ENABLED, FAILED_ATTEMPTS, LOCKED_UNTIL, OFFICE_CODE"
                    + " FROM HPF_USER WHERE USERNAME = ?", rs -> new Object[] {rs.getString(1), rs.getString(2),
                            rs.getBoolean(3), rs.getInt(4), Rows.instant(rs, "LOCKED_UNTIL"), rs.getString(6)}, username);
            if (rows.isEmpty()) {
                hasher.verify(password, decoyHash);
                tx.audit(MODULE, ENTITY, username, system.officeCode(), AuditAction.LOGIN_FAILED,
                        Map.of("reason", new Object[] {null, "unknown user"}));
                return new Result(Outcome.BAD_CREDENTIALS, null, null);
            }
            Object[] r = rows.get(0);
            String id = (String) r[0];
            String office = (String) r[5];
            Instant lockedUntil = (Instant) r[4];
            Instant now = tx.now();
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                tx.audit(MODULE, ENTITY, id, office, AuditAction.LOGIN_FAILED, Map.of("reason", new Object[] {null, "locked"}));
                return new Result(Outcome.LOCKED, null, lockedUntil);
            }
            boolean good = hasher.verify(password, (String) r[1]);
            if (!good) {
                int failed = (lockedUntil != null ? 0 : (Integer) r[3]) + 1;
                Instant lock = failed >= config.maxFailedAttempts() ? now.plus(Duration.ofMinutes(config.lockMinutes())) : null;
                tx.update("UPDATE HPF_USER SET FAILED_ATTEMPTS = ?, LOCKED_UNTIL = ? WHERE ID = ?",
                        lock != null ? 0 : failed, lock, id);
                tx.audit(MODULE, ENTITY, id, office, AuditAction.LOGIN_FAILED, Map.of("failedAttempts",
                        new Object[] {null, failed + (lock != null ? " (locked until " + lock + ")" : "")}));
                return lock != null ? new Result(Outcome.LOCKED, null, lock) : new Result(Outcome.BAD_CREDENTIALS, null, null);
            }
            if (!(Boolean) r[2]) {
                tx.audit(MODULE, ENTITY, id, office, AuditAction.LOGIN_FAILED, Map.of("reason", new Object[] {null, "disabled"}));
                return new Result(Outcome.DISABLED, null, null);
            }
            String rehash = hasher.needsRehash((String) r[1]) ? hasher.hash(password) : (String) r[1];
            tx.update("UPDATE HPF_USER SET FAILED_ATTEMPTS = 0, LOCKED_UNTIL = NULL, LAST_LOGIN_AT = ?, PASSWORD_HASH = ?"
                    + " WHERE ID = ?", now, rehash, id);
            tx.audit(MODULE, ENTITY, id, office, AuditAction.LOGIN, null);
            return new Result(Outcome.OK, load(tx, "ID", id), null);
        });
    }

    private UserDraft validate(Caller caller, UserDraft draft, UserAccount old) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        String username = v.text("username", draft.username(), 32, true);
        if (username != null) {
            v.check(USERNAME.matcher(username).matches(), "username", Msg.core("error.user.username"));
        }
        String displayName = v.text("displayName", draft.displayName(), 50, true);
        String office = v.text("officeCode", draft.officeCode(), 8, true);
        if (office != null) {
            v.check(offices.find(office).isPresent(), "officeCode", Msg.core("error.office.unknown", office));
        }
        Set<Role> roles = draft.roles() == null || draft.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(draft.roles());
        v.check(!roles.isEmpty(), "roles", Msg.core("error.user.roles"));
        v.throwIfInvalid();
        caller.requireWrite(office);
        Set<Role> centralGranted = EnumSet.noneOf(Role.class);
        for (Role r : roles) {
            boolean had = old != null && old.roles().contains(r);
            if (r.readsAllOffices() && !had) {
                centralGranted.add(r);
            }
        }
        if (!centralGranted.isEmpty() && !caller.has(Role.CENTRAL_ADMIN)) {
            throw ValidationException.field("roles", Msg.core("error.user.centralRole", roles(centralGranted)));
        }
        return new UserDraft(username, displayName, office, blankToNull(draft.personId()), roles, draft.enabled());
    }

    private void checkPassword(String field, char[] password) {
        int min = config.passwordMinLength();
        boolean ok = password != null && password.length >= min && password.length <= 128;
        if (ok) {
            boolean letter = false;
            boolean digit = false;
            for (char c : password) {
                letter |= Character.isLetter(c);
                digit |= Character.isDigit(c);
            }
            ok = letter && digit;
        }
        if (!ok) {
            throw ValidationException.field(field, Msg.core("error.password.policy", min));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }

    static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static UserAccount load(Tx tx, String column, String value) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM HPF_USER WHERE " + column + " = ?", UserServiceImpl::map, value)
                .orElseThrow(() -> Records.notFound("entity.user", value));
    }

    static UserAccount map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("ROLES").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> roles.add(Role.valueOf(s)));
        return new UserAccount(rs.getString("ID"), rs.getString("USERNAME"), rs.getString("DISPLAY_NAME"),
                rs.getString("OFFICE_CODE"), rs.getString("PERSON_ID"), roles, rs.getBoolean("ENABLED"),
                rs.getInt("FAILED_ATTEMPTS"), Rows.instant(rs, "LOCKED_UNTIL"), Rows.instant(rs, "LAST_LOGIN_AT"), Rows.meta(rs));
    }
}
