package cn.gannan.hpf.counter.internal;

import static cn.gannan.hpf.counter.internal.Support.m;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.DocCondition;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.BusinessTypeDraft;
import cn.gannan.hpf.counter.api.Records.DocumentRequirement;
import cn.gannan.hpf.counter.api.Records.DocumentRequirementDraft;
import cn.gannan.hpf.counter.api.Records.ServiceWindow;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;
import cn.gannan.hpf.counter.api.rules.PaymentRules.Cap;
import cn.gannan.hpf.counter.api.rules.TimeLimits;

/** The catalogue: seeded on first activation with the centre's business types and documents. */
@Component(service = CatalogService.class)
public class CatalogServiceImpl implements CatalogService {

    private static final String TYPE_COLS = "ID, CODE, NAME_ZH, NAME_EN, LEGAL_DAYS, PROMISED_DAYS, PAYMENT_CAP, TICKET_PREFIX,"
            + " ACTIVE, SORT_ORDER, " + Rows.META;
    private static final String DOC_COLS = "ID, BUSINESS_CODE, NAME, CONDITION_CODE, SORT_ORDER, " + Rows.META;
    private static final String WIN_COLS = "ID, OFFICE_CODE, WINDOW_NO, NAME, BUSINESS_CODES, ACTIVE, " + Rows.META;

    private final Database db;
    private final OfficeService offices;

    @Activate
    public CatalogServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices) {
        this.db = db;
        this.offices = offices;
        migrations.migrate(Support.MODULE, CatalogServiceImpl.class, Support.MIGRATIONS);
        seed();
    }

    /** The shipped catalogue, written once (the centre maintains it afterwards). */
    private void seed() {
        Caller system = Caller.system(offices.current().code());
        db.tx(system, tx -> {
            if (tx.count("SELECT COUNT(*) FROM CTR_BUSINESS_TYPE") > 0) {
                return null;
            }
            int order = 0;
            for (Object[] t : SEED) {
                order += 10;
                String code = (String) t[0];
                BusinessTypeDraft d = new BusinessTypeDraft(code, (String) t[1], (String) t[2], (Integer) t[3], (Integer) t[4],
                        (Cap) t[5], (String) t[6], true, order);
                insertType(tx, system, d);
                int docOrder = 0;
                for (String doc : (String[]) t[7]) {
                    docOrder += 10;
                    DocCondition c = DocCondition.ALWAYS;
                    String name = doc;
                    if (doc.startsWith("M:")) {
                        c = DocCondition.MARRIED;
                        name = doc.substring(2);
                    } else if (doc.startsWith("A:")) {
                        c = DocCondition.AGENT;
                        name = doc.substring(2);
                    }
                    insertDoc(tx, system, new DocumentRequirementDraft(code, name, c, docOrder));
                }
            }
            return null;
        });
    }

    private static final String ID = "本人身份证";
    private static final String CARD = "本人银行借记卡";
    private static final String SPOUSE = "M:配偶身份证及结婚证";
    private static final String AGENT = "A:受托人身份证及授权委托书";
    /** code, zh, en, legal, promised, cap, prefix, documents (M: married only, A: agent only). */
    static final Object[][] SEED = {
        {"PURCHASE", "购房提取", "Home purchase withdrawal", 3, 1, Cap.PRICE_PAID, "A",
            new String[] {ID, SPOUSE, "购房合同（已备案）", "购房发票或不动产权证书及契税完税凭证", CARD, AGENT}},
        {"RENT", "租房提取", "Rent withdrawal", 3, 1, Cap.RENT_PAID, "B",
            new String[] {ID, SPOUSE, "无房证明", "房屋租赁合同及租金发票", CARD, AGENT}},
        {"LOAN_REPAY", "偿还贷款提取", "Loan repayment withdrawal", 3, 1, Cap.LOAN_OUTSTANDING, "C",
            new String[] {ID, SPOUSE, "借款合同", "银行还款明细", CARD, AGENT}},
        {"RETIRE", "退休提取", "Retirement withdrawal", 3, 0, Cap.BALANCE, "D",
            new String[] {ID, "退休证明", CARD, AGENT}},
        {"LEAVE", "离职/销户提取", "Leaving / account closure withdrawal", 3, 1, Cap.BALANCE, "D",
            new String[] {ID, "解除劳动合同证明", CARD, AGENT}},
        {"LOAN", "贷款申请", "Loan application", 15, 10, Cap.NONE, "E",
            new String[] {ID, SPOUSE, "户口簿", "收入证明", "购房合同", "首付款发票", AGENT}},
        {"REGISTER", "缴存登记", "Deposit registration", 3, 0, Cap.NONE, "F",
            new String[] {"单位登记表（加盖公章）", "营业执照或组织机构代码证", "经办人身份证"}},
        {"TRANSFER", "转移接续", "Account transfer", 3, 1, Cap.NONE, "F",
            new String[] {ID, "转移接续联系函"}},
        {"CHANGE", "信息变更", "Information change", 3, 0, Cap.NONE, "F",
            new String[] {ID, "变更证明材料"}},
        {"ENQUIRY", "咨询", "Enquiry", 0, 0, Cap.NONE, "G", new String[] {}},
    };

    @Override
    public List<BusinessType> types(Caller caller, boolean includeInactive) {
        return db.read(caller, tx -> tx.query("SELECT " + TYPE_COLS + " FROM CTR_BUSINESS_TYPE"
                + (includeInactive ? "" : " WHERE ACTIVE = 1") + " ORDER BY SORT_ORDER, CODE", CatalogServiceImpl::mapType));
    }

    @Override
    public BusinessType type(Caller caller, String code) {
        return db.read(caller, tx -> loadType(tx, code));
    }

    static BusinessType loadType(Tx tx, String code) throws SQLException {
        return tx.queryOne("SELECT " + TYPE_COLS + " FROM CTR_BUSINESS_TYPE WHERE CODE = ?", CatalogServiceImpl::mapType, code)
                .orElseThrow(() -> Support.notFound("entity.businessType", code));
    }

    @Override
    public BusinessType createType(Caller caller, BusinessTypeDraft draft) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        BusinessTypeDraft d = validate(draft);
        return db.tx(caller, tx -> {
            if (tx.count("SELECT COUNT(*) FROM CTR_BUSINESS_TYPE WHERE CODE = ?", d.code()) > 0) {
                throw Support.refused("code", "error.type.duplicate", d.code());
            }
            String id = insertType(tx, caller, d);
            return tx.queryOne("SELECT " + TYPE_COLS + " FROM CTR_BUSINESS_TYPE WHERE ID = ?", CatalogServiceImpl::mapType, id)
                    .orElseThrow();
        });
    }

    private String insertType(Tx tx, Caller caller, BusinessTypeDraft d) throws SQLException {
        String id = UUID.randomUUID().toString();
        String office = centralOffice();
        tx.update("INSERT INTO CTR_BUSINESS_TYPE (ID, OFFICE_CODE, CODE, NAME_ZH, NAME_EN, LEGAL_DAYS, PROMISED_DAYS, PAYMENT_CAP,"
                + " TICKET_PREFIX, ACTIVE, SORT_ORDER, " + Rows.META + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)", id, office,
                d.code(), d.nameZh(), d.nameEn(), d.legalDays(), d.promisedDays(), d.paymentCap(), d.ticketPrefix(),
                Support.flag(d.active()), d.sortOrder(), caller.username(), tx.now(), caller.username(), tx.now());
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("code", new Object[] {null, d.code()});
        c.put("name", new Object[] {null, d.nameZh()});
        c.put("legalDays", new Object[] {null, d.legalDays()});
        c.put("promisedDays", new Object[] {null, d.promisedDays()});
        c.put("paymentCap", new Object[] {null, d.paymentCap()});
        tx.audit(Support.MODULE, "businessType", id, office, AuditAction.CREATE, c);
        return id;
    }

    @Override
    public BusinessType updateType(Caller caller, String id, long expectedVersion, BusinessTypeDraft draft) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        BusinessTypeDraft d = validate(draft);
        return db.tx(caller, tx -> {
            BusinessType old = tx.queryOne("SELECT " + TYPE_COLS + " FROM CTR_BUSINESS_TYPE WHERE ID = ?",
                    CatalogServiceImpl::mapType, id).orElseThrow(() -> Support.notFound("entity.businessType", id));
            if (!old.code().equals(d.code())) {
                throw Support.refused("code", "error.type.codeFixed", old.code());
            }
            int rows = tx.update("UPDATE CTR_BUSINESS_TYPE SET NAME_ZH = ?, NAME_EN = ?, LEGAL_DAYS = ?, PROMISED_DAYS = ?,"
                    + " PAYMENT_CAP = ?, TICKET_PREFIX = ?, ACTIVE = ?, SORT_ORDER = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.nameZh(), d.nameEn(), d.legalDays(),
                    d.promisedDays(), d.paymentCap(), d.ticketPrefix(), Support.flag(d.active()), d.sortOrder(),
                    caller.username(), tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_BUSINESS_TYPE", id, "entity.businessType");
            Map<String, Object[]> c = new LinkedHashMap<>();
            diff(c, "nameZh", old.nameZh(), d.nameZh());
            diff(c, "nameEn", old.nameEn(), d.nameEn());
            diff(c, "legalDays", old.legalDays(), d.legalDays());
            diff(c, "promisedDays", old.promisedDays(), d.promisedDays());
            diff(c, "paymentCap", old.paymentCap(), d.paymentCap());
            diff(c, "ticketPrefix", old.ticketPrefix(), d.ticketPrefix());
            diff(c, "active", old.active(), d.active());
            diff(c, "sortOrder", old.sortOrder(), d.sortOrder());
            tx.audit(Support.MODULE, "businessType", id, centralOffice(), AuditAction.UPDATE, c);
            return loadType(tx, d.code());
        });
    }

    private BusinessTypeDraft validate(BusinessTypeDraft draft) {
        if (draft == null) {
            throw Support.refused(null, "error.body.missing");
        }
        Validator v = new Validator();
        String code = v.text("code", draft.code(), 32, true);
        if (code != null && !code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            v.check(false, "code", m("error.type.codeFormat", code));
        }
        String zh = v.text("nameZh", draft.nameZh(), 100, true);
        String en = v.text("nameEn", draft.nameEn(), 100, true);
        v.required("paymentCap", draft.paymentCap());
        String prefix = v.text("ticketPrefix", draft.ticketPrefix(), 2, true);
        if (prefix != null && !prefix.matches("[A-Z]{1,2}")) {
            v.check(false, "ticketPrefix", m("error.type.prefix", prefix));
        }
        TimeLimits.checkLimits(draft.legalDays(), draft.promisedDays()).ifPresent(p -> v.check(false, "promisedDays",
                m("error.limits." + p.name(), draft.legalDays(), draft.promisedDays())));
        if (draft.legalDays() > 60) {
            v.check(false, "legalDays", m("error.limits.tooLong", draft.legalDays(), 60));
        }
        v.throwIfInvalid();
        return new BusinessTypeDraft(code, zh, en, draft.legalDays(), draft.promisedDays(), draft.paymentCap(), prefix,
                draft.active(), draft.sortOrder());
    }

    @Override
    public List<DocumentRequirement> documents(Caller caller, String businessCode) {
        return db.read(caller, tx -> documents(tx, businessCode));
    }

    static List<DocumentRequirement> documents(Tx tx, String businessCode) throws SQLException {
        return tx.query("SELECT " + DOC_COLS + " FROM CTR_DOC_REQ WHERE BUSINESS_CODE = ? ORDER BY SORT_ORDER, NAME",
                CatalogServiceImpl::mapDoc, businessCode);
    }

    @Override
    public DocumentRequirement addDocument(Caller caller, DocumentRequirementDraft draft) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        if (draft == null) {
            throw Support.refused(null, "error.body.missing");
        }
        String code = v.text("businessCode", draft.businessCode(), 32, true);
        String name = v.text("name", draft.name(), 200, true);
        v.required("condition", draft.condition());
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            loadType(tx, code);
            String id = insertDoc(tx, caller, new DocumentRequirementDraft(code, name, draft.condition(), draft.sortOrder()));
            return tx.queryOne("SELECT " + DOC_COLS + " FROM CTR_DOC_REQ WHERE ID = ?", CatalogServiceImpl::mapDoc, id).orElseThrow();
        });
    }

    private String insertDoc(Tx tx, Caller caller, DocumentRequirementDraft d) throws SQLException {
        String id = UUID.randomUUID().toString();
        tx.update("INSERT INTO CTR_DOC_REQ (ID, OFFICE_CODE, BUSINESS_CODE, NAME, CONDITION_CODE, SORT_ORDER, " + Rows.META
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,1)", id, centralOffice(), d.businessCode(), d.name(), d.condition(), d.sortOrder(),
                caller.username(), tx.now(), caller.username(), tx.now());
        tx.audit(Support.MODULE, "documentRequirement", id, centralOffice(), AuditAction.CREATE,
                Map.of("businessCode", new Object[] {null, d.businessCode()}, "name", new Object[] {null, d.name()},
                        "condition", new Object[] {null, d.condition()}));
        return id;
    }

    @Override
    public void removeDocument(Caller caller, String id, long expectedVersion) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        db.tx(caller, tx -> {
            DocumentRequirement old = tx.queryOne("SELECT " + DOC_COLS + " FROM CTR_DOC_REQ WHERE ID = ?",
                    CatalogServiceImpl::mapDoc, id).orElseThrow(() -> Support.notFound("entity.documentRequirement", id));
            int rows = tx.update("DELETE FROM CTR_DOC_REQ WHERE ID = ? AND VERSION = ?", id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_DOC_REQ", id, "entity.documentRequirement");
            tx.audit(Support.MODULE, "documentRequirement", id, centralOffice(), AuditAction.DELETE,
                    Map.of("businessCode", new Object[] {old.businessCode(), null}, "name", new Object[] {old.name(), null}));
            return null;
        });
    }

    @Override
    public List<ServiceWindow> windows(Caller caller, String officeCode) {
        String office = officeCode == null || officeCode.isBlank() ? caller.officeCode() : officeCode;
        caller.requireRead(office);
        return db.read(caller, tx -> windows(tx, office));
    }

    static List<ServiceWindow> windows(Tx tx, String office) throws SQLException {
        return tx.query("SELECT " + WIN_COLS + " FROM CTR_WINDOW WHERE OFFICE_CODE = ? ORDER BY WINDOW_NO",
                CatalogServiceImpl::mapWindow, office);
    }

    @Override
    public ServiceWindow createWindow(Caller caller, ServiceWindowDraft draft) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        ServiceWindowDraft d = validate(caller, draft);
        caller.requireWrite(d.officeCode());
        return db.tx(caller, tx -> {
            checkWindow(tx, null, d);
            String id = insertWindow(tx, caller, d);
            return loadWindow(tx, id);
        });
    }

    String insertWindow(Tx tx, Caller caller, ServiceWindowDraft d) throws SQLException {
        String id = UUID.randomUUID().toString();
        tx.update("INSERT INTO CTR_WINDOW (ID, OFFICE_CODE, WINDOW_NO, NAME, BUSINESS_CODES, ACTIVE, " + Rows.META
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,1)", id, d.officeCode(), d.number(), d.name(), String.join(",", d.businessCodes()),
                Support.flag(d.active()), caller.username(), tx.now(), caller.username(), tx.now());
        tx.audit(Support.MODULE, "window", id, d.officeCode(), AuditAction.CREATE, Map.of("number", new Object[] {null, d.number()},
                "name", new Object[] {null, d.name()}, "businessCodes", new Object[] {null, String.join(",", d.businessCodes())}));
        return id;
    }

    @Override
    public ServiceWindow updateWindow(Caller caller, String id, long expectedVersion, ServiceWindowDraft draft) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        ServiceWindowDraft d = validate(caller, draft);
        return db.tx(caller, tx -> {
            ServiceWindow old = loadWindow(tx, id);
            caller.requireWrite(old.officeCode());
            if (!old.officeCode().equals(d.officeCode())) {
                throw Support.refused("officeCode", "error.window.officeFixed");
            }
            checkWindow(tx, id, d);
            int rows = tx.update("UPDATE CTR_WINDOW SET WINDOW_NO = ?, NAME = ?, BUSINESS_CODES = ?, ACTIVE = ?, UPDATED_BY = ?,"
                    + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.number(), d.name(),
                    String.join(",", d.businessCodes()), Support.flag(d.active()), caller.username(), tx.now(), id, expectedVersion);
            Support.requireUpdated(tx, rows, "CTR_WINDOW", id, "entity.window");
            Map<String, Object[]> c = new LinkedHashMap<>();
            diff(c, "number", old.number(), d.number());
            diff(c, "name", old.name(), d.name());
            diff(c, "businessCodes", String.join(",", old.businessCodes()), String.join(",", d.businessCodes()));
            diff(c, "active", old.active(), d.active());
            tx.audit(Support.MODULE, "window", id, old.officeCode(), AuditAction.UPDATE, c);
            return loadWindow(tx, id);
        });
    }

    private ServiceWindowDraft validate(Caller caller, ServiceWindowDraft draft) {
        if (draft == null) {
            throw Support.refused(null, "error.body.missing");
        }
        Validator v = new Validator();
        String office = draft.officeCode() == null || draft.officeCode().isBlank() ? caller.officeCode() : draft.officeCode().strip();
        if (offices.find(office).isEmpty()) {
            v.check(false, "officeCode", m("error.office.unknown", office));
        }
        v.check(draft.number() >= 1 && draft.number() <= 99, "number", m("error.window.number", draft.number()));
        String name = v.text("name", draft.name(), 100, true);
        List<String> codes = draft.businessCodes() == null ? List.of()
                : draft.businessCodes().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        v.check(!codes.isEmpty(), "businessCodes", m("error.window.noBusiness"));
        v.throwIfInvalid();
        return new ServiceWindowDraft(office, draft.number(), name, codes, draft.active());
    }

    private static void checkWindow(Tx tx, String id, ServiceWindowDraft d) throws SQLException {
        List<String> unknown = new ArrayList<>();
        for (String code : d.businessCodes()) {
            if (tx.count("SELECT COUNT(*) FROM CTR_BUSINESS_TYPE WHERE CODE = ?", code) == 0) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw Support.refused("businessCodes", "error.window.unknownBusiness", String.join(", ", unknown));
        }
        if (tx.count("SELECT COUNT(*) FROM CTR_WINDOW WHERE OFFICE_CODE = ? AND WINDOW_NO = ?" + (id == null ? "" : " AND ID <> ?"),
                id == null ? new Object[] {d.officeCode(), d.number()} : new Object[] {d.officeCode(), d.number(), id}) > 0) {
            throw Support.refused("number", "error.window.duplicate", d.number());
        }
    }

    static ServiceWindow loadWindow(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + WIN_COLS + " FROM CTR_WINDOW WHERE ID = ?", CatalogServiceImpl::mapWindow, id)
                .orElseThrow(() -> Support.notFound("entity.window", id));
    }

    private String centralOffice() {
        return offices.offices().stream().filter(o -> o.central()).map(o -> o.code()).findFirst().orElse("GN00");
    }

    private static void diff(Map<String, Object[]> c, String f, Object a, Object b) {
        if (a == null ? b != null : !a.equals(b)) {
            c.put(f, new Object[] {a, b});
        }
    }

    static BusinessType mapType(ResultSet rs) throws SQLException {
        return new BusinessType(rs.getString("ID"), rs.getString("CODE"), rs.getString("NAME_ZH"), rs.getString("NAME_EN"),
                rs.getInt("LEGAL_DAYS"), rs.getInt("PROMISED_DAYS"), Rows.enumValue(rs, "PAYMENT_CAP", Cap.class),
                rs.getString("TICKET_PREFIX"), rs.getInt("ACTIVE") == 1, rs.getInt("SORT_ORDER"), Rows.meta(rs));
    }

    static DocumentRequirement mapDoc(ResultSet rs) throws SQLException {
        return new DocumentRequirement(rs.getString("ID"), rs.getString("BUSINESS_CODE"), rs.getString("NAME"),
                Rows.enumValue(rs, "CONDITION_CODE", DocCondition.class), rs.getInt("SORT_ORDER"), Rows.meta(rs));
    }

    static ServiceWindow mapWindow(ResultSet rs) throws SQLException {
        String codes = rs.getString("BUSINESS_CODES");
        return new ServiceWindow(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getInt("WINDOW_NO"), rs.getString("NAME"),
                codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")), rs.getInt("ACTIVE") == 1,
                Rows.meta(rs));
    }
}
