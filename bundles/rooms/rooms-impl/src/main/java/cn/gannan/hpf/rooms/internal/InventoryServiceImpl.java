package cn.gannan.hpf.rooms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.InventoryDetails;
import cn.gannan.hpf.rooms.api.InventoryDraft;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.InventoryQuery;
import cn.gannan.hpf.rooms.api.InventoryService;
import cn.gannan.hpf.rooms.api.Movement;
import cn.gannan.hpf.rooms.api.MovementKind;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomsMsg;

/** Inventory items; every change of location, condition or quantity is a movement kept as history. */
@Component(service = InventoryService.class)
public class InventoryServiceImpl implements InventoryService {

    static final String ITEM_COLUMNS = "ID, OFFICE_CODE, ROOM_ID, ASSET_NO, STANDARD_CODE, NAME, QUANTITY, ITEM_CONDITION,"
            + " LOCATION, RESPONSIBLE, ACQUIRED_ON, SPEC_OK, WRITTEN_OFF, " + Rows.META;
    private static final String MOVE_COLUMNS = "ID, OFFICE_CODE, ITEM_ID, KIND, FROM_VALUE, TO_VALUE, NOTE, " + Rows.META;
    static final int MAX_QUANTITY = 100000;

    private final Database db;

    @Activate
    public InventoryServiceImpl(@Reference Database db, @Reference RoomsSchema schema) {
        this.db = db;
    }

    @Override
    public Page<InventoryItem> find(Caller caller, InventoryQuery q, PageRequest page) {
        InventoryQuery query = q == null ? new InventoryQuery(null, null, null, null, null, false) : q;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.roomId() != null) {
            Room r = db.read(caller, tx -> RoomServiceImpl.loadRoom(tx, query.roomId()));
            caller.requireRead(r.officeCode());
            where.append(" AND ROOM_ID = ?");
            params.add(query.roomId());
        } else {
            String office = caller.scopeOffice(query.officeCode());
            if (office != null) {
                where.append(" AND OFFICE_CODE = ?");
                params.add(office);
            }
        }
        String t = Store.blankToNull(query.text());
        if (t != null) {
            where.append(" AND (LOWER(NAME) LIKE ? OR LOWER(ASSET_NO) LIKE ? OR LOWER(LOCATION) LIKE ? OR LOWER(RESPONSIBLE) LIKE ?)");
            String like = "%" + t.toLowerCase() + "%";
            params.addAll(List.of(like, like, like, like));
        }
        if (query.standardItemCode() != null) {
            where.append(" AND STANDARD_CODE = ?");
            params.add(query.standardItemCode());
        }
        if (query.condition() != null) {
            where.append(" AND ITEM_CONDITION = ?");
            params.add(query.condition());
        }
        if (!query.includeWrittenOff()) {
            where.append(" AND WRITTEN_OFF = 0");
        }
        return db.read(caller, tx -> Store.page(tx, "ROOMS_ITEM", "SELECT " + ITEM_COLUMNS + " FROM ROOMS_ITEM",
                where.toString(), "OFFICE_CODE, STANDARD_CODE, ASSET_NO", params, InventoryServiceImpl::mapItem, page));
    }

    @Override
    public InventoryItem item(Caller caller, String id) {
        InventoryItem i = db.read(caller, tx -> load(tx, id));
        caller.requireRead(i.officeCode());
        return i;
    }

    @Override
    public InventoryItem add(Caller caller, String roomId, InventoryDraft draft) {
        caller.requireAnyRole(Store.MANAGERS);
        Validator v = new Validator();
        String asset = v.text("assetNo", draft.assetNo(), 40, true);
        String code = v.text("standardItemCode", draft.standardItemCode(), 32, false);
        String name = v.text("name", draft.name(), 100, true);
        Integer qty = v.required("quantity", draft.quantity());
        if (qty != null) {
            v.check(qty >= 1 && qty <= MAX_QUANTITY, "quantity", RoomsMsg.of("error.item.quantity", qty, MAX_QUANTITY));
        }
        Condition cond = draft.condition() == null ? Condition.GOOD : draft.condition();
        String location = v.text("location", draft.location(), 100, false);
        String resp = v.text("responsiblePerson", draft.responsiblePerson(), 50, false);
        v.throwIfInvalid();
        if (draft.acquiredOn() != null && draft.acquiredOn().isAfter(java.time.LocalDate.now().plusDays(1))) {
            throw ValidationException.field("acquiredOn", RoomsMsg.of("error.item.acquiredFuture", draft.acquiredOn()));
        }
        boolean specOk = draft.specOk() == null || draft.specOk();
        return db.tx(caller, tx -> {
            Room room = RoomServiceImpl.loadRoom(tx, roomId);
            Store.requireManager(caller, room.officeCode());
            checkCode(tx, code);
            checkAsset(tx, room.officeCode(), asset, null);
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_ITEM (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 1)",
                    id, room.officeCode(), roomId, asset, code, name, qty, cond, location, resp, draft.acquiredOn(),
                    Store.flag(specOk), caller.username(), tx.now(), caller.username(), tx.now());
            movement(tx, room.officeCode(), id, MovementKind.ADDED, null, qty + " × " + cond + (location == null ? ""
                    : " @ " + location), null);
            Map<String, Object[]> c = Store.changes();
            c.put("assetNo", new Object[] {null, asset});
            c.put("name", new Object[] {null, name});
            c.put("standardItem", new Object[] {null, code});
            c.put("quantity", new Object[] {null, qty});
            c.put("condition", new Object[] {null, cond});
            c.put("location", new Object[] {null, location});
            tx.audit(Store.MODULE, "item", id, room.officeCode(), AuditAction.CREATE, c);
            return load(tx, id);
        });
    }

    @Override
    public InventoryItem updateDetails(Caller caller, String id, long expectedVersion, InventoryDetails d) {
        caller.requireAnyRole(Store.MANAGERS);
        Validator v = new Validator();
        String asset = v.text("assetNo", d.assetNo(), 40, true);
        String code = v.text("standardItemCode", d.standardItemCode(), 32, false);
        String name = v.text("name", d.name(), 100, true);
        String resp = v.text("responsiblePerson", d.responsiblePerson(), 50, false);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            InventoryItem old = requireActive(tx, caller, id);
            checkCode(tx, code);
            checkAsset(tx, old.officeCode(), asset, id);
            boolean specOk = d.specOk() == null ? old.specOk() : d.specOk();
            int rows = tx.update("UPDATE ROOMS_ITEM SET ASSET_NO = ?, STANDARD_CODE = ?, NAME = ?, RESPONSIBLE = ?,"
                    + " ACQUIRED_ON = ?, SPEC_OK = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", asset, code, name, resp, d.acquiredOn(), Store.flag(specOk),
                    caller.username(), tx.now(), id, expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_ITEM", id, "entity.item");
            Map<String, Object[]> c = Store.changes();
            Store.diff(c, "assetNo", old.assetNo(), asset);
            Store.diff(c, "standardItem", old.standardItemCode(), code);
            Store.diff(c, "name", old.name(), name);
            Store.diff(c, "responsiblePerson", old.responsiblePerson(), resp);
            Store.diff(c, "acquiredOn", old.acquiredOn(), d.acquiredOn());
            Store.diff(c, "specOk", old.specOk(), specOk);
            tx.audit(Store.MODULE, "item", id, old.officeCode(), AuditAction.UPDATE, c);
            return load(tx, id);
        });
    }

    @Override
    public InventoryItem move(Caller caller, String id, long expectedVersion, String newLocation, String note) {
        Validator v = new Validator();
        String loc = v.text("location", newLocation, 100, true);
        String n = v.text("note", note, 500, false);
        v.throwIfInvalid();
        return change(caller, id, expectedVersion, MovementKind.MOVED, "LOCATION", loc, n,
                i -> i.location(), RoomsMsg.of("error.item.sameLocation", loc));
    }

    @Override
    public InventoryItem changeCondition(Caller caller, String id, long expectedVersion, Condition condition, String note) {
        Validator v = new Validator();
        v.required("condition", condition);
        String n = v.text("note", note, 500, false);
        v.throwIfInvalid();
        return change(caller, id, expectedVersion, MovementKind.CONDITION_CHANGED, "ITEM_CONDITION", condition, n,
                InventoryItem::condition, RoomsMsg.of("error.item.sameCondition", RoomsMsg.label(condition)));
    }

    @Override
    public InventoryItem changeQuantity(Caller caller, String id, long expectedVersion, int quantity, String note) {
        Validator v = new Validator();
        v.check(quantity >= 1 && quantity <= MAX_QUANTITY, "quantity", RoomsMsg.of("error.item.quantity", quantity, MAX_QUANTITY));
        String n = v.text("note", note, 500, true);
        v.throwIfInvalid();
        return change(caller, id, expectedVersion, MovementKind.QUANTITY_CHANGED, "QUANTITY", quantity, n,
                InventoryItem::quantity, RoomsMsg.of("error.item.sameQuantity", quantity));
    }

    @Override
    public InventoryItem writeOff(Caller caller, String id, long expectedVersion, String reason) {
        Validator v = new Validator();
        String r = v.text("reason", reason, 500, true);
        v.throwIfInvalid();
        return change(caller, id, expectedVersion, MovementKind.WRITTEN_OFF, "WRITTEN_OFF", 1, r, i -> 0, null);
    }

    private InventoryItem change(Caller caller, String id, long expectedVersion, MovementKind kind, String column,
            Object value, String note, java.util.function.Function<InventoryItem, Object> current,
            cn.gannan.hpf.core.api.Msg sameMsg) {
        caller.requireAnyRole(Store.MANAGERS);
        return db.tx(caller, tx -> {
            InventoryItem old = requireActive(tx, caller, id);
            Object before = current.apply(old);
            if (sameMsg != null && Objects.equals(before, value)) {
                throw new ValidationException(sameMsg);
            }
            int rows = tx.update("UPDATE ROOMS_ITEM SET " + column + " = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", value, caller.username(), tx.now(), id,
                    expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_ITEM", id, "entity.item");
            String from = kind == MovementKind.WRITTEN_OFF ? null : before == null ? null : before.toString();
            String to = kind == MovementKind.WRITTEN_OFF ? null : value.toString();
            movement(tx, old.officeCode(), id, kind, from, to, note);
            Map<String, Object[]> c = Store.changes();
            c.put(kind == MovementKind.WRITTEN_OFF ? "writtenOff" : column.toLowerCase(),
                    new Object[] {kind == MovementKind.WRITTEN_OFF ? false : before, kind == MovementKind.WRITTEN_OFF ? true : value});
            if (note != null) {
                c.put("note", new Object[] {null, note});
            }
            tx.audit(Store.MODULE, "item", id, old.officeCode(), AuditAction.UPDATE, c);
            return load(tx, id);
        });
    }

    @Override
    public List<Movement> movements(Caller caller, String itemId) {
        item(caller, itemId);
        return db.read(caller, tx -> tx.query("SELECT " + MOVE_COLUMNS + " FROM ROOMS_MOVEMENT WHERE ITEM_ID = ?"
                + " ORDER BY CREATED_AT, KIND", rs -> new Movement(rs.getString("ID"), rs.getString("ITEM_ID"),
                        Rows.enumValue(rs, "KIND", MovementKind.class), rs.getString("FROM_VALUE"), rs.getString("TO_VALUE"),
                        rs.getString("NOTE"), Rows.instant(rs, "CREATED_AT"), rs.getString("CREATED_BY")), itemId));
    }

    private static InventoryItem requireActive(Tx tx, Caller caller, String id) throws SQLException {
        InventoryItem old = load(tx, id);
        Store.requireManager(caller, old.officeCode());
        if (old.writtenOff()) {
            throw new ValidationException(RoomsMsg.of("error.item.writtenOff", old.assetNo()));
        }
        return old;
    }

    private static void checkCode(Tx tx, String code) throws SQLException {
        if (code == null) {
            return;
        }
        long known = tx.count("SELECT COUNT(*) FROM ROOMS_STANDARD_ITEM I JOIN ROOMS_STANDARD S ON S.ID = I.STANDARD_ID"
                + " WHERE I.CODE = ? AND S.STATUS <> 'DRAFT'", code);
        if (known == 0) {
            throw ValidationException.field("standardItemCode", RoomsMsg.of("error.item.unknownCode", code));
        }
    }

    private static void checkAsset(Tx tx, String office, String asset, String exceptId) throws SQLException {
        long n = tx.count("SELECT COUNT(*) FROM ROOMS_ITEM WHERE OFFICE_CODE = ? AND ASSET_NO = ? AND ID <> ?", office, asset,
                exceptId == null ? "" : exceptId);
        if (n > 0) {
            throw ValidationException.field("assetNo", RoomsMsg.of("error.item.assetDuplicate", asset));
        }
    }

    static void movement(Tx tx, String office, String itemId, MovementKind kind, String from, String to, String note)
            throws SQLException {
        tx.update("INSERT INTO ROOMS_MOVEMENT (" + MOVE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                UUID.randomUUID().toString(), office, itemId, kind, from, to, note, tx.caller().username(), tx.now(),
                tx.caller().username(), tx.now());
    }

    static InventoryItem load(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + ITEM_COLUMNS + " FROM ROOMS_ITEM WHERE ID = ?", InventoryServiceImpl::mapItem, id)
                .orElseThrow(() -> Store.notFound("entity.item", id));
    }

    static InventoryItem mapItem(ResultSet rs) throws SQLException {
        return new InventoryItem(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("ROOM_ID"),
                rs.getString("ASSET_NO"), rs.getString("STANDARD_CODE"), rs.getString("NAME"), rs.getInt("QUANTITY"),
                Rows.enumValue(rs, "ITEM_CONDITION", Condition.class), rs.getString("LOCATION"), rs.getString("RESPONSIBLE"),
                Rows.date(rs, "ACQUIRED_ON"), rs.getInt("SPEC_OK") != 0, rs.getInt("WRITTEN_OFF") != 0, Rows.meta(rs));
    }
}
