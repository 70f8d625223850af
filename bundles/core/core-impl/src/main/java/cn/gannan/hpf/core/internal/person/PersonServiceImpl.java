package cn.gannan.hpf.core.internal.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StatusChange;
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

/** The staff directory, with the history of political status changes. */
@Component(service = PersonService.class)
public class PersonServiceImpl implements PersonService {

    static final String MODULE = "core";
    static final String ENTITY = "person";
    private static final Pattern PHONE = Pattern.compile("[0-9 +\\-]{7,20}");
    private static final String COLUMNS = "ID, OFFICE_CODE, NAME, GENDER, BIRTH_DATE, STAFF_NO, PHONE, JOB_TITLE,"
            + " POLITICAL_STATUS, ACTIVE, " + Rows.META;

    private final Database db;
    private final OfficeService offices;

    @Activate
    public PersonServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices) {
        this.db = db;
        this.offices = offices;
    }

    @Override
    public Page<Person> find(Caller caller, PersonQuery q, PageRequest page) {
        String office = caller.scopeOffice(q.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND P.OFFICE_CODE = ?");
            params.add(office);
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (P.NAME LIKE ? OR P.STAFF_NO LIKE ? OR P.PHONE LIKE ?)");
            String like = "%" + q.text().strip() + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (q.status() != null) {
            where.append(" AND P.POLITICAL_STATUS = ?");
            params.add(q.status());
        }
        if (q.active() != null) {
            where.append(" AND P.ACTIVE = ?");
            params.add(q.active());
        }
        if (q.orgUnitId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM HPF_MEMBERSHIP M WHERE M.PERSON_ID = P.ID AND M.ORG_UNIT_ID = ?"
                    + " AND M.UNTIL IS NULL)");
            params.add(q.orgUnitId());
        }
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM HPF_PERSON P" + where, params.toArray());
            List<Object> p = new ArrayList<>(params);
            p.add(page.offset());
            p.add(page.limit());
            List<Person> items = tx.query("SELECT " + COLUMNS.replaceAll("(\\w+)", "P.$1") + " FROM HPF_PERSON P" + where
                    + " ORDER BY P.OFFICE_CODE, P.STAFF_NO, P.NAME, P.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    PersonServiceImpl::map, p.toArray());
            return new Page<>(items, page.offset(), page.limit(), total);
        });
    }

    @Override
    public Person get(Caller caller, String id) {
        Person p = db.read(caller, tx -> load(tx, id));
        caller.requireRead(p.officeCode());
        return p;
    }

    @Override
    public Person create(Caller caller, PersonDraft draft) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        PersonDraft d = validate(draft, true);
        caller.requireWrite(d.officeCode());
        return db.tx(caller, tx -> {
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO HPF_PERSON (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    id, d.officeCode(), d.name(), d.gender(), d.birthDate(), d.staffNo(), d.phone(), d.jobTitle(),
                    d.politicalStatus(), true, caller.username(), tx.now(), caller.username(), tx.now());
            tx.update("INSERT INTO HPF_STATUS_CHANGE (ID, PERSON_ID, FROM_STATUS, TO_STATUS, EFFECTIVE_DATE, NOTE,"
                    + " RECORDED_BY, RECORDED_AT) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id,
                    d.politicalStatus(), LocalDate.ofInstant(tx.now(), ZoneId.systemDefault()), null, caller.username(), tx.now());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            fields(null, d).forEach((k, v) -> changes.put(k, new Object[] {null, v}));
            tx.audit(MODULE, ENTITY, id, d.officeCode(), AuditAction.CREATE, changes);
            return load(tx, id);
        });
    }

    @Override
    public Person update(Caller caller, String id, long expectedVersion, PersonDraft draft) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        PersonDraft d = validate(draft, false);
        return db.tx(caller, tx -> {
            Person old = load(tx, id);
            caller.requireWrite(old.officeCode());
            caller.requireWrite(d.officeCode());
            int rows = tx.update("UPDATE HPF_PERSON SET OFFICE_CODE = ?, NAME = ?, GENDER = ?, BIRTH_DATE = ?, STAFF_NO = ?,"
                    + " PHONE = ?, JOB_TITLE = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", d.officeCode(), d.name(), d.gender(), d.birthDate(), d.staffNo(),
                    d.phone(), d.jobTitle(), caller.username(), tx.now(), id, expectedVersion);
            Records.requireUpdated(tx, rows, "HPF_PERSON", id, "entity.person");
            Map<String, Object> before = fields(old, null);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            fields(null, d).forEach((k, v) -> {
                if (!"politicalStatus".equals(k) && !Objects.equals(before.get(k), v)) {
                    changes.put(k, new Object[] {before.get(k), v});
                }
            });
            tx.audit(MODULE, ENTITY, id, d.officeCode(), AuditAction.UPDATE, changes);
            return load(tx, id);
        });
    }

    @Override
    public Person changeStatus(Caller caller, String id, long expectedVersion, PoliticalStatus status, LocalDate effective,
            String note) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.BRANCH_SECRETARY);
        Validator v = new Validator();
        v.required("politicalStatus", status);
        v.required("effectiveDate", effective);
        String n = v.text("note", note, 200, false);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Person old = load(tx, id);
            caller.requireWrite(old.officeCode());
            if (old.politicalStatus() == status) {
                throw ValidationException.field("politicalStatus", Msg.core("error.person.status.same"));
            }
            if (status == PoliticalStatus.PARTY_PROBATION && old.politicalStatus() != PoliticalStatus.FULL_MEMBER) {
                throw ValidationException.field("politicalStatus", Msg.core("error.person.status.probationFullOnly",
                        Msg.core(old.politicalStatus().messageKey())));
            }
            LocalDate latest = tx.queryOne("SELECT MAX(EFFECTIVE_DATE) AS LATEST FROM HPF_STATUS_CHANGE"
                    + " WHERE PERSON_ID = ? AND FROM_STATUS IS NOT NULL", rs -> Rows.date(rs, "LATEST"), id).orElse(null);
            if (latest != null && effective.isBefore(latest)) {
                throw ValidationException.field("effectiveDate", Msg.core("error.person.status.effectiveBefore", latest.toString()));
            }
            int rows = tx.update("UPDATE HPF_PERSON SET POLITICAL_STATUS = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", status, caller.username(), tx.now(), id,
                    expectedVersion);
            Records.requireUpdated(tx, rows, "HPF_PERSON", id, "entity.person");
            tx.update("INSERT INTO HPF_STATUS_CHANGE (ID, PERSON_ID, FROM_STATUS, TO_STATUS, EFFECTIVE_DATE, NOTE,"
                    + " RECORDED_BY, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id,
                    old.politicalStatus(), status, effective, n, caller.username(), tx.now());
            tx.audit(MODULE, ENTITY, id, old.officeCode(), AuditAction.UPDATE,
                    Map.of("politicalStatus", new Object[] {old.politicalStatus(), status + " (" + effective + ")"}));
            return load(tx, id);
        });
    }

    @Override
    public List<StatusChange> statusHistory(Caller caller, String personId) {
        get(caller, personId);
        return db.read(caller, tx -> tx.query("SELECT ID, PERSON_ID, FROM_STATUS, TO_STATUS, EFFECTIVE_DATE, NOTE,"
                + " RECORDED_BY, RECORDED_AT FROM HPF_STATUS_CHANGE WHERE PERSON_ID = ? ORDER BY RECORDED_AT, EFFECTIVE_DATE",
                rs -> new StatusChange(rs.getString(1), rs.getString(2), Rows.enumValue(rs, "FROM_STATUS", PoliticalStatus.class),
                        Rows.enumValue(rs, "TO_STATUS", PoliticalStatus.class), Rows.date(rs, "EFFECTIVE_DATE"),
                        rs.getString(6), rs.getString(7), Rows.instant(rs, "RECORDED_AT")), personId));
    }

    @Override
    public PoliticalStatus statusOn(Caller caller, String personId, LocalDate day) {
        Validator v = new Validator();
        v.required("date", day);
        v.throwIfInvalid();
        return StatusChange.statusOn(statusHistory(caller, personId), day);
    }

    @Override
    public Person deactivate(Caller caller, String id, long expectedVersion) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        return db.tx(caller, tx -> {
            Person old = load(tx, id);
            caller.requireWrite(old.officeCode());
            int rows = tx.update("UPDATE HPF_PERSON SET ACTIVE = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", false, caller.username(), tx.now(), id, expectedVersion);
            Records.requireUpdated(tx, rows, "HPF_PERSON", id, "entity.person");
            tx.update("UPDATE HPF_MEMBERSHIP SET UNTIL = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE PERSON_ID = ? AND UNTIL IS NULL", LocalDate.ofInstant(tx.now(), ZoneId.systemDefault()),
                    caller.username(), tx.now(), id);
            tx.audit(MODULE, ENTITY, id, old.officeCode(), AuditAction.UPDATE, Map.of("active", new Object[] {true, false}));
            return load(tx, id);
        });
    }

    private PersonDraft validate(PersonDraft draft, boolean creating) {
        Validator v = new Validator();
        String office = v.text("officeCode", draft.officeCode(), 8, true);
        if (office != null) {
            v.check(offices.find(office).isPresent(), "officeCode", Msg.core("error.office.unknown", office));
        }
        String name = v.text("name", draft.name(), 50, true);
        String staffNo = v.text("staffNo", draft.staffNo(), 32, false);
        String phone = v.text("phone", draft.phone(), 20, false);
        if (phone != null) {
            v.check(PHONE.matcher(phone).matches(), "phone", Msg.core("error.person.phone"));
        }
        String job = v.text("jobTitle", draft.jobTitle(), 50, false);
        if (draft.birthDate() != null) {
            v.check(draft.birthDate().isBefore(LocalDate.now()), "birthDate", Msg.core("error.person.birthDate"));
        }
        if (creating) {
            v.required("politicalStatus", draft.politicalStatus());
        }
        v.throwIfInvalid();
        return new PersonDraft(office, name, draft.gender(), draft.birthDate(), staffNo, phone, job, draft.politicalStatus());
    }

    private static Map<String, Object> fields(Person p, PersonDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("office", p != null ? p.officeCode() : d.officeCode());
        m.put("name", p != null ? p.name() : d.name());
        m.put("gender", p != null ? p.gender() : d.gender());
        m.put("birthDate", p != null ? p.birthDate() : d.birthDate());
        m.put("staffNo", p != null ? p.staffNo() : d.staffNo());
        m.put("phone", p != null ? p.phone() : d.phone());
        m.put("jobTitle", p != null ? p.jobTitle() : d.jobTitle());
        m.put("politicalStatus", p != null ? p.politicalStatus() : d.politicalStatus());
        return m;
    }

    static Person load(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM HPF_PERSON WHERE ID = ?", PersonServiceImpl::map, id)
                .orElseThrow(() -> Records.notFound("entity.person", id));
    }

    static Person map(ResultSet rs) throws SQLException {
        return new Person(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("NAME"),
                Rows.enumValue(rs, "GENDER", Gender.class), Rows.date(rs, "BIRTH_DATE"), rs.getString("STAFF_NO"),
                rs.getString("PHONE"), rs.getString("JOB_TITLE"), Rows.enumValue(rs, "POLITICAL_STATUS", PoliticalStatus.class),
                rs.getBoolean("ACTIVE"), Rows.meta(rs));
    }
}
