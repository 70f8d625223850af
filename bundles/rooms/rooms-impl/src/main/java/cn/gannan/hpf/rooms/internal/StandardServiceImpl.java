package cn.gannan.hpf.rooms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.RoomsMsg;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardCategory;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardItemDraft;
import cn.gannan.hpf.rooms.api.StandardService;
import cn.gannan.hpf.rooms.api.StandardStatus;

/** The versioned standard: drafts edited by central admins, published, exported and imported as files. */
@Component(service = StandardService.class)
public class StandardServiceImpl implements StandardService {

    private static final String STD_COLUMNS = "ID, OFFICE_CODE, VERSION_NO, TITLE, STATUS, PUBLISHED_AT, PUBLISHED_BY, NOTE, "
            + Rows.META;
    private static final String ITEM_COLUMNS = "ID, OFFICE_CODE, STANDARD_ID, CODE, CATEGORY, NAME, SPECIFICATION, MEASURE,"
            + " REQUIRED_QTY, MANDATORY, SORT_ORDER, " + Rows.META;

    private final Database db;
    private final String central;

    @Activate
    public StandardServiceImpl(@Reference Database db, @Reference OfficeService offices, @Reference RoomsSchema schema) {
        this.db = db;
        this.central = centralCode(offices);
    }

    static String centralCode(OfficeService offices) {
        return offices.offices().stream().filter(Office::central).map(Office::code).findFirst().orElse("GN00");
    }

    @Override
    public Standard current(Caller caller) {
        return db.read(caller, StandardServiceImpl::loadCurrent);
    }

    @Override
    public Standard get(Caller caller, String id) {
        return db.read(caller, tx -> load(tx, id));
    }

    @Override
    public List<Standard> versions(Caller caller) {
        return db.read(caller, tx -> tx.query("SELECT " + STD_COLUMNS + " FROM ROOMS_STANDARD ORDER BY VERSION_NO DESC",
                rs -> map(rs, List.of())));
    }

    @Override
    public Standard createDraft(Caller caller, String title, String note) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        String t = v.text("title", title, 200, true);
        String n = v.text("note", note, 1000, false);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            if (tx.count("SELECT COUNT(*) FROM ROOMS_STANDARD WHERE STATUS = ?", StandardStatus.DRAFT) > 0) {
                throw new ValidationException(RoomsMsg.of("error.standard.draftExists"));
            }
            Standard cur = loadCurrent(tx);
            int next = nextVersion(tx);
            String id = insertStandard(tx, central, next, t, n, StandardStatus.DRAFT);
            for (StandardItem i : cur.items()) {
                insertItem(tx, central, id, new StandardItemDraft(i.code(), i.category(), i.name(), i.specification(),
                        i.measure(), i.requiredQuantity(), i.mandatory(), i.sortOrder()));
            }
            tx.audit(Store.MODULE, "standard", id, central, AuditAction.CREATE,
                    Map.of("versionNo", new Object[] {null, next}, "title", new Object[] {null, t},
                            "copiedFrom", new Object[] {null, cur.versionNo()}));
            return load(tx, id);
        });
    }

    @Override
    public void discardDraft(Caller caller, String standardId, long expectedVersion) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        db.tx(caller, tx -> {
            Standard s = requireDraft(tx, standardId);
            if (s.meta().version() != expectedVersion) {
                Store.requireUpdated(tx, 0, "ROOMS_STANDARD", standardId, "entity.standard");
            }
            tx.update("DELETE FROM ROOMS_STANDARD_ITEM WHERE STANDARD_ID = ?", standardId);
            tx.update("DELETE FROM ROOMS_STANDARD WHERE ID = ?", standardId);
            tx.audit(Store.MODULE, "standard", standardId, central, AuditAction.DELETE,
                    Map.of("versionNo", new Object[] {s.versionNo(), null}, "title", new Object[] {s.title(), null}));
            return null;
        });
    }

    @Override
    public StandardItem addItem(Caller caller, String standardId, StandardItemDraft draft) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        StandardItemDraft d = validateItem(draft);
        return db.tx(caller, tx -> {
            requireDraft(tx, standardId);
            requireUniqueCode(tx, standardId, d.code(), null);
            String id = insertItem(tx, central, standardId, d);
            touch(tx, standardId);
            tx.audit(Store.MODULE, "standardItem", id, central, AuditAction.CREATE, itemChanges(null, d));
            return loadItem(tx, id);
        });
    }

    @Override
    public StandardItem updateItem(Caller caller, String itemId, long expectedVersion, StandardItemDraft draft) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        StandardItemDraft d = validateItem(draft);
        return db.tx(caller, tx -> {
            StandardItem old = loadItem(tx, itemId);
            String standardId = standardOf(tx, itemId);
            requireDraft(tx, standardId);
            requireUniqueCode(tx, standardId, d.code(), itemId);
            int rows = tx.update("UPDATE ROOMS_STANDARD_ITEM SET CODE = ?, CATEGORY = ?, NAME = ?, SPECIFICATION = ?,"
                    + " MEASURE = ?, REQUIRED_QTY = ?, MANDATORY = ?, SORT_ORDER = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.code(), d.category(), d.name(),
                    d.specification(), d.measure(), d.requiredQuantity(), Store.flag(d.mandatory()), d.sortOrder(),
                    caller.username(), tx.now(), itemId, expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_STANDARD_ITEM", itemId, "entity.standardItem");
            touch(tx, standardId);
            tx.audit(Store.MODULE, "standardItem", itemId, central, AuditAction.UPDATE, itemChanges(old, d));
            return loadItem(tx, itemId);
        });
    }

    @Override
    public void removeItem(Caller caller, String itemId, long expectedVersion) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        db.tx(caller, tx -> {
            StandardItem old = loadItem(tx, itemId);
            String standardId = standardOf(tx, itemId);
            requireDraft(tx, standardId);
            int rows = tx.update("DELETE FROM ROOMS_STANDARD_ITEM WHERE ID = ? AND VERSION = ?", itemId, expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_STANDARD_ITEM", itemId, "entity.standardItem");
            touch(tx, standardId);
            tx.audit(Store.MODULE, "standardItem", itemId, central, AuditAction.DELETE,
                    Map.of("code", new Object[] {old.code(), null}, "name", new Object[] {old.name(), null}));
            return null;
        });
    }

    @Override
    public Standard publish(Caller caller, String standardId, long expectedVersion) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        return db.tx(caller, tx -> {
            Standard s = requireDraft(tx, standardId);
            if (s.items().isEmpty()) {
                throw new ValidationException(RoomsMsg.of("error.standard.empty"));
            }
            tx.update("UPDATE ROOMS_STANDARD SET STATUS = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE STATUS = ?", StandardStatus.SUPERSEDED, caller.username(), tx.now(), StandardStatus.PUBLISHED);
            int rows = tx.update("UPDATE ROOMS_STANDARD SET STATUS = ?, PUBLISHED_AT = ?, PUBLISHED_BY = ?, UPDATED_BY = ?,"
                    + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", StandardStatus.PUBLISHED,
                    tx.now(), caller.username(), caller.username(), tx.now(), standardId, expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_STANDARD", standardId, "entity.standard");
            tx.audit(Store.MODULE, "standard", standardId, central, AuditAction.UPDATE,
                    Map.of("status", new Object[] {StandardStatus.DRAFT, StandardStatus.PUBLISHED}));
            return load(tx, standardId);
        });
    }

    @Override
    public byte[] exportFile(Caller caller, String standardId) {
        return StandardFile.write(get(caller, standardId));
    }

    @Override
    public Standard importFile(Caller caller, byte[] file) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        StandardFile.Parsed p = StandardFile.read(file);
        for (StandardItemDraft d : p.items()) {
            validateItem(d);
        }
        return publishParsed(db, caller, central, p);
    }

    /** Publishes a parsed standard file as received (import, and the default standard at first start). */
    static Standard publishParsed(Database db, Caller caller, String office, StandardFile.Parsed p) {
        return db.tx(caller, tx -> {
            int highest = (int) tx.count("SELECT COALESCE(MAX(VERSION_NO), 0) FROM ROOMS_STANDARD WHERE STATUS <> ?",
                    StandardStatus.DRAFT);
            if (p.versionNo() <= highest) {
                throw ValidationException.field("file", RoomsMsg.of("error.standard.notNewer", p.versionNo(), highest));
            }
            if (tx.count("SELECT COUNT(*) FROM ROOMS_STANDARD WHERE VERSION_NO = ?", p.versionNo()) > 0) {
                throw ValidationException.field("file", RoomsMsg.of("error.standard.draftNumber", p.versionNo()));
            }
            tx.update("UPDATE ROOMS_STANDARD SET STATUS = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE STATUS = ?", StandardStatus.SUPERSEDED, caller.username(), tx.now(), StandardStatus.PUBLISHED);
            String id = insertStandard(tx, office, p.versionNo(), p.title(), p.note(), StandardStatus.PUBLISHED);
            tx.update("UPDATE ROOMS_STANDARD SET PUBLISHED_AT = ?, PUBLISHED_BY = ? WHERE ID = ?", tx.now(),
                    caller.username(), id);
            for (StandardItemDraft d : p.items()) {
                insertItem(tx, office, id, d);
            }
            tx.audit(Store.MODULE, "standard", id, office, AuditAction.CREATE,
                    Map.of("versionNo", new Object[] {null, p.versionNo()}, "title", new Object[] {null, p.title()},
                            "items", new Object[] {null, p.items().size()}, "status",
                            new Object[] {null, StandardStatus.PUBLISHED}));
            return load(tx, id);
        });
    }

    static StandardItemDraft validateItem(StandardItemDraft d) {
        Validator v = new Validator();
        String code = v.text("code", d.code(), 32, true);
        if (code != null) {
            v.check(code.matches("[A-Z][A-Z0-9_]*"), "code", RoomsMsg.of("error.standardItem.code"));
        }
        StandardCategory cat = v.required("category", d.category());
        String name = v.text("name", d.name(), 100, true);
        String spec = v.text("specification", d.specification(), 500, false);
        Measure measure = v.required("measure", d.measure());
        Integer req = v.required("requiredQuantity", d.requiredQuantity());
        if (req != null) {
            v.check(req >= 1 && req <= 100000, "requiredQuantity", RoomsMsg.of("error.standardItem.required", req));
            if (measure == Measure.ROOM_MANAGER) {
                v.check(req == 1, "requiredQuantity", RoomsMsg.of("error.standardItem.manager"));
            }
            if (measure == Measure.ROOM_FUNCTIONS) {
                v.check(req <= 4, "requiredQuantity", RoomsMsg.of("error.standardItem.functions", req));
            }
        }
        v.throwIfInvalid();
        return new StandardItemDraft(code, cat, name, spec, measure, req, d.mandatory() == null || d.mandatory(),
                d.sortOrder() == null ? 100 : d.sortOrder());
    }

    private static void requireUniqueCode(Tx tx, String standardId, String code, String exceptId) throws SQLException {
        long n = tx.count("SELECT COUNT(*) FROM ROOMS_STANDARD_ITEM WHERE STANDARD_ID = ? AND CODE = ? AND ID <> ?",
                standardId, code, exceptId == null ? "" : exceptId);
        if (n > 0) {
            throw ValidationException.field("code", RoomsMsg.of("error.standardItem.duplicate", code));
        }
    }

    private static Standard requireDraft(Tx tx, String standardId) throws SQLException {
        Standard s = load(tx, standardId);
        if (s.status() != StandardStatus.DRAFT) {
            throw new ValidationException(RoomsMsg.of("error.standard.notDraft", s.versionNo(), RoomsMsg.label(s.status())));
        }
        return s;
    }

    private static void touch(Tx tx, String standardId) throws SQLException {
        tx.update("UPDATE ROOMS_STANDARD SET UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ?", tx.caller().username(), tx.now(),
                standardId);
    }

    private static int nextVersion(Tx tx) throws SQLException {
        return (int) tx.count("SELECT COALESCE(MAX(VERSION_NO), 0) FROM ROOMS_STANDARD") + 1;
    }

    private static String insertStandard(Tx tx, String office, int versionNo, String title, String note,
            StandardStatus status) throws SQLException {
        String id = UUID.randomUUID().toString();
        String user = tx.caller().username();
        tx.update("INSERT INTO ROOMS_STANDARD (" + STD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, 1)",
                id, office, versionNo, title, status, note, user, tx.now(), user, tx.now());
        return id;
    }

    private static String insertItem(Tx tx, String office, String standardId, StandardItemDraft d) throws SQLException {
        String id = UUID.randomUUID().toString();
        String user = tx.caller().username();
        tx.update("INSERT INTO ROOMS_STANDARD_ITEM (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                id, office, standardId, d.code(), d.category(), d.name(), d.specification(), d.measure(),
                d.requiredQuantity(), Store.flag(Boolean.TRUE.equals(d.mandatory())), d.sortOrder(), user, tx.now(), user,
                tx.now());
        return id;
    }

    private static Map<String, Object[]> itemChanges(StandardItem old, StandardItemDraft d) {
        Map<String, Object[]> c = Store.changes();
        Store.diff(c, "code", old == null ? null : old.code(), d.code());
        Store.diff(c, "category", old == null ? null : old.category(), d.category());
        Store.diff(c, "name", old == null ? null : old.name(), d.name());
        Store.diff(c, "specification", old == null ? null : old.specification(), d.specification());
        Store.diff(c, "measure", old == null ? null : old.measure(), d.measure());
        Store.diff(c, "requiredQuantity", old == null ? null : old.requiredQuantity(), d.requiredQuantity());
        Store.diff(c, "mandatory", old == null ? null : old.mandatory(), d.mandatory());
        Store.diff(c, "sortOrder", old == null ? null : old.sortOrder(), d.sortOrder());
        return c;
    }

    static Standard loadCurrent(Tx tx) throws SQLException {
        String id = tx.queryOne("SELECT ID FROM ROOMS_STANDARD WHERE STATUS = ?", rs -> rs.getString(1),
                StandardStatus.PUBLISHED).orElseThrow(() -> new ValidationException(RoomsMsg.of("error.standard.none")));
        return load(tx, id);
    }

    static Standard load(Tx tx, String id) throws SQLException {
        List<StandardItem> items = tx.query("SELECT " + ITEM_COLUMNS + " FROM ROOMS_STANDARD_ITEM WHERE STANDARD_ID = ?"
                + " ORDER BY SORT_ORDER, CODE", StandardServiceImpl::mapItem, id);
        return tx.queryOne("SELECT " + STD_COLUMNS + " FROM ROOMS_STANDARD WHERE ID = ?", rs -> map(rs, items), id)
                .orElseThrow(() -> Store.notFound("entity.standard", id));
    }

    private static StandardItem loadItem(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + ITEM_COLUMNS + " FROM ROOMS_STANDARD_ITEM WHERE ID = ?", StandardServiceImpl::mapItem,
                id).orElseThrow(() -> Store.notFound("entity.standardItem", id));
    }

    private static String standardOf(Tx tx, String itemId) throws SQLException {
        return tx.queryOne("SELECT STANDARD_ID FROM ROOMS_STANDARD_ITEM WHERE ID = ?", rs -> rs.getString(1), itemId)
                .orElseThrow(() -> Store.notFound("entity.standardItem", itemId));
    }

    private static Standard map(ResultSet rs, List<StandardItem> items) throws SQLException {
        return new Standard(rs.getString("ID"), rs.getInt("VERSION_NO"), rs.getString("TITLE"),
                Rows.enumValue(rs, "STATUS", StandardStatus.class), Rows.instant(rs, "PUBLISHED_AT"),
                rs.getString("PUBLISHED_BY"), rs.getString("NOTE"), items, Rows.meta(rs));
    }

    static StandardItem mapItem(ResultSet rs) throws SQLException {
        return new StandardItem(rs.getString("ID"), rs.getString("CODE"), Rows.enumValue(rs, "CATEGORY", StandardCategory.class),
                rs.getString("NAME"), rs.getString("SPECIFICATION"), Rows.enumValue(rs, "MEASURE", Measure.class),
                rs.getInt("REQUIRED_QTY"), rs.getInt("MANDATORY") != 0, rs.getInt("SORT_ORDER"), Rows.meta(rs));
    }

}
