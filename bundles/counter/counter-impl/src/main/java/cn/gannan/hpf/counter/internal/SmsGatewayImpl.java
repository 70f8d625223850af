package cn.gannan.hpf.counter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.Records.SmsMessage;
import cn.gannan.hpf.counter.api.SmsGateway;
import cn.gannan.hpf.counter.api.SmsOutbox;
import cn.gannan.hpf.counter.api.SmsStatus;

/**
 * The SMS gateway. Every message is written to the outbox table in the caller's transaction, so
 * nothing is lost. Without a gateway URL (the default) messages stay there with status OUTBOX for
 * admins to see. With {@code url} set in {@code cn.gannan.hpf.counter.sms}, the {@link HttpSmsTransport}
 * delivers them from a background thread after the transaction commits: retries with a growing
 * pause, FAILED after {@code maxAttempts}.
 */
@Component(service = {SmsGateway.class, SmsOutbox.class}, configurationPid = "cn.gannan.hpf.counter.sms")
@Designate(ocd = SmsGatewayImpl.Config.class)
public class SmsGatewayImpl implements SmsGateway, SmsOutbox {

    @ObjectClassDefinition(name = "HPF counter SMS gateway")
    @interface Config {
        @AttributeDefinition(description = "HTTP gateway URL (POST form: phone, text, id); empty keeps messages in the outbox")
        String url() default "";

        String username() default "";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String password() default "";

        int maxAttempts() default 5;

        @AttributeDefinition(description = "Seconds before the first retry; doubled on each further attempt")
        int retrySeconds() default 30;

        int timeoutSeconds() default 10;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmsGatewayImpl.class);
    static final String COLS = "ID, OFFICE_CODE, PHONE, BODY, SUBJECT_ID, STATUS, ATTEMPTS, LAST_ERROR, NEXT_ATTEMPT_AT, SENT_AT,"
            + " GATEWAY, " + Rows.META;

    private final Database db;
    private final String office;
    private final SmsTransport transport;
    private final int maxAttempts;
    private final int retrySeconds;
    private final ScheduledExecutorService worker;

    /** Delivers one message; throws with a short reason on failure. */
    interface SmsTransport {
        String name();

        void deliver(String id, String phone, String text) throws Exception;
    }

    @Activate
    public SmsGatewayImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices, Config config) {
        this(db, migrations, offices, config.url() == null || config.url().isBlank() ? null
                : new HttpSmsTransport(config.url().strip(), config.username(), config.password(), Duration.ofSeconds(
                        Math.max(1, config.timeoutSeconds()))), config.maxAttempts(), config.retrySeconds(), true);
    }

    /** @param background whether a worker thread dispatches due messages (tests call {@link #dispatchDue()} themselves) */
    SmsGatewayImpl(Database db, Migrations migrations, OfficeService offices, SmsTransport transport, int maxAttempts,
            int retrySeconds, boolean background) {
        if (maxAttempts < 1 || retrySeconds < 1) {
            throw new IllegalArgumentException("maxAttempts and retrySeconds must be at least 1");
        }
        this.db = db;
        this.office = offices.current().code();
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.retrySeconds = retrySeconds;
        migrations.migrate(Support.MODULE, SmsGatewayImpl.class, Support.MIGRATIONS);
        if (transport != null && background) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hpf-counter-sms");
                t.setDaemon(true);
                return t;
            });
            worker.scheduleWithFixedDelay(this::dispatchSafely, 2, 2, TimeUnit.SECONDS);
        } else {
            worker = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    @Override
    public String gatewayName() {
        return transport == null ? "outbox" : transport.name();
    }

    @Override
    public SmsMessage send(Caller caller, String officeCode, String phone, String text, String subjectId) {
        if (phone == null || phone.isBlank() || text == null || text.isBlank()) {
            throw Support.refused("phone", "error.sms.empty");
        }
        String body = text.length() > 1000 ? text.substring(0, 1000) : text;
        return db.tx(caller, tx -> {
            String id = UUID.randomUUID().toString();
            SmsStatus status = transport == null ? SmsStatus.OUTBOX : SmsStatus.PENDING;
            List<Object> p = new ArrayList<>(List.of(id, officeCode, phone.strip(), body, status, gatewayName(),
                    caller.username(), tx.now(), caller.username(), tx.now()));
            String extraCols = "";
            if (subjectId != null) {
                extraCols += ", SUBJECT_ID";
                p.add(subjectId);
            }
            if (transport != null) {
                extraCols += ", NEXT_ATTEMPT_AT";
                p.add(tx.now());
            }
            tx.update("INSERT INTO CTR_SMS (ID, OFFICE_CODE, PHONE, BODY, STATUS, GATEWAY, " + Rows.META.replace(", VERSION", "")
                    + extraCols + ", ATTEMPTS, VERSION) VALUES (" + "?, ".repeat(p.size()) + "0, 1)", p.toArray());
            tx.audit(Support.MODULE, "sms", id, officeCode, AuditAction.CREATE,
                    Map.of("phone", new Object[] {null, cn.gannan.hpf.counter.api.rules.Masks.phone(phone)},
                            "status", new Object[] {null, status}));
            return load(tx, id);
        });
    }

    @Override
    public Page<SmsMessage> find(Caller caller, String officeCode, SmsStatus status, PageRequest page) {
        caller.requireAnyRole(Support.SUPERVISORS);
        String scope = caller.scopeOffice(officeCode);
        PageRequest p = page == null ? PageRequest.first(50) : page;
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (scope != null) {
            where.append(" AND OFFICE_CODE = ?");
            params.add(scope);
        }
        if (status != null) {
            where.append(" AND STATUS = ?");
            params.add(status);
        }
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM CTR_SMS" + where, params.toArray());
            List<Object> all = new ArrayList<>(params);
            all.add(p.offset());
            all.add(p.limit());
            return new Page<>(tx.query("SELECT " + COLS + " FROM CTR_SMS" + where + " ORDER BY CREATED_AT DESC OFFSET ? ROWS"
                    + " FETCH NEXT ? ROWS ONLY", SmsGatewayImpl::map, all.toArray()), p.offset(), p.limit(), total);
        });
    }

    @Override
    public SmsMessage retry(Caller caller, String id) {
        caller.requireAnyRole(Support.SUPERVISORS);
        if (transport == null) {
            throw Support.refused(null, "error.sms.noGateway");
        }
        return db.tx(caller, tx -> {
            SmsMessage msg = load(tx, id);
            caller.requireWrite(msg.officeCode());
            if (msg.status() == SmsStatus.SENT) {
                throw Support.refused(null, "error.sms.alreadySent");
            }
            tx.update("UPDATE CTR_SMS SET STATUS = ?, ATTEMPTS = 0, NEXT_ATTEMPT_AT = ?, GATEWAY = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ?", SmsStatus.PENDING, tx.now(), gatewayName(), caller.username(), tx.now(), id);
            tx.audit(Support.MODULE, "sms", id, msg.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {msg.status(), SmsStatus.PENDING}));
            return load(tx, id);
        });
    }

    private void dispatchSafely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warn("SMS dispatch round failed: {}", e.toString());
        }
    }

    /** Tries every due message once; returns how many were sent. */
    int dispatchDue() {
        Caller system = Caller.system(office);
        List<SmsMessage> due = db.read(system, tx -> tx.query("SELECT " + COLS + " FROM CTR_SMS WHERE STATUS = 'PENDING'"
                + " AND NEXT_ATTEMPT_AT <= ? ORDER BY NEXT_ATTEMPT_AT FETCH FIRST 50 ROWS ONLY", SmsGatewayImpl::map, Instant.now()));
        int sent = 0;
        for (SmsMessage m : due) {
            String error = null;
            try {
                transport.deliver(m.id(), m.phone(), m.text());
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                error = error.length() > 500 ? error.substring(0, 500) : error;
            }
            final String err = error;
            int attempts = m.attempts() + 1;
            db.tx(system, tx -> {
                if (err == null) {
                    tx.update("UPDATE CTR_SMS SET STATUS = ?, ATTEMPTS = ?, SENT_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                            + " VERSION = VERSION + 1 WHERE ID = ?", SmsStatus.SENT, attempts, tx.now(), Caller.SYSTEM_USERNAME, tx.now(), m.id());
                } else {
                    boolean giveUp = attempts >= maxAttempts;
                    Instant next = tx.now().plusSeconds((long) retrySeconds << Math.min(attempts - 1, 10));
                    tx.update("UPDATE CTR_SMS SET STATUS = ?, ATTEMPTS = ?, LAST_ERROR = ?, NEXT_ATTEMPT_AT = ?, UPDATED_BY = ?,"
                            + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?", giveUp ? SmsStatus.FAILED : SmsStatus.PENDING,
                            attempts, err, next, Caller.SYSTEM_USERNAME, tx.now(), m.id());
                }
                tx.audit(Support.MODULE, "sms", m.id(), m.officeCode(), AuditAction.UPDATE,
                        Map.of("attempt", new Object[] {m.attempts(), attempts}, "result", new Object[] {null, err == null ? "SENT" : err}));
                return null;
            });
            if (err == null) {
                sent++;
            }
        }
        return sent;
    }

    static SmsMessage load(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLS + " FROM CTR_SMS WHERE ID = ?", SmsGatewayImpl::map, id)
                .orElseThrow(() -> Support.notFound("entity.sms", id));
    }

    static SmsMessage map(ResultSet rs) throws SQLException {
        return new SmsMessage(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("PHONE"), rs.getString("BODY"),
                rs.getString("SUBJECT_ID"), Rows.enumValue(rs, "STATUS", SmsStatus.class), rs.getInt("ATTEMPTS"),
                rs.getString("LAST_ERROR"), Rows.instant(rs, "NEXT_ATTEMPT_AT"), Rows.instant(rs, "SENT_AT"), rs.getString("GATEWAY"),
                Rows.instant(rs, "CREATED_AT"), Rows.meta(rs));
    }
}
