package cn.gannan.hpf.rooms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.Inspection;
import cn.gannan.hpf.rooms.api.InspectionDraft;
import cn.gannan.hpf.rooms.api.InspectionKind;
import cn.gannan.hpf.rooms.api.InspectionQuery;
import cn.gannan.hpf.rooms.api.InspectionService;
import cn.gannan.hpf.rooms.api.Rectification;
import cn.gannan.hpf.rooms.api.RectificationDraft;
import cn.gannan.hpf.rooms.api.RectificationStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomsMsg;

/** Inspections with the conformance found at the time, and rectification items closed one by one. */
@Component(service = InspectionService.class)
public class InspectionServiceImpl implements InspectionService {

    /** Who records inspections: central admins (the centre inspects), leaders and office admins (self-checks). */
    static final Role[] INSPECTORS = { Role.CENTRAL_ADMIN, Role.LEADER, Role.OFFICE_ADMIN };

    private static final String INSP_SELECT = "SELECT I.ID, I.OFFICE_CODE, I.ROOM_ID, I.INSPECTED_ON, I.INSPECTOR, I.KIND,"
            + " I.FINDINGS, I.STANDARD_VERSION, I.MANDATORY_SATISFIED, I.MANDATORY_TOTAL, I.CREATED_BY, I.CREATED_AT,"
            + " I.UPDATED_BY, I.UPDATED_AT, I.VERSION,"
            + " (SELECT COUNT(*) FROM ROOMS_RECTIFICATION R WHERE R.INSPECTION_ID = I.ID AND R.STATUS = 'OPEN') AS OPEN_ITEMS,"
            + " (SELECT COUNT(*) FROM ROOMS_RECTIFICATION R WHERE R.INSPECTION_ID = I.ID) AS TOTAL_ITEMS"
            + " FROM ROOMS_INSPECTION I";
    static final String RECT_COLUMNS = "ID, OFFICE_CODE, INSPECTION_ID, DESCRIPTION, OWNER, DUE_ON, STATUS, CLOSED_ON,"
            + " CLOSING_NOTE, CLOSED_BY, " + Rows.META;

    private final Database db;

    @Activate
    public InspectionServiceImpl(@Reference Database db, @Reference RoomsSchema schema) {
        this.db = db;
    }

    @Override
    public Page<Inspection> find(Caller caller, InspectionQuery q, PageRequest page) {
        InspectionQuery query = q == null ? new InspectionQuery(null, null, null, null, false) : q;
        String office = caller.scopeOffice(query.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND I.OFFICE_CODE = ?");
            params.add(office);
        }
        if (query.year() != null) {
            where.append(" AND I.INSPECTED_ON >= ? AND I.INSPECTED_ON < ?");
            params.add(LocalDate.of(query.year(), 1, 1));
            params.add(LocalDate.of(query.year() + 1, 1, 1));
        }
        if (query.kind() != null) {
            where.append(" AND I.KIND = ?");
            params.add(query.kind());
        }
        String t = Store.blankToNull(query.text());
        if (t != null) {
            where.append(" AND (LOWER(I.INSPECTOR) LIKE ? OR LOWER(I.FINDINGS) LIKE ?)");
            String like = "%" + t.toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        if (query.openOnly()) {
            where.append(" AND EXISTS (SELECT 1 FROM ROOMS_RECTIFICATION R WHERE R.INSPECTION_ID = I.ID AND R.STATUS = 'OPEN')");
        }
        return db.read(caller, tx -> Store.page(tx, "ROOMS_INSPECTION I", INSP_SELECT, where.toString(),
                "I.INSPECTED_ON DESC, I.OFFICE_CODE", params, InspectionServiceImpl::mapInspection, page));
    }

    @Override
    public Inspection get(Caller caller, String id) {
        Inspection i = db.read(caller, tx -> load(tx, id));
        caller.requireRead(i.officeCode());
        return i;
    }

    @Override
    public Inspection create(Caller caller, InspectionDraft draft) {
        caller.requireAnyRole(INSPECTORS);
        InspectionDraft d = validate(draft);
        return db.tx(caller, tx -> {
            Room room = RoomServiceImpl.loadRoom(tx, d.roomId());
            caller.requireWrite(room.officeCode());
            ConformanceReport report = RoomServiceImpl.check(tx, room.officeCode());
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_INSPECTION (ID, OFFICE_CODE, ROOM_ID, INSPECTED_ON, INSPECTOR, KIND, FINDINGS,"
                    + " STANDARD_VERSION, MANDATORY_SATISFIED, MANDATORY_TOTAL, " + Rows.META + ") VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, 1)", id, room.officeCode(), room.id(), d.inspectedOn(), d.inspector(), d.kind(),
                    d.findings(), report.standardVersion(), report.mandatorySatisfied(), report.mandatoryTotal(),
                    caller.username(), tx.now(), caller.username(), tx.now());
            Map<String, Object[]> c = Store.changes();
            c.put("inspectedOn", new Object[] {null, d.inspectedOn()});
            c.put("inspector", new Object[] {null, d.inspector()});
            c.put("kind", new Object[] {null, d.kind()});
            c.put("conformance", new Object[] {null, report.mandatorySatisfied() + "/" + report.mandatoryTotal()
                    + " (v" + report.standardVersion() + ")"});
            tx.audit(Store.MODULE, "inspection", id, room.officeCode(), AuditAction.CREATE, c);
            return load(tx, id);
        });
    }

    @Override
    public Inspection update(Caller caller, String id, long expectedVersion, InspectionDraft draft) {
        caller.requireAnyRole(INSPECTORS);
        return db.tx(caller, tx -> {
            Inspection old = load(tx, id);
            caller.requireWrite(old.officeCode());
            InspectionDraft d = validate(new InspectionDraft(old.roomId(), draft.inspectedOn(), draft.inspector(),
                    draft.kind(), draft.findings()));
            LocalDate firstItem = tx.queryOne("SELECT MIN(CLOSED_ON) AS FIRST_CLOSED FROM ROOMS_RECTIFICATION"
                    + " WHERE INSPECTION_ID = ?", rs -> Rows.date(rs, "FIRST_CLOSED"), id).orElse(null);
            if (firstItem != null && d.inspectedOn().isAfter(firstItem)) {
                throw ValidationException.field("inspectedOn", RoomsMsg.of("error.inspection.afterClosed", firstItem));
            }
            int rows = tx.update("UPDATE ROOMS_INSPECTION SET INSPECTED_ON = ?, INSPECTOR = ?, KIND = ?, FINDINGS = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.inspectedOn(),
                    d.inspector(), d.kind(), d.findings(), caller.username(), tx.now(), id, expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_INSPECTION", id, "entity.inspection");
            Map<String, Object[]> c = Store.changes();
            Store.diff(c, "inspectedOn", old.inspectedOn(), d.inspectedOn());
            Store.diff(c, "inspector", old.inspector(), d.inspector());
            Store.diff(c, "kind", old.kind(), d.kind());
            Store.diff(c, "findings", old.findings(), d.findings());
            tx.audit(Store.MODULE, "inspection", id, old.officeCode(), AuditAction.UPDATE, c);
            return load(tx, id);
        });
    }

    private static InspectionDraft validate(InspectionDraft d) {
        Validator v = new Validator();
        v.text("roomId", d.roomId(), 36, true);
        LocalDate on = v.required("inspectedOn", d.inspectedOn());
        String inspector = v.text("inspector", d.inspector(), 100, true);
        InspectionKind kind = v.required("kind", d.kind());
        String findings = v.text("findings", d.findings(), 4000, false);
        if (on != null) {
            v.check(!on.isAfter(LocalDate.now()), "inspectedOn", RoomsMsg.of("error.inspection.future", on));
        }
        v.throwIfInvalid();
        return new InspectionDraft(d.roomId().strip(), on, inspector, kind, findings);
    }

    @Override
    public List<Rectification> rectifications(Caller caller, String inspectionId) {
        get(caller, inspectionId);
        return db.read(caller, tx -> tx.query("SELECT " + RECT_COLUMNS + " FROM ROOMS_RECTIFICATION WHERE INSPECTION_ID = ?"
                + " ORDER BY DUE_ON, CREATED_AT", InspectionServiceImpl::mapRect, inspectionId));
    }

    @Override
    public Rectification addRectification(Caller caller, String inspectionId, RectificationDraft draft) {
        caller.requireAnyRole(INSPECTORS);
        Validator v = new Validator();
        String desc = v.text("description", draft.description(), 500, true);
        String owner = v.text("owner", draft.owner(), 50, true);
        LocalDate due = v.required("dueOn", draft.dueOn());
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Inspection insp = load(tx, inspectionId);
            caller.requireWrite(insp.officeCode());
            if (due.isBefore(insp.inspectedOn())) {
                throw ValidationException.field("dueOn", RoomsMsg.of("error.rect.dueBefore", due, insp.inspectedOn()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_RECTIFICATION (" + RECT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL,"
                    + " ?, ?, ?, ?, 1)", id, insp.officeCode(), inspectionId, desc, owner, due, RectificationStatus.OPEN,
                    caller.username(), tx.now(), caller.username(), tx.now());
            tx.audit(Store.MODULE, "rectification", id, insp.officeCode(), AuditAction.CREATE,
                    Map.of("description", new Object[] {null, desc}, "owner", new Object[] {null, owner},
                            "dueOn", new Object[] {null, due}));
            return loadRect(tx, id);
        });
    }

    @Override
    public Rectification close(Caller caller, String rectificationId, long expectedVersion, LocalDate closedOn, String note) {
        caller.requireAnyRole(Store.MANAGERS);
        Validator v = new Validator();
        LocalDate on = v.required("closedOn", closedOn);
        String n = v.text("closingNote", note, 500, true);
        if (on != null) {
            v.check(!on.isAfter(LocalDate.now()), "closedOn", RoomsMsg.of("error.rect.closedFuture", on));
        }
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Rectification old = loadRect(tx, rectificationId);
            caller.requireWrite(old.officeCode());
            if (old.status() == RectificationStatus.CLOSED) {
                throw new ValidationException(RoomsMsg.of("error.rect.closed", old.closedOn()));
            }
            Inspection insp = load(tx, old.inspectionId());
            if (on.isBefore(insp.inspectedOn())) {
                throw ValidationException.field("closedOn", RoomsMsg.of("error.rect.closedBefore", on, insp.inspectedOn()));
            }
            int rows = tx.update("UPDATE ROOMS_RECTIFICATION SET STATUS = ?, CLOSED_ON = ?, CLOSING_NOTE = ?, CLOSED_BY = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                    RectificationStatus.CLOSED, on, n, caller.username(), caller.username(), tx.now(), rectificationId,
                    expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_RECTIFICATION", rectificationId, "entity.rectification");
            tx.audit(Store.MODULE, "rectification", rectificationId, old.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {RectificationStatus.OPEN, RectificationStatus.CLOSED},
                            "closedOn", new Object[] {null, on}, "closingNote", new Object[] {null, n}));
            return loadRect(tx, rectificationId);
        });
    }

    @Override
    public List<Rectification> openRectifications(Caller caller, String officeCode) {
        String office = caller.scopeOffice(officeCode);
        return db.read(caller, tx -> office == null
                ? tx.query("SELECT " + RECT_COLUMNS + " FROM ROOMS_RECTIFICATION WHERE STATUS = 'OPEN' ORDER BY DUE_ON,"
                        + " OFFICE_CODE", InspectionServiceImpl::mapRect)
                : tx.query("SELECT " + RECT_COLUMNS + " FROM ROOMS_RECTIFICATION WHERE STATUS = 'OPEN' AND OFFICE_CODE = ?"
                        + " ORDER BY DUE_ON", InspectionServiceImpl::mapRect, office));
    }

    static Inspection load(Tx tx, String id) throws SQLException {
        return tx.queryOne(INSP_SELECT + " WHERE I.ID = ?", InspectionServiceImpl::mapInspection, id)
                .orElseThrow(() -> Store.notFound("entity.inspection", id));
    }

    private static Rectification loadRect(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + RECT_COLUMNS + " FROM ROOMS_RECTIFICATION WHERE ID = ?", InspectionServiceImpl::mapRect,
                id).orElseThrow(() -> Store.notFound("entity.rectification", id));
    }

    static Inspection mapInspection(ResultSet rs) throws SQLException {
        return new Inspection(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("ROOM_ID"),
                Rows.date(rs, "INSPECTED_ON"), rs.getString("INSPECTOR"), Rows.enumValue(rs, "KIND", InspectionKind.class),
                rs.getString("FINDINGS"), rs.getInt("STANDARD_VERSION"), rs.getInt("MANDATORY_SATISFIED"),
                rs.getInt("MANDATORY_TOTAL"), rs.getInt("OPEN_ITEMS"), rs.getInt("TOTAL_ITEMS"), Rows.meta(rs));
    }

    static Rectification mapRect(ResultSet rs) throws SQLException {
        return new Rectification(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("INSPECTION_ID"),
                rs.getString("DESCRIPTION"), rs.getString("OWNER"), Rows.date(rs, "DUE_ON"),
                Rows.enumValue(rs, "STATUS", RectificationStatus.class), Rows.date(rs, "CLOSED_ON"),
                rs.getString("CLOSING_NOTE"), rs.getString("CLOSED_BY"), Rows.meta(rs));
    }
}
