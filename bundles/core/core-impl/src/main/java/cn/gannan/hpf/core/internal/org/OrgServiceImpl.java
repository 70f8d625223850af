package cn.gannan.hpf.core.internal.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
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

/** Org units as a tree per office, and memberships with posts (history kept). */
@Component(service = OrgService.class)
public class OrgServiceImpl implements OrgService {

    static final String MODULE = "core";
    private static final String UNIT_COLUMNS = "ID, OFFICE_CODE, PARENT_ID, UNIT_TYPE, NAME, SORT_ORDER, " + Rows.META;
    private static final String MEMBER_SELECT = "SELECT M.ID, M.PERSON_ID, P.NAME AS PERSON_NAME, M.ORG_UNIT_ID,"
            + " U.NAME AS UNIT_NAME, M.POST, M.SINCE, M.UNTIL, M.CREATED_BY, M.CREATED_AT, M.UPDATED_BY, M.UPDATED_AT,"
            + " M.VERSION, M.OFFICE_CODE FROM HPF_MEMBERSHIP M JOIN HPF_PERSON P ON P.ID = M.PERSON_ID"
            + " JOIN HPF_ORG_UNIT U ON U.ID = M.ORG_UNIT_ID";

    private final Database db;
    private final OfficeService offices;
    private final PersonService people;

    @Activate
    public OrgServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            @Reference PersonService people) {
        this.db = db;
        this.offices = offices;
        this.people = people;
    }

    @Override
    public List<OrgUnit> units(Caller caller, String officeCode) {
        String office = caller.scopeOffice(officeCode);
        return db.read(caller, tx -> office == null
                ? tx.query("SELECT " + UNIT_COLUMNS + " FROM HPF_ORG_UNIT ORDER BY OFFICE_CODE, SORT_ORDER, NAME", OrgServiceImpl::mapUnit)
                : tx.query("SELECT " + UNIT_COLUMNS + " FROM HPF_ORG_UNIT WHERE OFFICE_CODE = ? ORDER BY SORT_ORDER, NAME",
                        OrgServiceImpl::mapUnit, office));
    }

    @Override
    public OrgUnit unit(Caller caller, String id) {
        OrgUnit u = db.read(caller, tx -> loadUnit(tx, id));
        caller.requireRead(u.officeCode());
        return u;
    }

    @Override
    public OrgUnit create(Caller caller, OrgUnitDraft draft) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        OrgUnitDraft d = validate(draft);
        caller.requireWrite(d.officeCode());
        return db.tx(caller, tx -> {
            checkParent(tx, null, d);
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO HPF_ORG_UNIT (" + UNIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id,
                    d.officeCode(), d.parentId(), d.type(), d.name(), d.sortOrder(), caller.username(), tx.now(),
                    caller.username(), tx.now());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("office", new Object[] {null, d.officeCode()});
            changes.put("parentId", new Object[] {null, d.parentId()});
            changes.put("type", new Object[] {null, d.type()});
            changes.put("name", new Object[] {null, d.name()});
            changes.put("sortOrder", new Object[] {null, d.sortOrder()});
            tx.audit(MODULE, "orgUnit", id, d.officeCode(), AuditAction.CREATE, changes);
            return loadUnit(tx, id);
        });
    }

    @Override
    public OrgUnit update(Caller caller, String id, long expectedVersion, OrgUnitDraft draft) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        OrgUnitDraft d = validate(draft);
        return db.tx(caller, tx -> {
            OrgUnit old = loadUnit(tx, id);
            caller.requireWrite(old.officeCode());
            caller.requireWrite(d.officeCode());
            checkParent(tx, id, d);
            int rows = tx.update("UPDATE HPF_ORG_UNIT SET OFFICE_CODE = ?, PARENT_ID = ?, UNIT_TYPE = ?, NAME = ?, SORT_ORDER = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.officeCode(),
                    d.parentId(), d.type(), d.name(), d.sortOrder(), caller.username(), tx.now(), id, expectedVersion);
            Records.requireUpdated(tx, rows, "HPF_ORG_UNIT", id, "entity.orgUnit");
            Map<String, Object[]> changes = new LinkedHashMap<>();
            diff(changes, "office", old.officeCode(), d.officeCode());
            diff(changes, "parentId", old.parentId(), d.parentId());
            diff(changes, "type", old.type(), d.type());
            diff(changes, "name", old.name(), d.name());
            diff(changes, "sortOrder", old.sortOrder(), d.sortOrder());
            tx.audit(MODULE, "orgUnit", id, d.officeCode(), AuditAction.UPDATE, changes);
            return loadUnit(tx, id);
        });
    }

    @Override
    public void delete(Caller caller, String id, long expectedVersion) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        db.tx(caller, tx -> {
            OrgUnit old = loadUnit(tx, id);
            caller.requireWrite(old.officeCode());
            long children = tx.count("SELECT COUNT(*) FROM HPF_ORG_UNIT WHERE PARENT_ID = ?", id);
            if (children > 0) {
                throw new ValidationException(Msg.core("error.org.hasChildren", children));
            }
            long members = tx.count("SELECT COUNT(*) FROM HPF_MEMBERSHIP WHERE ORG_UNIT_ID = ? AND UNTIL IS NULL", id);
            if (members > 0) {
                throw new ValidationException(Msg.core("error.org.hasMembers", members));
            }
            if (old.meta().version() != expectedVersion) {
                Records.requireUpdated(tx, 0, "HPF_ORG_UNIT", id, "entity.orgUnit");
            }
            tx.update("DELETE FROM HPF_MEMBERSHIP WHERE ORG_UNIT_ID = ?", id);
            tx.update("DELETE FROM HPF_ORG_UNIT WHERE ID = ? AND VERSION = ?", id, expectedVersion);
            tx.audit(MODULE, "orgUnit", id, old.officeCode(), AuditAction.DELETE,
                    Map.of("name", new Object[] {old.name(), null}, "type", new Object[] {old.type(), null}));
            return null;
        });
    }

    @Override
    public List<Membership> members(Caller caller, String orgUnitId, boolean currentOnly) {
        unit(caller, orgUnitId);
        return db.read(caller, tx -> tx.query(MEMBER_SELECT + " WHERE M.ORG_UNIT_ID = ?"
                + (currentOnly ? " AND M.UNTIL IS NULL" : "") + " ORDER BY M.UNTIL DESC, M.POST, P.NAME",
                OrgServiceImpl::mapMember, orgUnitId));
    }

    @Override
    public List<Membership> membershipsOf(Caller caller, String personId) {
        people.get(caller, personId);
        return db.read(caller, tx -> tx.query(MEMBER_SELECT + " WHERE M.PERSON_ID = ? ORDER BY M.SINCE DESC",
                OrgServiceImpl::mapMember, personId));
    }

    @Override
    public Membership addMember(Caller caller, String orgUnitId, String personId, Post post, LocalDate since) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        v.required("orgUnitId", orgUnitId);
        v.required("personId", personId);
        v.required("post", post);
        v.required("since", since);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            OrgUnit unit = loadUnit(tx, orgUnitId);
            caller.requireWrite(unit.officeCode());
            Person person = people.get(caller, personId);
            if (tx.count("SELECT COUNT(*) FROM HPF_MEMBERSHIP WHERE ORG_UNIT_ID = ? AND PERSON_ID = ? AND POST = ?"
                    + " AND UNTIL IS NULL", orgUnitId, personId, post) > 0) {
                throw ValidationException.field("post", Msg.core("error.membership.duplicate"));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO HPF_MEMBERSHIP (ID, OFFICE_CODE, PERSON_ID, ORG_UNIT_ID, POST, SINCE, UNTIL, " + Rows.META
                    + ") VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 1)", id, unit.officeCode(), personId, orgUnitId, post,
                    since, caller.username(), tx.now(), caller.username(), tx.now());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("person", new Object[] {null, person.name() + " (" + personId + ")"});
            changes.put("orgUnit", new Object[] {null, unit.name() + " (" + orgUnitId + ")"});
            changes.put("post", new Object[] {null, post});
            changes.put("since", new Object[] {null, since});
            tx.audit(MODULE, "membership", id, unit.officeCode(), AuditAction.CREATE, changes);
            return loadMember(tx, id);
        });
    }

    @Override
    public Membership endMembership(Caller caller, String membershipId, long expectedVersion, LocalDate until) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        v.required("until", until);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Membership old = loadMember(tx, membershipId);
            String office = tx.queryOne("SELECT OFFICE_CODE FROM HPF_MEMBERSHIP WHERE ID = ?", rs -> rs.getString(1),
                    membershipId).orElseThrow();
            caller.requireWrite(office);
            if (until.isBefore(old.since())) {
                throw ValidationException.field("until", Msg.core("error.membership.until", old.since()));
            }
            int rows = tx.update("UPDATE HPF_MEMBERSHIP SET UNTIL = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", until, caller.username(), tx.now(), membershipId, expectedVersion);
            Records.requireUpdated(tx, rows, "HPF_MEMBERSHIP", membershipId, "entity.membership");
            tx.audit(MODULE, "membership", membershipId, office, AuditAction.UPDATE,
                    Map.of("until", new Object[] {old.until(), until}));
            return loadMember(tx, membershipId);
        });
    }

    private OrgUnitDraft validate(OrgUnitDraft draft) {
        Validator v = new Validator();
        String office = v.text("officeCode", draft.officeCode(), 8, true);
        if (office != null) {
            v.check(offices.find(office).isPresent(), "officeCode", Msg.core("error.office.unknown", office));
        }
        OrgUnitType type = v.required("type", draft.type());
        String name = v.text("name", draft.name(), 100, true);
        v.throwIfInvalid();
        String parent = draft.parentId() == null || draft.parentId().isBlank() ? null : draft.parentId();
        return new OrgUnitDraft(office, parent, type, name, draft.sortOrder() == null ? 100 : draft.sortOrder());
    }

    /**
     * The parent must exist, belong to the same office or to the central office (county branches
     * sit under the centre's general branch), and not be the unit itself or below it.
     */
    private void checkParent(Tx tx, String id, OrgUnitDraft d) throws SQLException {
        String parent = d.parentId();
        while (parent != null) {
            if (parent.equals(id)) {
                throw ValidationException.field("parentId", Msg.core("error.org.cycle"));
            }
            OrgUnit p = loadUnit(tx, parent);
            if (Objects.equals(parent, d.parentId()) && !p.officeCode().equals(d.officeCode())
                    && !offices.find(p.officeCode()).map(o -> o.central()).orElse(false)) {
                throw ValidationException.field("parentId", Msg.core("error.org.parentOffice"));
            }
            parent = p.parentId();
        }
    }

    private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }

    private static OrgUnit loadUnit(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + UNIT_COLUMNS + " FROM HPF_ORG_UNIT WHERE ID = ?", OrgServiceImpl::mapUnit, id)
                .orElseThrow(() -> Records.notFound("entity.orgUnit", id));
    }

    private static Membership loadMember(Tx tx, String id) throws SQLException {
        return tx.queryOne(MEMBER_SELECT + " WHERE M.ID = ?", OrgServiceImpl::mapMember, id)
                .orElseThrow(() -> Records.notFound("entity.membership", id));
    }

    static OrgUnit mapUnit(ResultSet rs) throws SQLException {
        return new OrgUnit(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("PARENT_ID"),
                Rows.enumValue(rs, "UNIT_TYPE", OrgUnitType.class), rs.getString("NAME"), rs.getInt("SORT_ORDER"), Rows.meta(rs));
    }

    static Membership mapMember(ResultSet rs) throws SQLException {
        return new Membership(rs.getString("ID"), rs.getString("PERSON_ID"), rs.getString("PERSON_NAME"),
                rs.getString("ORG_UNIT_ID"), rs.getString("UNIT_NAME"), Rows.enumValue(rs, "POST", Post.class),
                Rows.date(rs, "SINCE"), Rows.date(rs, "UNTIL"), Rows.meta(rs));
    }
}
