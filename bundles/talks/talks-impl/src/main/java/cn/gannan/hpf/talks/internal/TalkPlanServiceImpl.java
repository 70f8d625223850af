package cn.gannan.hpf.talks.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.talks.api.Coverage;
import cn.gannan.hpf.talks.api.CoverageWarning;
import cn.gannan.hpf.talks.api.PairCategory;
import cn.gannan.hpf.talks.api.PairDraft;
import cn.gannan.hpf.talks.api.PlanDraft;
import cn.gannan.hpf.talks.api.PlanPair;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.api.TalkPlanService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Yearly talk plans per body, generated from the body's current members, and their coverage. */
@Component(service = TalkPlanService.class, configurationPid = TalkPlanServiceImpl.PID)
@Designate(ocd = TalkPlanServiceImpl.Config.class)
public class TalkPlanServiceImpl implements TalkPlanService {

    static final String PID = "cn.gannan.hpf.talks";

    /** {@code etc/cn.gannan.hpf.talks.cfg}, shipped by the feature. */
    @ObjectClassDefinition(name = "HPF talk log")
    @interface Config {
        @AttributeDefinition(description = "Days before the end of the year from which uncovered plan pairs are warned about (1-366)")
        int warningDays() default 92;
    }

    private static final String ENTITY = "talkPlan";
    static final int MAX_PAIRS = 5000;

    private final Database db;
    private final OfficeService offices;
    private final PersonService people;
    private final OrgService org;
    private final int warningDays;
    Clock clock = Clock.system(TalkServiceImpl.ZONE);

    @Activate
    public TalkPlanServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            @Reference PersonService people, @Reference OrgService org, Config config) {
        if (config.warningDays() < 1 || config.warningDays() > 366) {
            throw new IllegalArgumentException(PID + ": warningDays must be 1 to 366, is " + config.warningDays());
        }
        this.warningDays = config.warningDays();
        this.db = db;
        this.offices = offices;
        this.people = people;
        this.org = org;
        migrations.migrate(Store.MODULE, TalkPlanServiceImpl.class, "db/talks");
    }

    private Caller system() {
        return Caller.system(offices.current().code());
    }

    @Override
    public List<TalkPlan> plans(Caller caller, String officeCode, Integer year) {
        String office = caller.scopeOffice(officeCode);
        return db.read(caller, tx -> Store.plans(tx, office, year));
    }

    private static TalkPlan load(Tx tx, String id) throws java.sql.SQLException {
        TalkPlan p = tx.queryOne("SELECT " + Store.PLAN_COLUMNS + " FROM TALK_PLAN WHERE ID = ?", rs -> Store.mapPlan(tx, rs), id)
                .orElseThrow(() -> new NotFoundException(TalkMessages.msg("error.plan.notFound", id)));
        return Store.withPairs(tx, p);
    }

    @Override
    public TalkPlan plan(Caller caller, String id) {
        TalkPlan p = db.read(caller, tx -> load(tx, id));
        caller.requireRead(p.officeCode());
        return p;
    }

    @Override
    public TalkPlan create(Caller caller, PlanDraft draft) {
        caller.requireAnyRole(TalkServiceImpl.WRITERS);
        Validator v = new Validator();
        String unitId = v.text("orgUnitId", draft == null ? null : draft.orgUnitId(), 36, true);
        int thisYear = LocalDate.now(clock).getYear();
        if (draft != null) {
            v.check(draft.year() >= 2000 && draft.year() <= thisYear + 1, "year",
                    TalkMessages.msg("error.plan.year", 2000, thisYear + 1, draft.year()));
        }
        String note = v.text("note", draft == null ? null : draft.note(), 500, false);
        OrgUnit unit = null;
        if (unitId != null) {
            try {
                unit = org.unit(system(), unitId);
            } catch (NotFoundException e) {
                v.check(false, "orgUnitId", TalkMessages.msg("error.unit.unknown", unitId));
            }
        }
        v.throwIfInvalid();
        caller.requireWrite(unit.officeCode());
        List<PlanPair> pairs = generate(org.members(system(), unit.id(), true), draft.includeMemberPairs());
        if (pairs.size() > MAX_PAIRS) {
            throw ValidationException.field("includeMemberPairs", TalkMessages.msg("error.plan.tooManyPairs", MAX_PAIRS,
                    pairs.size()));
        }
        OrgUnit u = unit;
        return db.tx(caller, tx -> {
            if (tx.count("SELECT COUNT(*) FROM TALK_PLAN WHERE ORG_UNIT_ID = ? AND PLAN_YEAR = ?", u.id(), draft.year()) > 0) {
                throw ValidationException.field("year", TalkMessages.msg("error.plan.duplicate", u.name(), draft.year()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO TALK_PLAN (" + Store.PLAN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id,
                    u.officeCode(), draft.year(), u.id(), u.name(), note, caller.username(), tx.now(), caller.username(),
                    tx.now());
            for (PlanPair p : pairs) {
                insertPair(tx, id, u.officeCode(), p);
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("orgUnit", new Object[] {null, u.name() + " (" + u.id() + ")"});
            changes.put("year", new Object[] {null, draft.year()});
            changes.put("pairs", new Object[] {null, pairs.size()});
            tx.audit(Store.MODULE, ENTITY, id, u.officeCode(), AuditAction.CREATE, changes);
            return load(tx, id);
        });
    }

    /**
     * Every pair among the body's current members: leadership with leadership, leadership with
     * ordinary members, and ordinary members among themselves when asked. A person holding a
     * leadership post counts as leadership.
     */
    static List<PlanPair> generate(List<Membership> members, boolean includeMemberPairs) {
        Map<String, Membership> byPerson = new LinkedHashMap<>();
        for (Membership m : members) {
            if (!m.current()) {
                continue;
            }
            Membership had = byPerson.get(m.personId());
            if (had == null || (!had.post().leadership() && m.post().leadership())) {
                byPerson.put(m.personId(), m);
            }
        }
        List<Membership> list = new ArrayList<>(byPerson.values());
        List<PlanPair> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Membership a = list.get(i);
                Membership b = list.get(j);
                boolean la = a.post().leadership();
                boolean lb = b.post().leadership();
                PairCategory c = la && lb ? PairCategory.LEADERSHIP : la || lb ? PairCategory.COMMITTEE_MEMBER
                        : PairCategory.MEMBER_MEMBER;
                if (c == PairCategory.MEMBER_MEMBER && !includeMemberPairs) {
                    continue;
                }
                if (!la && lb) { // the leadership member first
                    Membership t = a;
                    a = b;
                    b = t;
                }
                out.add(new PlanPair(null, a.personId(), a.personName(), b.personId(), b.personName(), c));
            }
        }
        return out;
    }

    private static void insertPair(Tx tx, String planId, String office, PlanPair p) throws java.sql.SQLException {
        Caller c = tx.caller();
        tx.update("INSERT INTO TALK_PLAN_PAIR (ID, PLAN_ID, OFFICE_CODE, PERSON_A, NAME_A, PERSON_B, NAME_B, CATEGORY, "
                + Rows.META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", UUID.randomUUID().toString(), planId, office,
                p.personA(), p.nameA(), p.personB(), p.nameB(), p.category().name(), c.username(), tx.now(), c.username(),
                tx.now());
    }

    private void requireWriter(Caller caller, TalkPlan p) {
        caller.requireAnyRole(TalkServiceImpl.WRITERS);
        caller.requireWrite(p.officeCode());
    }

    private static void bump(Tx tx, String planId, long expectedVersion) throws java.sql.SQLException {
        int rows = tx.update("UPDATE TALK_PLAN SET UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?"
                + " AND VERSION = ?", tx.caller().username(), tx.now(), planId, expectedVersion);
        if (rows != 1) {
            throw new StaleRecordException(Msg.core("error.stale"));
        }
    }

    @Override
    public TalkPlan addPair(Caller caller, String planId, long expectedVersion, PairDraft pair) {
        Validator v = new Validator();
        String a = v.text("personA", pair == null ? null : pair.personA(), 36, true);
        String b = v.text("personB", pair == null ? null : pair.personB(), 36, true);
        PairCategory cat = v.required("category", pair == null ? null : pair.category());
        v.check(a == null || !a.equals(b), "personB", TalkMessages.msg("error.pair.same"));
        Person pa = a == null ? null : person(v, "personA", a);
        Person pb = b == null ? null : person(v, "personB", b);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            TalkPlan p = load(tx, planId);
            requireWriter(caller, p);
            for (PlanPair x : p.pairs()) {
                if ((x.personA().equals(a) && x.personB().equals(b)) || (x.personA().equals(b) && x.personB().equals(a))) {
                    throw ValidationException.field("personB", TalkMessages.msg("error.pair.duplicate", pa.name(), pb.name()));
                }
            }
            bump(tx, planId, expectedVersion);
            insertPair(tx, planId, p.officeCode(), new PlanPair(null, a, pa.name(), b, pb.name(), cat));
            tx.audit(Store.MODULE, ENTITY, planId, p.officeCode(), AuditAction.UPDATE,
                    Map.of("pairAdded", new Object[] {null, pa.name() + " — " + pb.name() + " (" + cat + ")"}));
            return load(tx, planId);
        });
    }

    private Person person(Validator v, String field, String id) {
        try {
            return people.get(system(), id);
        } catch (NotFoundException e) {
            v.check(false, field, TalkMessages.msg("error.person.unknown", id));
            return null;
        }
    }

    @Override
    public TalkPlan removePair(Caller caller, String planId, long expectedVersion, String pairId) {
        return db.tx(caller, tx -> {
            TalkPlan p = load(tx, planId);
            requireWriter(caller, p);
            PlanPair pair = p.pairs().stream().filter(x -> x.id().equals(pairId)).findFirst()
                    .orElseThrow(() -> new NotFoundException(TalkMessages.msg("error.pair.notFound", pairId)));
            bump(tx, planId, expectedVersion);
            tx.update("DELETE FROM TALK_PLAN_PAIR WHERE ID = ?", pairId);
            tx.audit(Store.MODULE, ENTITY, planId, p.officeCode(), AuditAction.UPDATE,
                    Map.of("pairRemoved", new Object[] {pair.nameA() + " — " + pair.nameB() + " (" + pair.category() + ")", null}));
            return load(tx, planId);
        });
    }

    @Override
    public void delete(Caller caller, String planId, long expectedVersion) {
        db.tx(caller, tx -> {
            TalkPlan p = load(tx, planId);
            requireWriter(caller, p);
            if (p.meta().version() != expectedVersion) {
                throw new StaleRecordException(Msg.core("error.stale"));
            }
            tx.update("DELETE FROM TALK_PLAN_PAIR WHERE PLAN_ID = ?", planId);
            tx.update("DELETE FROM TALK_PLAN WHERE ID = ? AND VERSION = ?", planId, expectedVersion);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("orgUnit", new Object[] {p.orgUnitName(), null});
            changes.put("year", new Object[] {p.year(), null});
            changes.put("pairs", new Object[] {p.pairs().size(), null});
            tx.audit(Store.MODULE, ENTITY, planId, p.officeCode(), AuditAction.DELETE, changes);
            return null;
        });
    }

    @Override
    public Coverage coverage(Caller caller, String planId, LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return db.read(caller, tx -> {
            TalkPlan p = load(tx, planId);
            caller.requireRead(p.officeCode());
            return coverage(tx, p, day);
        });
    }

    static Coverage coverage(Tx tx, TalkPlan p, LocalDate day) throws java.sql.SQLException {
        CoverageCalculator calc = new CoverageCalculator(Store.participations(tx, p.year()));
        List<PlanPair> uncovered = calc.uncovered(p.pairs());
        int total = p.pairs().size();
        int covered = total - uncovered.size();
        return new Coverage(p.id(), p.officeCode(), p.year(), p.orgUnitName(), total, covered,
                CoverageCalculator.rate(covered, total), uncovered, day, daysLeft(p.year(), day));
    }

    /** Days from {@code day} to the last day of {@code year}; 0 once the year is over. */
    static long daysLeft(int year, LocalDate day) {
        LocalDate last = LocalDate.of(year, 12, 31);
        return day.isAfter(last) ? 0 : ChronoUnit.DAYS.between(day, last);
    }

    @Override
    public int defaultWarningDays() {
        return warningDays;
    }

    @Override
    public List<CoverageWarning> warnings(Caller caller, String officeCode, LocalDate today, int withinDays) {
        String office = caller.scopeOffice(officeCode);
        LocalDate day = today == null ? LocalDate.now(clock) : today;
        if (daysLeft(day.getYear(), day) > withinDays) {
            return List.of();
        }
        return db.read(caller, tx -> {
            List<CoverageWarning> out = new ArrayList<>();
            for (TalkPlan p : Store.plans(tx, office, day.getYear())) {
                Coverage c = coverage(tx, p, day);
                if (!c.uncovered().isEmpty()) {
                    out.add(new CoverageWarning(p.id(), p.officeCode(), p.orgUnitName(), p.year(), c.uncovered().size(),
                            c.totalPairs(), c.daysLeft()));
                }
            }
            return out;
        });
    }
}
