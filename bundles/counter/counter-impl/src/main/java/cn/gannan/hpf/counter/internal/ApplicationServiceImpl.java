package cn.gannan.hpf.counter.internal;

import static cn.gannan.hpf.counter.internal.Support.m;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.ApplicationService;
import cn.gannan.hpf.counter.api.ApplicationStatus;
import cn.gannan.hpf.counter.api.CalendarService;
import cn.gannan.hpf.counter.api.DocCondition;
import cn.gannan.hpf.counter.api.Records.AppDocument;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.Records.ApplicationDraft;
import cn.gannan.hpf.counter.api.Records.ApplicationQuery;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.DocumentRequirement;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.Notice;
import cn.gannan.hpf.counter.api.SmsGateway;
import cn.gannan.hpf.counter.api.rules.IdNumbers;
import cn.gannan.hpf.counter.api.rules.Masks;
import cn.gannan.hpf.counter.api.rules.PaymentRules;
import cn.gannan.hpf.counter.api.rules.TimeLimits;
import cn.gannan.hpf.counter.api.rules.WorkCalendar;

/** Applications (办件) from intake to closing; the rules of RULES.md §6 are checked here. */
@Component(service = ApplicationService.class, configurationPid = "cn.gannan.hpf.counter")
@Designate(ocd = CounterConfig.class)
public class ApplicationServiceImpl implements ApplicationService {

    static final String COLS = "ID, OFFICE_CODE, APP_NO, BUSINESS_CODE, APPLICANT_NAME, ID_NUMBER, PHONE, MARRIED, AGENT, STATUS,"
            + " OWNER, TICKET_ID, RECEIVED_AT, ACCEPTED_ON, CLOCK_START, LEGAL_DUE, PROMISED_DUE, APPROVED, DECISION_REASON,"
            + " DECIDED_BY, DECIDED_AT, DECIDED_ON, BALANCE, BASIS_AMOUNT, PAID_AMOUNT, PAID_AT, NOTIFIED_AT, CLOSED_AT, " + Rows.META;
    private static final String ENTITY = "entity.application";
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Database db;
    private final CalendarService calendar;
    private final OfficeService offices;
    private final UserService users;
    private volatile int warnDays;

    @Reference(cardinality = ReferenceCardinality.MANDATORY, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsGateway sms;

    @Activate
    public ApplicationServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference CalendarService calendar,
            @Reference OfficeService offices, @Reference UserService users, CounterConfig config) {
        this.db = db;
        this.calendar = calendar;
        this.offices = offices;
        this.users = users;
        migrations.migrate(Support.MODULE, ApplicationServiceImpl.class, Support.MIGRATIONS);
        modified(config);
    }

    @Modified
    void modified(CounterConfig config) {
        if (config.warnWorkingDays() < 0) {
            throw new IllegalArgumentException("warnWorkingDays must be >= 0");
        }
        this.warnDays = config.warnWorkingDays();
    }

    /** For tests: the gateway, as DS would bind it. */
    void bindSms(SmsGateway gateway) {
        this.sms = gateway;
    }

    @Override
    public Application create(Caller caller, ApplicationDraft draft) {
        caller.requireAnyRole(Support.CLERKS);
        if (draft == null) {
            throw Support.refused(null, "error.body.missing");
        }
        String office = Support.blankToNull(draft.officeCode()) == null ? caller.officeCode() : draft.officeCode().strip();
        caller.requireWrite(office);
        Validator v = new Validator();
        String code = v.text("businessCode", draft.businessCode(), 32, true);
        String name = v.text("applicantName", draft.applicantName(), 50, true);
        String id = IdNumbers.normalize(draft.idNumber());
        IdNumbers.check(id, LocalDate.now(Support.ZONE)).ifPresent(p -> v.check(false, "idNumber", m("error.idNumber." + p.name())));
        String phone = Support.blankToNull(draft.phone());
        if (phone != null && !phone.matches("1[3-9][0-9]{9}") && !phone.matches("0[0-9]{2,3}-?[0-9]{7,8}")) {
            v.check(false, "phone", m("error.phone.format", phone));
        }
        amount(v, "balance", draft.balance());
        amount(v, "basisAmount", draft.basisAmount());
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            BusinessType type = CatalogServiceImpl.loadType(tx, code);
            if (!type.active()) {
                throw Support.refused("businessCode", "error.type.inactive", type.nameZh());
            }
            String ticketId = Support.blankToNull(draft.ticketId());
            if (ticketId != null) {
                var t = QueueServiceImpl.load(tx, ticketId);
                if (!t.officeCode().equals(office)) {
                    throw Support.refused("ticketId", "error.ticket.otherOffice", t.number());
                }
            }
            int year = Support.day(tx.now()).getYear();
            long seq = tx.count("SELECT COALESCE(MAX(APP_SEQ), 0) FROM CTR_APPLICATION WHERE OFFICE_CODE = ? AND APP_YEAR = ?",
                    office, year) + 1;
            String number = office + "-" + year + "-" + String.format("%05d", seq);
            String appId = UUID.randomUUID().toString();
            StringBuilder cols = new StringBuilder("ID, OFFICE_CODE, APP_YEAR, APP_SEQ, APP_NO, BUSINESS_CODE, APPLICANT_NAME,"
                    + " ID_NUMBER, MARRIED, AGENT, STATUS, OWNER, RECEIVED_AT, " + Rows.META);
            List<Object> params = new ArrayList<>(Arrays.asList(appId, office, year, (int) seq, number, type.code(), name, id,
                    Support.flag(draft.marriedOrFalse()), Support.flag(draft.agentOrFalse()), ApplicationStatus.RECEIVED, caller.username(),
                    tx.now(), caller.username(), tx.now(), caller.username(), tx.now(), 1L));
            optional(cols, params, "PHONE", phone);
            optional(cols, params, "TICKET_ID", ticketId);
            optional(cols, params, "BALANCE", draft.balance());
            optional(cols, params, "BASIS_AMOUNT", draft.basisAmount());
            tx.update("INSERT INTO CTR_APPLICATION (" + cols + ") VALUES (" + "?, ".repeat(params.size() - 1) + "?)", params.toArray());
            int order = 0;
            for (DocumentRequirement d : CatalogServiceImpl.documents(tx, type.code())) {
                if (d.condition() == DocCondition.ALWAYS || d.condition() == DocCondition.MARRIED && draft.marriedOrFalse()
                        || d.condition() == DocCondition.AGENT && draft.agentOrFalse()) {
                    order += 10;
                    tx.update("INSERT INTO CTR_APP_DOC (ID, OFFICE_CODE, APPLICATION_ID, NAME, RECEIVED, SORT_ORDER, " + Rows.META
                            + ") VALUES (?,?,?,?,0,?,?,?,?,?,1)", UUID.randomUUID().toString(), office, appId, d.name(), order,
                            caller.username(), tx.now(), caller.username(), tx.now());
                }
            }
            Map<String, Object[]> c = new LinkedHashMap<>();
            c.put("number", new Object[] {null, number});
            c.put("businessCode", new Object[] {null, type.code()});
            c.put("applicant", new Object[] {null, Masks.name(name) + " " + Masks.idNumber(id)});
            c.put("owner", new Object[] {null, caller.username()});
            tx.audit(Support.MODULE, "application", appId, office, AuditAction.CREATE, c);
            QueueServiceImpl.recordHandOver(tx, caller, office, "APPLICATION", appId, null, caller.username(), "首问负责");
            return load(tx, appId);
        });
    }

    private static void optional(StringBuilder cols, List<Object> params, String col, Object value) {
        if (value != null) {
            cols.append(", ").append(col);
            params.add(value);
        }
    }

    private static void amount(Validator v, String field, BigDecimal a) {
        if (a != null && (a.signum() < 0 || a.stripTrailingZeros().scale() > 2 || a.compareTo(new BigDecimal("1000000000")) >= 0)) {
            v.check(false, field, m("error.amount.format", a.toPlainString()));
        }
    }

    @Override
    public Application get(Caller caller, String id) {
        Application a = db.read(caller, tx -> load(tx, id));
        caller.requireRead(a.officeCode());
        return a;
    }

    @Override
    public Page<Application> find(Caller caller, ApplicationQuery query, PageRequest page) {
        ApplicationQuery q = query == null ? ApplicationQuery.all() : query;
        String office = caller.scopeOffice(q.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND OFFICE_CODE = ?");
            params.add(office);
        }
        if (q.year() != null) {
            where.append(" AND APP_YEAR = ?");
            params.add(q.year());
        }
        if (Support.blankToNull(q.businessCode()) != null) {
            where.append(" AND BUSINESS_CODE = ?");
            params.add(q.businessCode().strip());
        }
        if (q.status() != null) {
            where.append(" AND STATUS = ?");
            params.add(q.status());
        }
        String text = Support.blankToNull(q.text());
        if (text != null) {
            where.append(" AND (APPLICANT_NAME LIKE ? OR APP_NO LIKE ? OR ID_NUMBER = ?)");
            params.add("%" + text + "%");
            params.add("%" + text + "%");
            params.add(text.toUpperCase(Locale.ROOT));
        }
        if (q.overdueOnly()) {
            where.append(" AND STATUS = 'ACCEPTED' AND PROMISED_DUE < ?");
            params.add(LocalDate.now(Support.ZONE));
        }
        PageRequest p = page == null ? PageRequest.first(50) : page;
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM CTR_APPLICATION" + where, params.toArray());
            List<Object> all = new ArrayList<>(params);
            all.add(p.offset());
            all.add(p.limit());
            List<Application> items = new ArrayList<>();
            for (Application a : tx.query("SELECT " + COLS + " FROM CTR_APPLICATION" + where
                    + " ORDER BY RECEIVED_AT DESC, APP_NO DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::mapBare, all.toArray())) {
                items.add(masked(a));
            }
            return new Page<>(items, p.offset(), p.limit(), total);
        });
    }

    /** Lists show personal data masked. */
    static Application masked(Application a) {
        return new Application(a.id(), a.officeCode(), a.number(), a.businessCode(), a.applicantName(), Masks.idNumber(a.idNumber()),
                Masks.phone(a.phone()), a.married(), a.agent(), a.status(), a.owner(), a.ticketId(), a.receivedAt(), a.acceptedOn(),
                a.clockStart(), a.legalDue(), a.promisedDue(), a.deadline(), a.approved(), a.decisionReason(), a.decidedBy(),
                a.decidedAt(), a.balance(), a.basisAmount(), a.paidAmount(), a.paidAt(), a.notifiedAt(), a.closedAt(), a.documents(),
                a.meta());
    }

    @Override
    public Application setDocument(Caller caller, String id, long expectedVersion, String documentId, boolean received,
            LocalDate receivedOn) {
        caller.requireAnyRole(Support.CLERKS);
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            requireStatus(a, ApplicationStatus.RECEIVED, ApplicationStatus.ACCEPTED);
            AppDocument doc = a.documents().stream().filter(d -> d.id().equals(documentId)).findFirst()
                    .orElseThrow(() -> Support.notFound("entity.document", documentId));
            LocalDate today = Support.day(tx.now());
            LocalDate on = receivedOn == null ? today : receivedOn;
            if (received && on.isAfter(today)) {
                throw Support.refused("receivedOn", "error.document.future", on);
            }
            if (received && on.isBefore(Support.day(a.receivedAt()))) {
                throw Support.refused("receivedOn", "error.document.beforeIntake", on, Support.day(a.receivedAt()));
            }
            if (received) {
                tx.update("UPDATE CTR_APP_DOC SET RECEIVED = 1, RECEIVED_ON = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                        + " WHERE ID = ?", on, caller.username(), tx.now(), documentId);
            } else {
                tx.update("UPDATE CTR_APP_DOC SET RECEIVED = 0, RECEIVED_ON = NULL, UPDATED_BY = ?, UPDATED_AT = ?,"
                        + " VERSION = VERSION + 1 WHERE ID = ?", caller.username(), tx.now(), documentId);
            }
            bump(tx, caller, a);
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE,
                    Map.of("document", new Object[] {doc.name() + (doc.received() ? " ✓" : " ✗"), doc.name() + (received ? " ✓ " + on : " ✗")}));
            recomputeClock(tx, id);
            return load(tx, id);
        });
    }

    /** Recomputes the clock start and due dates of an accepted application from its checklist. */
    private void recomputeClock(Tx tx, String id) throws SQLException {
        Application a = load(tx, id);
        if (a.status() != ApplicationStatus.ACCEPTED) {
            return;
        }
        int missing = a.missing().size();
        LocalDate last = a.documents().stream().filter(AppDocument::received).map(AppDocument::receivedOn)
                .filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
        LocalDate start = TimeLimits.clockStart(a.acceptedOn(), missing, last);
        BusinessType type = CatalogServiceImpl.loadType(tx, a.businessCode());
        WorkCalendar cal = calendar.calendar();
        if (start == null) {
            tx.update("UPDATE CTR_APPLICATION SET CLOCK_START = NULL, LEGAL_DUE = NULL, PROMISED_DUE = NULL WHERE ID = ?", id);
        } else {
            tx.update("UPDATE CTR_APPLICATION SET CLOCK_START = ?, LEGAL_DUE = ?, PROMISED_DUE = ? WHERE ID = ?", start,
                    TimeLimits.dueDate(cal, start, type.legalDays()), TimeLimits.dueDate(cal, start, type.promisedDays()), id);
        }
    }

    @Override
    public Notice issueNotice(Caller caller, String id) {
        caller.requireAnyRole(Support.CLERKS);
        return db.tx(caller, tx -> {
            Application a = load(tx, id);
            caller.requireWrite(a.officeCode());
            requireStatus(a, ApplicationStatus.RECEIVED, ApplicationStatus.ACCEPTED);
            List<String> missing = a.missing();
            if (missing.isEmpty()) {
                throw Support.refused(null, "error.notice.nothingMissing", a.number());
            }
            long n = tx.count("SELECT COUNT(*) FROM CTR_NOTICE WHERE APPLICATION_ID = ?", id) + 1;
            String number = a.number() + "-" + n;
            String noticeId = UUID.randomUUID().toString();
            tx.update("INSERT INTO CTR_NOTICE (ID, OFFICE_CODE, APPLICATION_ID, NOTICE_NO, ITEMS, " + Rows.META
                    + ") VALUES (?,?,?,?,?,?,?,?,?,1)", noticeId, a.officeCode(), id, number, String.join("\n", missing),
                    caller.username(), tx.now(), caller.username(), tx.now());
            tx.audit(Support.MODULE, "notice", noticeId, a.officeCode(), AuditAction.CREATE,
                    Map.of("application", new Object[] {null, a.number()}, "items", new Object[] {null, String.join("、", missing)}));
            if (a.phone() != null && a.phone().startsWith("1")) {
                sms.send(caller, a.officeCode(), a.phone(), m("sms.notice", a.number(), typeName(tx, a), String.join("、", missing))
                        .format(Msg.ZH_CN), id);
            }
            return loadNotice(tx, noticeId);
        });
    }

    @Override
    public List<Notice> notices(Caller caller, String id) {
        get(caller, id);
        return db.read(caller, tx -> tx.query("SELECT ID, APPLICATION_ID, NOTICE_NO, CREATED_AT, CREATED_BY, ITEMS FROM CTR_NOTICE"
                + " WHERE APPLICATION_ID = ? ORDER BY CREATED_AT", ApplicationServiceImpl::mapNotice, id));
    }

    private static Notice loadNotice(Tx tx, String noticeId) throws SQLException {
        return tx.queryOne("SELECT ID, APPLICATION_ID, NOTICE_NO, CREATED_AT, CREATED_BY, ITEMS FROM CTR_NOTICE WHERE ID = ?",
                ApplicationServiceImpl::mapNotice, noticeId).orElseThrow(() -> Support.notFound("entity.notice", noticeId));
    }

    @Override
    public PrintDocument noticeDocument(Caller caller, String noticeId, Locale locale) {
        Locale l = locale == null ? Msg.ZH_CN : locale;
        return db.read(caller, tx -> {
            Notice n = loadNotice(tx, noticeId);
            Application a = load(tx, n.applicationId());
            caller.requireRead(a.officeCode());
            String office = offices.find(a.officeCode()).map(o -> o.name(l)).orElse(a.officeCode());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < n.items().size(); i++) {
                rows.add(List.of(String.valueOf(i + 1), n.items().get(i)));
            }
            List<PrintDocument.Block> blocks = new ArrayList<>();
            blocks.add(new PrintDocument.Field(m("print.applicant").format(l), a.applicantName() + "（" + Masks.idNumber(a.idNumber()) + "）"));
            blocks.add(new PrintDocument.Field(m("print.business").format(l), typeName(tx, a, l)));
            blocks.add(new PrintDocument.Field(m("print.applicationNo").format(l), a.number()));
            blocks.add(new PrintDocument.Paragraph(m("print.notice.intro", n.items().size()).format(l)));
            blocks.add(new PrintDocument.Table(List.of(m("print.no").format(l), m("print.item").format(l)), rows));
            blocks.add(new PrintDocument.Paragraph(m("print.notice.outro").format(l)));
            blocks.add(new PrintDocument.Field(m("print.issuedAt").format(l), ZH_DATE.format(Support.day(n.issuedAt()))));
            blocks.add(new PrintDocument.Signatures(m("print.signatures").format(l),
                    List.of(m("print.clerk").format(l) + "：" + n.issuedBy(), m("print.applicantSign").format(l) + "："), List.of("", "")));
            return new PrintDocument(office, m("print.notice.title").format(l), n.number(), blocks);
        });
    }

    @Override
    public Application accept(Caller caller, String id, long expectedVersion, LocalDate acceptedOn) {
        caller.requireAnyRole(Support.CLERKS);
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            requireStatus(a, ApplicationStatus.RECEIVED);
            LocalDate today = Support.day(tx.now());
            LocalDate on = acceptedOn == null ? today : acceptedOn;
            if (on.isAfter(today) || on.isBefore(Support.day(a.receivedAt()))) {
                throw Support.refused("acceptedOn", "error.accept.date", on, Support.day(a.receivedAt()), today);
            }
            List<String> missing = a.missing();
            if (!missing.isEmpty()) {
                List<Notice> notices = tx.query("SELECT ID, APPLICATION_ID, NOTICE_NO, CREATED_AT, CREATED_BY, ITEMS FROM CTR_NOTICE"
                        + " WHERE APPLICATION_ID = ? ORDER BY CREATED_AT DESC", ApplicationServiceImpl::mapNotice, id);
                if (notices.isEmpty() || !notices.get(0).items().containsAll(missing)) {
                    throw Support.refused(null, "error.accept.noticeFirst", missing.size(), String.join("、", missing));
                }
            }
            int rows = tx.update("UPDATE CTR_APPLICATION SET STATUS = ?, ACCEPTED_ON = ?, ACCEPTED_AT = ?, UPDATED_BY = ?,"
                    + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", ApplicationStatus.ACCEPTED, on, tx.now(),
                    caller.username(), tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_APPLICATION", id, ENTITY);
            recomputeClock(tx, id);
            Application after = load(tx, id);
            Map<String, Object[]> c = new LinkedHashMap<>();
            c.put("status", new Object[] {a.status(), ApplicationStatus.ACCEPTED});
            c.put("acceptedOn", new Object[] {null, on});
            c.put("legalDue", new Object[] {null, after.legalDue()});
            c.put("promisedDue", new Object[] {null, after.promisedDue()});
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE, c);
            return after;
        });
    }

    @Override
    public Application decide(Caller caller, String id, long expectedVersion, boolean approve, String reason) {
        caller.requireAnyRole(Support.CLERKS);
        String why = Support.blankToNull(reason);
        if (!approve && (why == null || why.length() < 4)) {
            throw Support.refused("reason", "error.decide.reasonRequired", 4);
        }
        if (why != null && why.length() > 1000) {
            throw Support.refused("reason", "error.text.tooLong", 1000, why.length());
        }
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            requireStatus(a, ApplicationStatus.ACCEPTED);
            if (!a.missing().isEmpty()) {
                throw Support.refused(null, "error.decide.missing", a.missing().size(), String.join("、", a.missing()));
            }
            ApplicationStatus to = approve ? ApplicationStatus.APPROVED : ApplicationStatus.REFUSED;
            List<Object> params = new ArrayList<>(List.of(to, Support.flag(approve), caller.username(), tx.now(), Support.day(tx.now())));
            String reasonSet = "";
            if (why != null) {
                reasonSet = ", DECISION_REASON = ?";
                params.add(why);
            }
            params.addAll(List.of(caller.username(), tx.now(), id, expectedVersion));
            int rows = tx.update("UPDATE CTR_APPLICATION SET STATUS = ?, APPROVED = ?, DECIDED_BY = ?, DECIDED_AT = ?, DECIDED_ON = ?"
                    + reasonSet + ", UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", params.toArray());
            Support.requireUpdated(tx, rows, "CTR_APPLICATION", id, ENTITY);
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {a.status(), to}, "reason", new Object[] {null, why}));
            return load(tx, id);
        });
    }

    @Override
    public Application pay(Caller caller, String id, long expectedVersion, BigDecimal amount) {
        caller.requireAnyRole(Support.CLERKS);
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            requireStatus(a, ApplicationStatus.APPROVED);
            BusinessType type = CatalogServiceImpl.loadType(tx, a.businessCode());
            List<PaymentRules.Violation> violations = PaymentRules.check(type.paymentCap(), amount, a.balance(), a.basisAmount());
            if (!violations.isEmpty()) {
                List<String> parts = new ArrayList<>();
                Msg first = null;
                for (PaymentRules.Violation v : violations) {
                    Msg msg = m("error.pay." + v.code().name(), amount == null ? "" : money(amount),
                            v.limit() == null ? "" : money(v.limit()), m("PaymentCap." + type.paymentCap().name()), type.nameZh());
                    parts.add(msg.format(Msg.ZH_CN));
                    first = first == null ? msg : first;
                }
                throw new ValidationException(violations.size() == 1 ? first : m("error.pay.several", violations.size()),
                        Map.of("amount", first));
            }
            int rows = tx.update("UPDATE CTR_APPLICATION SET STATUS = ?, PAID_AMOUNT = ?, PAID_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", ApplicationStatus.PAID, amount, tx.now(), caller.username(),
                    tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_APPLICATION", id, ENTITY);
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {a.status(), ApplicationStatus.PAID}, "paidAmount", new Object[] {null, amount}));
            return load(tx, id);
        });
    }

    @Override
    public Application notifyApplicant(Caller caller, String id, long expectedVersion) {
        caller.requireAnyRole(Support.CLERKS);
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            requireStatus(a, ApplicationStatus.APPROVED, ApplicationStatus.REFUSED, ApplicationStatus.PAID);
            if (a.phone() == null || !a.phone().startsWith("1")) {
                throw Support.refused("phone", "error.notify.noMobile", a.number());
            }
            String text = switch (a.status()) {
                case PAID -> m("sms.paid", a.applicantName(), typeName(tx, a), money(a.paidAmount())).format(Msg.ZH_CN);
                case APPROVED -> m("sms.approved", a.applicantName(), typeName(tx, a), a.number()).format(Msg.ZH_CN);
                default -> m("sms.refused", a.applicantName(), typeName(tx, a), a.decisionReason()).format(Msg.ZH_CN);
            };
            sms.send(caller, a.officeCode(), a.phone(), text, id);
            int rows = tx.update("UPDATE CTR_APPLICATION SET NOTIFIED_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", tx.now(), caller.username(), tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_APPLICATION", id, ENTITY);
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE,
                    Map.of("notifiedAt", new Object[] {a.notifiedAt(), tx.now()}));
            return load(tx, id);
        });
    }

    @Override
    public Application close(Caller caller, String id, long expectedVersion) {
        caller.requireAnyRole(Support.CLERKS);
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            BusinessType type = CatalogServiceImpl.loadType(tx, a.businessCode());
            boolean payable = type.paymentCap() != PaymentRules.Cap.NONE;
            boolean done = a.status() == ApplicationStatus.REFUSED || a.status() == ApplicationStatus.PAID
                    || a.status() == ApplicationStatus.APPROVED && !payable;
            if (!done) {
                throw Support.refused(null, "error.close.notDone", a.number(), m("ApplicationStatus." + a.status().name()),
                        m(payable ? "close.needs.payment" : "close.needs.decision"));
            }
            if (a.owner() == null || a.owner().isBlank()) {
                throw Support.refused(null, "error.owner.missing", a.number());
            }
            if (a.notifiedAt() == null && a.phone() != null) {
                throw Support.refused(null, "error.close.notNotified", a.number());
            }
            int rows = tx.update("UPDATE CTR_APPLICATION SET STATUS = ?, CLOSED_AT = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", ApplicationStatus.CLOSED, tx.now(), caller.username(),
                    tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_APPLICATION", id, ENTITY);
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {a.status(), ApplicationStatus.CLOSED}));
            return load(tx, id);
        });
    }

    @Override
    public Application handOver(Caller caller, String id, long expectedVersion, String toUser, String note) {
        caller.requireAnyRole(Support.CLERKS);
        String to = Support.blankToNull(toUser);
        if (to == null) {
            throw Support.refused("toUser", "error.handover.toUser");
        }
        return db.tx(caller, tx -> {
            Application a = writable(tx, caller, id, expectedVersion);
            if (a.status() == ApplicationStatus.CLOSED) {
                throw Support.refused(null, "error.application.closed", a.number());
            }
            QueueServiceImpl.checkUser(users, a.officeCode(), to, a.owner());
            int rows = tx.update("UPDATE CTR_APPLICATION SET OWNER = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", to, caller.username(), tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_APPLICATION", id, ENTITY);
            QueueServiceImpl.recordHandOver(tx, caller, a.officeCode(), "APPLICATION", id, a.owner(), to, Support.blankToNull(note));
            tx.audit(Support.MODULE, "application", id, a.officeCode(), AuditAction.UPDATE, Map.of("owner", new Object[] {a.owner(), to}));
            return load(tx, id);
        });
    }

    @Override
    public List<HandOver> handOvers(Caller caller, String id) {
        get(caller, id);
        return db.read(caller, tx -> QueueServiceImpl.handOvers(tx, id));
    }

    @Override
    public List<Application> overdue(Caller caller, String officeCode) {
        return open(caller, officeCode).stream().filter(a -> a.deadline() == TimeLimits.State.OVERDUE).toList();
    }

    @Override
    public List<Application> dueSoon(Caller caller, String officeCode) {
        return open(caller, officeCode).stream()
                .filter(a -> a.deadline() == TimeLimits.State.DUE_SOON || a.deadline() == TimeLimits.State.DUE_TODAY).toList();
    }

    private List<Application> open(Caller caller, String officeCode) {
        String office = caller.scopeOffice(officeCode);
        return db.read(caller, tx -> tx.query("SELECT " + COLS + " FROM CTR_APPLICATION WHERE STATUS = 'ACCEPTED'"
                + (office == null ? "" : " AND OFFICE_CODE = ?") + " ORDER BY PROMISED_DUE, APP_NO", this::mapBare,
                office == null ? new Object[0] : new Object[] {office})).stream().map(ApplicationServiceImpl::masked).toList();
    }

    // --- helpers ---

    private Application writable(Tx tx, Caller caller, String id, long expectedVersion) throws SQLException {
        Application a = load(tx, id);
        caller.requireWrite(a.officeCode());
        Support.requireVersion(a.meta().version(), expectedVersion, ENTITY);
        return a;
    }

    private static void requireStatus(Application a, ApplicationStatus... allowed) {
        if (!Arrays.asList(allowed).contains(a.status())) {
            StringBuilder names = new StringBuilder();
            for (ApplicationStatus s : allowed) {
                names.append(names.length() == 0 ? "" : "、").append(m("ApplicationStatus." + s.name()).format(Msg.ZH_CN));
            }
            throw Support.refused(null, "error.application.status", a.number(), m("ApplicationStatus." + a.status().name()),
                    names.toString());
        }
    }

    private static void bump(Tx tx, Caller caller, Application a) throws SQLException {
        int rows = tx.update("UPDATE CTR_APPLICATION SET UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                caller.username(), tx.now(), a.id(), a.meta().version());
        Support.requireUpdated(tx, rows, "CTR_APPLICATION", a.id(), ENTITY);
    }

    private static String typeName(Tx tx, Application a) throws SQLException {
        return CatalogServiceImpl.loadType(tx, a.businessCode()).nameZh();
    }

    private static String typeName(Tx tx, Application a, Locale l) throws SQLException {
        return CatalogServiceImpl.loadType(tx, a.businessCode()).name(l);
    }

    static String money(BigDecimal b) {
        return b == null ? "" : new DecimalFormat("#,##0.00").format(b);
    }

    Application load(Tx tx, String id) throws SQLException {
        Application a = tx.queryOne("SELECT " + COLS + " FROM CTR_APPLICATION WHERE ID = ?", this::mapBare, id)
                .orElseThrow(() -> Support.notFound(ENTITY, id));
        List<AppDocument> docs = tx.query("SELECT ID, NAME, RECEIVED, RECEIVED_ON, SORT_ORDER FROM CTR_APP_DOC WHERE APPLICATION_ID = ?"
                + " ORDER BY SORT_ORDER", rs -> new AppDocument(rs.getString("ID"), rs.getString("NAME"), rs.getInt("RECEIVED") == 1,
                        Rows.date(rs, "RECEIVED_ON"), rs.getInt("SORT_ORDER")), id);
        return withDocs(a, docs);
    }

    private static Application withDocs(Application a, List<AppDocument> docs) {
        return new Application(a.id(), a.officeCode(), a.number(), a.businessCode(), a.applicantName(), a.idNumber(), a.phone(),
                a.married(), a.agent(), a.status(), a.owner(), a.ticketId(), a.receivedAt(), a.acceptedOn(), a.clockStart(),
                a.legalDue(), a.promisedDue(), a.deadline(), a.approved(), a.decisionReason(), a.decidedBy(), a.decidedAt(),
                a.balance(), a.basisAmount(), a.paidAmount(), a.paidAt(), a.notifiedAt(), a.closedAt(), List.copyOf(docs), a.meta());
    }

    /** A row without its checklist; the deadline state against the promised due date. */
    Application mapBare(ResultSet rs) throws SQLException {
        int ap = rs.getInt("APPROVED");
        Boolean approved = rs.wasNull() ? null : ap == 1;
        ApplicationStatus status = Rows.enumValue(rs, "STATUS", ApplicationStatus.class);
        LocalDate promised = Rows.date(rs, "PROMISED_DUE");
        LocalDate decidedOn = Rows.date(rs, "DECIDED_ON");
        TimeLimits.State state = status == ApplicationStatus.RECEIVED ? TimeLimits.State.CLOCK_STOPPED
                : TimeLimits.state(calendar.calendar(), LocalDate.now(Support.ZONE), promised, decidedOn, warnDays);
        return new Application(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("APP_NO"), rs.getString("BUSINESS_CODE"),
                rs.getString("APPLICANT_NAME"), rs.getString("ID_NUMBER"), rs.getString("PHONE"), rs.getInt("MARRIED") == 1,
                rs.getInt("AGENT") == 1, status, rs.getString("OWNER"), rs.getString("TICKET_ID"), Rows.instant(rs, "RECEIVED_AT"),
                Rows.date(rs, "ACCEPTED_ON"), Rows.date(rs, "CLOCK_START"), Rows.date(rs, "LEGAL_DUE"), promised, state, approved,
                rs.getString("DECISION_REASON"), rs.getString("DECIDED_BY"), Rows.instant(rs, "DECIDED_AT"), rs.getBigDecimal("BALANCE"),
                rs.getBigDecimal("BASIS_AMOUNT"), rs.getBigDecimal("PAID_AMOUNT"), Rows.instant(rs, "PAID_AT"),
                Rows.instant(rs, "NOTIFIED_AT"), Rows.instant(rs, "CLOSED_AT"), List.of(), Rows.meta(rs));
    }

    static Notice mapNotice(ResultSet rs) throws SQLException {
        return new Notice(rs.getString("ID"), rs.getString("APPLICATION_ID"), rs.getString("NOTICE_NO"), Rows.instant(rs, "CREATED_AT"),
                rs.getString("CREATED_BY"), List.of(rs.getString("ITEMS").split("\n")));
    }
}
