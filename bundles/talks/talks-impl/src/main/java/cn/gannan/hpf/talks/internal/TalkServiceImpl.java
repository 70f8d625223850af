package cn.gannan.hpf.talks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Post;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.talks.api.DecisionLink;
import cn.gannan.hpf.talks.api.FollowUp;
import cn.gannan.hpf.talks.api.FollowUpDraft;
import cn.gannan.hpf.talks.api.Participant;
import cn.gannan.hpf.talks.api.ParticipantSide;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkQuery;
import cn.gannan.hpf.talks.api.TalkRow;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.api.TalkStatus;
import cn.gannan.hpf.talks.api.TalkTrigger;
import cn.gannan.hpf.talks.spi.DecisionSource;
import cn.gannan.hpf.talks.spi.DecisionSourceProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The talk log; see {@link TalkService} for the rules it enforces. */
@Component(service = TalkService.class)
public class TalkServiceImpl implements TalkService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final int MAX_PARTICIPANTS = 300;
    static final Role[] WRITERS = { Role.LEADER, Role.BRANCH_SECRETARY, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN };
    private static final String ENTITY = "talk";
    private static final String TALK_COLUMNS = "ID, OFFICE_CODE, KIND_CODE, TALK_DATE, PLACE, DECIDING_UNIT_ID,"
            + " DECIDING_UNIT_NAME, DECIDED_BY, DECISION_SOURCE, DECISION_REF, DECISION_TEXT, TRIGGER_CODE, TRIGGER_NOTE,"
            + " TOPICS, SUMMARY, STATUS, VOID_REASON, " + Rows.META;
    private static final String CONFIDENTIAL = "***";

    private final Database db;
    private final OfficeService offices;
    private final PersonService people;
    private final OrgService org;
    private final UserService users;
    private final List<DecisionSourceProvider> providers = new CopyOnWriteArrayList<>();
    Clock clock = Clock.system(ZONE);

    @Activate
    public TalkServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OfficeService offices,
            @Reference PersonService people, @Reference OrgService org, @Reference UserService users) {
        this.db = db;
        this.offices = offices;
        this.people = people;
        this.org = org;
        this.users = users;
        migrations.migrate(Store.MODULE, TalkServiceImpl.class, "db/talks");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(DecisionSourceProvider p) {
        providers.add(p);
    }

    void removeProvider(DecisionSourceProvider p) {
        providers.remove(p);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private Caller system() {
        return Caller.system(offices.current().code());
    }

    // ------------------------------------------------------------------ kinds

    @Override
    public List<TalkKind> kinds(boolean includeInactive) {
        List<TalkKind> all = db.read(system(), Store::kinds);
        return includeInactive ? all : all.stream().filter(TalkKind::active).toList();
    }

    @Override
    public TalkKind saveKind(Caller caller, TalkKind kind) {
        caller.requireAnyRole(Role.CENTRAL_ADMIN);
        Validator v = new Validator();
        String code = v.text("code", kind == null ? null : kind.code(), 32, true);
        if (code != null) {
            v.check(code.matches("[A-Z][A-Z0-9_]*"), "code", TalkMessages.msg("error.kind.code"));
        }
        String zh = v.text("nameZh", kind == null ? null : kind.nameZh(), 50, true);
        String en = v.text("nameEn", kind == null ? null : kind.nameEn(), 80, true);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            Optional<TalkKind> old = tx.queryOne("SELECT CODE, NAME_ZH, NAME_EN, COLLECTIVE, ADMONITORY, SORT_ORDER, ACTIVE"
                    + " FROM TALK_KIND WHERE CODE = ?", Store::mapKind, code);
            if (old.isPresent()) {
                TalkKind o = old.get();
                long used = tx.count("SELECT COUNT(*) FROM TALK WHERE KIND_CODE = ?", code);
                if (used > 0 && (o.collective() != kind.collective() || o.admonitory() != kind.admonitory())) {
                    throw ValidationException.field("admonitory", TalkMessages.msg("error.kind.flagsFixed", used));
                }
                tx.update("UPDATE TALK_KIND SET NAME_ZH = ?, NAME_EN = ?, COLLECTIVE = ?, ADMONITORY = ?, SORT_ORDER = ?,"
                        + " ACTIVE = ? WHERE CODE = ?", zh, en, flag(kind.collective()), flag(kind.admonitory()),
                        kind.sortOrder(), flag(kind.active()), code);
            } else {
                tx.update("INSERT INTO TALK_KIND (CODE, NAME_ZH, NAME_EN, COLLECTIVE, ADMONITORY, SORT_ORDER, ACTIVE)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", code, zh, en, flag(kind.collective()), flag(kind.admonitory()),
                        kind.sortOrder(), flag(kind.active()));
            }
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("nameZh", new Object[] {old.map(TalkKind::nameZh).orElse(null), zh});
            changes.put("nameEn", new Object[] {old.map(TalkKind::nameEn).orElse(null), en});
            changes.put("collective", new Object[] {old.map(TalkKind::collective).orElse(null), kind.collective()});
            changes.put("admonitory", new Object[] {old.map(TalkKind::admonitory).orElse(null), kind.admonitory()});
            changes.put("active", new Object[] {old.map(TalkKind::active).orElse(null), kind.active()});
            tx.audit(Store.MODULE, "talkKind", code, caller.officeCode(), old.isPresent() ? AuditAction.UPDATE
                    : AuditAction.CREATE, changes);
            return tx.queryOne("SELECT CODE, NAME_ZH, NAME_EN, COLLECTIVE, ADMONITORY, SORT_ORDER, ACTIVE FROM TALK_KIND"
                    + " WHERE CODE = ?", Store::mapKind, code).orElseThrow();
        });
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }

    // ------------------------------------------------------------------ viewer

    /** The caller's linked person and the bodies whose secretary that person currently is. */
    Viewer viewer(Caller caller) {
        String personId = null;
        if (caller.userId() != null && !Caller.SYSTEM_USERNAME.equals(caller.username())) {
            try {
                UserAccount u = users.byUsername(caller, caller.username());
                personId = u.personId();
            } catch (HpfException e) {
                personId = null; // an account the directory does not know: no person
            }
        }
        Set<String> secretaryOf = new HashSet<>();
        if (personId != null) {
            for (Membership m : org.membershipsOf(system(), personId)) {
                if (m.current() && m.post() == Post.SECRETARY) {
                    secretaryOf.add(m.orgUnitId());
                }
            }
        }
        return new Viewer(caller, personId, secretaryOf);
    }

    // ------------------------------------------------------------------ reading

    /** A talk as stored, before confidentiality is applied. */
    record Stored(String id, String officeCode, String kindCode, LocalDate date, String place, String decidingUnitId,
            String decidingUnitName, String decidedBy, String decisionSource, String decisionRef, String decisionText,
            TalkTrigger trigger, String triggerNote, String topics, String summary, TalkStatus status, String voidReason,
            cn.gannan.hpf.core.api.RecordMeta meta, List<Participant> participants, List<FollowUp> followUps) {

        Set<String> participantIds() {
            return participants.stream().map(Participant::personId).collect(Collectors.toSet());
        }
    }

    private static Stored mapStored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("KIND_CODE"),
                Rows.date(rs, "TALK_DATE"), rs.getString("PLACE"), rs.getString("DECIDING_UNIT_ID"),
                rs.getString("DECIDING_UNIT_NAME"), rs.getString("DECIDED_BY"), rs.getString("DECISION_SOURCE"),
                rs.getString("DECISION_REF"), rs.getString("DECISION_TEXT"),
                Rows.enumValue(rs, "TRIGGER_CODE", TalkTrigger.class), rs.getString("TRIGGER_NOTE"), rs.getString("TOPICS"),
                rs.getString("SUMMARY"), Rows.enumValue(rs, "STATUS", TalkStatus.class), rs.getString("VOID_REASON"),
                Rows.meta(rs), List.of(), List.of());
    }

    private static Participant mapParticipant(ResultSet rs) throws SQLException {
        return new Participant(rs.getString("PERSON_ID"), rs.getString("PERSON_NAME"), rs.getString("PERSON_OFFICE"),
                ParticipantSide.valueOf(rs.getString("SIDE").trim()), Rows.instant(rs, "CONFIRMED_AT"),
                rs.getString("CONFIRMED_BY"), rs.getInt("ON_BEHALF") == 1);
    }

    private static FollowUp mapFollowUp(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getString("ID"), rs.getString("ACTION_TEXT"), rs.getString("OWNER_ID"),
                rs.getString("OWNER_NAME"), Rows.date(rs, "DUE_DATE"), Rows.date(rs, "DONE_ON"), rs.getString("DONE_NOTE"),
                rs.getLong("VERSION"));
    }

    private static Stored load(Tx tx, String id) throws SQLException {
        return withChildren(tx, tx.queryOne("SELECT " + TALK_COLUMNS + " FROM TALK WHERE ID = ?", TalkServiceImpl::mapStored, id)
                .orElseThrow(() -> notFound(id)));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException(TalkMessages.msg("error.talk.notFound", id));
    }

    /** Refuses a caller who may not see the talk at all: another office, unless a participant. */
    private static void requireVisible(Viewer v, Stored s) {
        if (!v.caller().canRead(s.officeCode()) && !Confidentiality.participates(v, s.participantIds())) {
            throw new AccessDeniedException(Msg.core("error.access.office", s.officeCode()));
        }
    }

    private boolean contentVisible(Viewer v, Stored s, TalkKind kind) {
        return Confidentiality.canReadContent(v, kind.admonitory(), s.participantIds(), s.decidingUnitId());
    }

    private boolean canEdit(Viewer v, Stored s, TalkKind kind) {
        Caller c = v.caller();
        return s.status() == TalkStatus.RECORDED && c.hasAny(WRITERS) && c.canWrite(s.officeCode())
                && (!kind.admonitory() || c.has(Role.LEADER))
                && (c.username().equals(s.meta().createdBy()) || contentVisible(v, s, kind));
    }

    private void requireEdit(Viewer v, Stored s, TalkKind kind) {
        v.caller().requireAnyRole(WRITERS);
        v.caller().requireWrite(s.officeCode());
        if (s.status() == TalkStatus.VOID) {
            throw new ValidationException(TalkMessages.msg("error.talk.void"));
        }
        if (!canEdit(v, s, kind)) {
            throw new AccessDeniedException(TalkMessages.msg(kind.admonitory() ? "error.access.admonitory" : "error.access.edit"));
        }
    }

    private Talk view(Viewer v, Stored s, Map<String, TalkKind> kinds) {
        TalkKind kind = kinds.get(s.kindCode());
        boolean visible = contentVisible(v, s, kind);
        List<Participant> talkers = s.participants().stream().filter(p -> p.side() == ParticipantSide.TALKER).toList();
        List<Participant> targets = s.participants().stream().filter(p -> p.side() == ParticipantSide.TARGET).toList();
        int open = (int) s.followUps().stream().filter(FollowUp::open).count();
        DecisionLink link = s.decisionSource() == null ? null : new DecisionLink(s.decisionSource(), s.decisionRef(),
                s.decisionText(), provider(s.decisionSource()).isPresent());
        boolean allConfirmed = !s.participants().isEmpty() && s.participants().stream().allMatch(Participant::confirmed);
        return new Talk(s.id(), s.officeCode(), kind, s.date(), s.place(), talkers, targets, s.decidingUnitId(),
                s.decidingUnitName(), s.decidedBy(), link, s.trigger(), s.triggerNote(), visible,
                visible ? s.topics() : null, visible ? s.summary() : null, visible ? s.followUps() : List.of(), open,
                s.status(), s.voidReason(), s.participantIds().size(), allConfirmed, canEdit(v, s, kind), s.meta());
    }

    private Map<String, TalkKind> kindMap(Tx tx) throws SQLException {
        Map<String, TalkKind> m = new HashMap<>();
        for (TalkKind k : Store.kinds(tx)) {
            m.put(k.code(), k);
        }
        return m;
    }

    @Override
    public Talk get(Caller caller, String id) {
        Viewer v = viewer(caller);
        return db.read(caller, tx -> {
            Stored s = load(tx, id);
            requireVisible(v, s);
            return view(v, s, kindMap(tx));
        });
    }

    @Override
    public Page<TalkRow> find(Caller caller, TalkQuery query, PageRequest page) {
        TalkQuery q = query == null ? TalkQuery.all() : query;
        String office = caller.scopeOffice(q.officeCode());
        Viewer v = viewer(caller);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND T.OFFICE_CODE = ?");
            params.add(office);
        }
        if (q.year() != null) {
            where.append(" AND T.TALK_DATE >= ? AND T.TALK_DATE < ?");
            params.add(LocalDate.of(q.year(), 1, 1));
            params.add(LocalDate.of(q.year() + 1, 1, 1));
        }
        if (q.kindCode() != null && !q.kindCode().isBlank()) {
            where.append(" AND T.KIND_CODE = ?");
            params.add(q.kindCode().strip());
        }
        if (q.decidingUnitId() != null && !q.decidingUnitId().isBlank()) {
            where.append(" AND T.DECIDING_UNIT_ID = ?");
            params.add(q.decidingUnitId().strip());
        }
        if (q.status() != null) {
            where.append(" AND T.STATUS = ?");
            params.add(q.status());
        }
        if (q.personId() != null && !q.personId().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM TALK_PARTICIPANT X WHERE X.TALK_ID = T.ID AND X.PERSON_ID = ?)");
            params.add(q.personId().strip());
        }
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().strip() + "%";
            where.append(" AND (T.PLACE LIKE ? OR T.DECIDED_BY LIKE ? OR T.DECISION_TEXT LIKE ? OR EXISTS (SELECT 1"
                    + " FROM TALK_PARTICIPANT Y WHERE Y.TALK_ID = T.ID AND Y.PERSON_NAME LIKE ?))");
            params.add(like);
            params.add(like);
            params.add(like);
            params.add(like);
        }
        PageRequest p = page == null ? PageRequest.first(50) : page;
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM TALK T" + where, params.toArray());
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(p.offset());
            pageParams.add(p.limit());
            List<Stored> rows = tx.query("SELECT " + TALK_COLUMNS.replaceAll("(^|, )", "$1T.")
                    + " FROM TALK T" + where + " ORDER BY T.TALK_DATE DESC, T.CREATED_AT DESC, T.ID"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", TalkServiceImpl::mapStored, pageParams.toArray());
            Map<String, TalkKind> kinds = kindMap(tx);
            List<TalkRow> out = new ArrayList<>();
            for (Stored s0 : rows) {
                Stored s = withChildren(tx, s0);
                TalkKind kind = kinds.get(s.kindCode());
                String talkers = names(s, ParticipantSide.TALKER);
                String targets = names(s, ParticipantSide.TARGET);
                int open = (int) s.followUps().stream().filter(FollowUp::open).count();
                boolean allConfirmed = !s.participants().isEmpty() && s.participants().stream().allMatch(Participant::confirmed);
                String decided = s.decidedBy() != null ? s.decidedBy()
                        : s.decidingUnitName() != null ? s.decidingUnitName() : s.decisionText();
                out.add(new TalkRow(s.id(), s.officeCode(), kind, s.date(), s.place(), talkers, targets,
                        s.participantIds().size(), decided, s.trigger(), s.status(), open, allConfirmed,
                        contentVisible(v, s, kind), s.meta().version()));
            }
            return new Page<>(out, p.offset(), p.limit(), total);
        });
    }

    private static Stored withChildren(Tx tx, Stored s) throws SQLException {
        List<Participant> ps = tx.query("SELECT PERSON_ID, PERSON_NAME, PERSON_OFFICE, SIDE, CONFIRMED_AT, CONFIRMED_BY,"
                + " ON_BEHALF FROM TALK_PARTICIPANT WHERE TALK_ID = ? ORDER BY SIDE, SORT_ORDER", TalkServiceImpl::mapParticipant,
                s.id());
        List<FollowUp> fs = tx.query("SELECT ID, ACTION_TEXT, OWNER_ID, OWNER_NAME, DUE_DATE, DONE_ON, DONE_NOTE, VERSION"
                + " FROM TALK_FOLLOW_UP WHERE TALK_ID = ? ORDER BY CREATED_AT, ID", TalkServiceImpl::mapFollowUp, s.id());
        return new Stored(s.id(), s.officeCode(), s.kindCode(), s.date(), s.place(), s.decidingUnitId(),
                s.decidingUnitName(), s.decidedBy(), s.decisionSource(), s.decisionRef(), s.decisionText(), s.trigger(),
                s.triggerNote(), s.topics(), s.summary(), s.status(), s.voidReason(), s.meta(), ps, fs);
    }

    private static String names(Stored s, ParticipantSide side) {
        List<String> names = s.participants().stream().filter(p -> p.side() == side).map(Participant::name).toList();
        if (names.size() > 6) {
            return String.join("、", names.subList(0, 6)) + " … (" + names.size() + ")";
        }
        return String.join("、", names);
    }

    // ------------------------------------------------------------------ writing

    /** A validated draft with its people resolved. */
    record Valid(String officeCode, TalkKind kind, LocalDate date, String place, List<Person> talkers, List<Person> targets,
            String decidingUnitId, String decidingUnitName, String decidedBy, String decisionSource, String decisionRef,
            String decisionText, TalkTrigger trigger, String triggerNote, String topics, String summary,
            List<ValidFollowUp> followUps) {
    }

    record ValidFollowUp(String action, Person owner, LocalDate due) {
    }

    private Valid validate(Caller caller, TalkDraft d, String existingKind) {
        if (d == null) {
            throw new ValidationException(Msg.core("error.field.required", "body"));
        }
        Caller sys = system();
        Validator v = new Validator();
        String office = d.officeCode() == null || d.officeCode().isBlank() ? caller.officeCode() : d.officeCode().strip();
        v.check(offices.find(office).isPresent(), "officeCode", Msg.core("error.office.unknown", office));
        Map<String, TalkKind> kinds = new HashMap<>();
        kinds(true).forEach(k -> kinds.put(k.code(), k));
        String kindCode = v.text("kindCode", d.kindCode(), 32, true);
        TalkKind kind = kindCode == null ? null : kinds.get(kindCode);
        if (kindCode != null) {
            v.check(kind != null, "kindCode", TalkMessages.msg("error.kind.unknown", kindCode));
            v.check(kind == null || kind.active() || kindCode.equals(existingKind), "kindCode",
                    TalkMessages.msg("error.kind.inactive", kindCode));
        }
        LocalDate date = v.required("date", d.date());
        if (date != null) {
            v.check(!date.isAfter(today()), "date", TalkMessages.msg("error.date.future", today()));
            v.check(!date.isBefore(EARLIEST), "date", TalkMessages.msg("error.date.early", EARLIEST));
        }
        String place = v.text("place", d.place(), 100, false);
        List<Person> talkers = persons(v, sys, "talkerIds", d.talkerIds());
        List<Person> targets = persons(v, sys, "targetIds", d.targetIds());
        v.check(d.talkerIds() != null && !d.talkerIds().isEmpty(), "talkerIds", TalkMessages.msg("error.talkers.none"));
        int nTargets = d.targetIds() == null ? 0 : new LinkedHashSet<>(d.targetIds()).size();
        if (kind != null) {
            if (kind.collective()) {
                v.check(nTargets >= 2, "targetIds", TalkMessages.msg("error.targets.collective", kind.nameZh(), nTargets));
            } else {
                v.check(nTargets == 1, "targetIds", TalkMessages.msg("error.targets.single", kind.nameZh(), nTargets));
            }
        }
        Set<String> overlap = new LinkedHashSet<>();
        if (d.talkerIds() != null && d.targetIds() != null) {
            for (Person p : talkers) {
                if (d.targetIds().contains(p.id())) {
                    overlap.add(p.name());
                }
            }
        }
        v.check(overlap.isEmpty(), "targetIds", TalkMessages.msg("error.participants.both", String.join("、", overlap)));
        int total = (d.talkerIds() == null ? 0 : d.talkerIds().size()) + (d.targetIds() == null ? 0 : d.targetIds().size());
        v.check(total <= MAX_PARTICIPANTS, "targetIds", TalkMessages.msg("error.participants.tooMany", MAX_PARTICIPANTS, total));

        String unitId = d.decidingUnitId() == null || d.decidingUnitId().isBlank() ? null : d.decidingUnitId().strip();
        String unitName = null;
        if (unitId != null) {
            try {
                OrgUnit u = org.unit(sys, unitId);
                unitName = u.name();
            } catch (NotFoundException e) {
                v.check(false, "decidingUnitId", TalkMessages.msg("error.unit.unknown", unitId));
            }
        }
        String decidedBy = v.text("decidedBy", d.decidedBy(), 200, false);
        String source = v.text("decisionSourceId", d.decisionSourceId(), 32, false);
        String ref = v.text("decisionRefId", d.decisionRefId(), 64, false);
        String text = v.text("decisionText", d.decisionText(), 200, false);
        if (source != null) {
            v.check(ref != null, "decisionRefId", Msg.core("error.field.required", "decisionRefId"));
            Optional<DecisionSourceProvider> provider = provider(source);
            if (provider.isPresent() && ref != null) {
                Optional<DecisionSource> found = provider.get().get(caller, ref);
                v.check(found.isPresent(), "decisionRefId", TalkMessages.msg("error.decision.unknown", ref));
                if (found.isPresent()) {
                    text = found.get().displayText();
                }
            } else {
                v.check(text != null, "decisionText", Msg.core("error.field.required", "decisionText"));
            }
        } else if (ref != null) {
            v.check(false, "decisionSourceId", Msg.core("error.field.required", "decisionSourceId"));
        }
        TalkTrigger trigger = v.required("trigger", d.trigger());
        String triggerNote = v.text("triggerNote", d.triggerNote(), 200, false);
        String topics = v.text("topics", d.topics(), 2000, false);
        String summary = v.text("summary", d.summary(), 8000, false);
        List<ValidFollowUp> fus = new ArrayList<>();
        if (d.followUps() != null) {
            int i = 0;
            for (FollowUpDraft f : d.followUps()) {
                fus.add(followUp(v, sys, "followUps[" + i++ + "]", f, date));
            }
        }
        v.throwIfInvalid();
        return new Valid(office, kind, date, place, talkers, targets, unitId, unitName, decidedBy, source, ref, text,
                trigger, triggerNote, topics, summary, fus);
    }

    private ValidFollowUp followUp(Validator v, Caller sys, String field, FollowUpDraft f, LocalDate talkDate) {
        String action = v.text(field + ".action", f == null ? null : f.action(), 500, true);
        Person owner = null;
        if (f != null && f.ownerId() != null && !f.ownerId().isBlank()) {
            owner = person(v, sys, field + ".ownerId", f.ownerId().strip());
        }
        LocalDate due = f == null ? null : f.dueDate();
        if (due != null && talkDate != null) {
            v.check(!due.isBefore(talkDate), field + ".dueDate", TalkMessages.msg("error.followUp.due", talkDate));
        }
        return new ValidFollowUp(action, owner, due);
    }

    private List<Person> persons(Validator v, Caller sys, String field, List<String> ids) {
        List<Person> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                continue;
            }
            if (!seen.add(id.strip())) {
                v.check(false, field, TalkMessages.msg("error.participants.duplicate"));
                continue;
            }
            Person p = person(v, sys, field, id.strip());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private Person person(Validator v, Caller sys, String field, String id) {
        try {
            return people.get(sys, id);
        } catch (NotFoundException e) {
            v.check(false, field, TalkMessages.msg("error.person.unknown", id));
            return null;
        }
    }

    private Optional<DecisionSourceProvider> provider(String sourceId) {
        return providers.stream().filter(p -> Objects.equals(p.sourceId(), sourceId)).findFirst();
    }

    private static void requireKindRole(Caller caller, TalkKind kind) {
        if (kind.admonitory() && !caller.has(Role.LEADER)) {
            throw new AccessDeniedException(TalkMessages.msg("error.access.admonitory"));
        }
    }

    @Override
    public Talk create(Caller caller, TalkDraft draft) {
        caller.requireAnyRole(WRITERS);
        Valid d = validate(caller, draft, null);
        caller.requireWrite(d.officeCode());
        requireKindRole(caller, d.kind());
        Viewer v = viewer(caller);
        return db.tx(caller, tx -> {
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO TALK (" + TALK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, 1)", id, d.officeCode(), d.kind().code(), d.date(), d.place(), d.decidingUnitId(),
                    d.decidingUnitName(), d.decidedBy(), d.decisionSource(), d.decisionRef(), d.decisionText(), d.trigger(),
                    d.triggerNote(), d.topics(), d.summary(), TalkStatus.RECORDED, null, caller.username(), tx.now(),
                    caller.username(), tx.now());
            insertParticipants(tx, id, d, Map.of());
            for (ValidFollowUp f : d.followUps()) {
                insertFollowUp(tx, id, d.officeCode(), f);
            }
            Map<String, Object[]> changes = describe(null, d);
            tx.audit(Store.MODULE, ENTITY, id, d.officeCode(), AuditAction.CREATE, changes);
            return view(v, load(tx, id), kindMap(tx));
        });
    }

    private static Map<String, Object[]> describe(Stored old, Valid d) {
        Map<String, Object[]> c = new LinkedHashMap<>();
        put(c, "kind", old == null ? null : old.kindCode(), d.kind().code());
        put(c, "date", old == null ? null : old.date(), d.date());
        put(c, "place", old == null ? null : old.place(), d.place());
        put(c, "talkers", old == null ? null : ids(old, ParticipantSide.TALKER),
                d.talkers().stream().map(Person::id).toList().toString());
        put(c, "targets", old == null ? null : ids(old, ParticipantSide.TARGET),
                d.targets().stream().map(Person::id).toList().toString());
        put(c, "decidingUnitId", old == null ? null : old.decidingUnitId(), d.decidingUnitId());
        put(c, "decidedBy", old == null ? null : old.decidedBy(), d.decidedBy());
        put(c, "decision", old == null ? null : old.decisionRef(), d.decisionRef());
        put(c, "trigger", old == null ? null : old.trigger(), d.trigger());
        // the content is confidential: the audit log records that it changed, never the text
        if (old == null ? d.topics() != null : !Objects.equals(old.topics(), d.topics())) {
            c.put("topics", new Object[] {old == null ? null : CONFIDENTIAL, CONFIDENTIAL});
        }
        if (old == null ? d.summary() != null : !Objects.equals(old.summary(), d.summary())) {
            c.put("summary", new Object[] {old == null ? null : CONFIDENTIAL, CONFIDENTIAL});
        }
        return c;
    }

    private static String ids(Stored s, ParticipantSide side) {
        return s.participants().stream().filter(p -> p.side() == side).map(Participant::personId).toList().toString();
    }

    private static void put(Map<String, Object[]> c, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            c.put(field, new Object[] {before, after});
        }
    }

    private static void insertParticipants(Tx tx, String talkId, Valid d, Map<String, Participant> keep) throws SQLException {
        int order = 0;
        for (Person p : d.talkers()) {
            insertParticipant(tx, talkId, d.officeCode(), p, ParticipantSide.TALKER, order++, keep.get(p.id() + "/TALKER"));
        }
        for (Person p : d.targets()) {
            insertParticipant(tx, talkId, d.officeCode(), p, ParticipantSide.TARGET, order++, keep.get(p.id() + "/TARGET"));
        }
    }

    private static void insertParticipant(Tx tx, String talkId, String office, Person p, ParticipantSide side, int order,
            Participant kept) throws SQLException {
        Caller c = tx.caller();
        tx.update("INSERT INTO TALK_PARTICIPANT (ID, TALK_ID, OFFICE_CODE, PERSON_ID, PERSON_NAME, PERSON_OFFICE, SIDE,"
                + " SORT_ORDER, CONFIRMED_AT, CONFIRMED_BY, ON_BEHALF, " + Rows.META + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, 1)", UUID.randomUUID().toString(), talkId, office, p.id(), p.name(), p.officeCode(), side.name(),
                order, kept == null ? null : kept.confirmedAt(), kept == null ? null : kept.confirmedBy(),
                kept != null && kept.confirmedOnBehalf() ? 1 : 0, c.username(), tx.now(), c.username(), tx.now());
    }

    private static String insertFollowUp(Tx tx, String talkId, String office, ValidFollowUp f) throws SQLException {
        Caller c = tx.caller();
        String id = UUID.randomUUID().toString();
        tx.update("INSERT INTO TALK_FOLLOW_UP (ID, TALK_ID, OFFICE_CODE, ACTION_TEXT, OWNER_ID, OWNER_NAME, DUE_DATE,"
                + " DONE_ON, DONE_NOTE, " + Rows.META + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, 1)", id, talkId,
                office, f.action(), f.owner() == null ? null : f.owner().id(), f.owner() == null ? null : f.owner().name(),
                f.due(), c.username(), tx.now(), c.username(), tx.now());
        return id;
    }

    @Override
    public Talk update(Caller caller, String id, long expectedVersion, TalkDraft draft) {
        caller.requireAnyRole(WRITERS);
        Viewer v = viewer(caller);
        Stored before = db.read(caller, tx -> load(tx, id));
        Valid given = validate(caller, draft, before.kindCode());
        caller.requireWrite(given.officeCode());
        requireKindRole(caller, given.kind());
        return db.tx(caller, tx -> {
            Stored old = load(tx, id);
            Map<String, TalkKind> kinds = kindMap(tx);
            requireEdit(v, old, kinds.get(old.kindCode()));
            // a recorder who may not read the content cannot change it either: it is kept as it was
            Valid d = contentVisible(v, old, kinds.get(old.kindCode())) ? given : keepContent(given, old);
            int rows = tx.update("UPDATE TALK SET OFFICE_CODE = ?, KIND_CODE = ?, TALK_DATE = ?, PLACE = ?,"
                    + " DECIDING_UNIT_ID = ?, DECIDING_UNIT_NAME = ?, DECIDED_BY = ?, DECISION_SOURCE = ?, DECISION_REF = ?,"
                    + " DECISION_TEXT = ?, TRIGGER_CODE = ?, TRIGGER_NOTE = ?, TOPICS = ?, SUMMARY = ?, UPDATED_BY = ?,"
                    + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.officeCode(), d.kind().code(),
                    d.date(), d.place(), d.decidingUnitId(), d.decidingUnitName(), d.decidedBy(), d.decisionSource(),
                    d.decisionRef(), d.decisionText(), d.trigger(), d.triggerNote(), d.topics(), d.summary(),
                    caller.username(), tx.now(), id, expectedVersion);
            requireUpdated(rows);
            boolean contentChanged = !Objects.equals(old.topics(), d.topics()) || !Objects.equals(old.summary(), d.summary());
            Map<String, Participant> keep = new HashMap<>();
            if (!contentChanged) {
                for (Participant p : old.participants()) {
                    keep.put(p.personId() + "/" + p.side(), p);
                }
            }
            tx.update("DELETE FROM TALK_PARTICIPANT WHERE TALK_ID = ?", id);
            insertParticipants(tx, id, d, keep);
            tx.update("UPDATE TALK_FOLLOW_UP SET OFFICE_CODE = ? WHERE TALK_ID = ?", d.officeCode(), id);
            Map<String, Object[]> changes = describe(old, d);
            if (contentChanged && old.participants().stream().anyMatch(Participant::confirmed)) {
                changes.put("confirmations", new Object[] {"kept", "cleared"});
            }
            tx.audit(Store.MODULE, ENTITY, id, d.officeCode(), AuditAction.UPDATE, changes);
            return view(v, load(tx, id), kinds);
        });
    }

    private static Valid keepContent(Valid d, Stored old) {
        return new Valid(d.officeCode(), d.kind(), d.date(), d.place(), d.talkers(), d.targets(), d.decidingUnitId(),
                d.decidingUnitName(), d.decidedBy(), d.decisionSource(), d.decisionRef(), d.decisionText(), d.trigger(),
                d.triggerNote(), old.topics(), old.summary(), d.followUps());
    }

    private static void requireUpdated(int rows) {
        if (rows != 1) {
            throw new StaleRecordException(Msg.core("error.stale"));
        }
    }

    @Override
    public Talk voidTalk(Caller caller, String id, long expectedVersion, String reason) {
        Validator val = new Validator();
        String r = val.text("reason", reason, 200, true);
        val.throwIfInvalid();
        Viewer v = viewer(caller);
        return db.tx(caller, tx -> {
            Stored old = load(tx, id);
            Map<String, TalkKind> kinds = kindMap(tx);
            requireEdit(v, old, kinds.get(old.kindCode()));
            int rows = tx.update("UPDATE TALK SET STATUS = ?, VOID_REASON = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", TalkStatus.VOID, r, caller.username(), tx.now(),
                    id, expectedVersion);
            requireUpdated(rows);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("status", new Object[] {old.status(), TalkStatus.VOID});
            changes.put("voidReason", new Object[] {null, r});
            tx.audit(Store.MODULE, ENTITY, id, old.officeCode(), AuditAction.UPDATE, changes);
            return view(v, load(tx, id), kinds);
        });
    }

    @Override
    public Talk confirm(Caller caller, String talkId, String personId) {
        Viewer v = viewer(caller);
        return db.tx(caller, tx -> {
            Stored s = load(tx, talkId);
            requireVisible(v, s);
            Map<String, TalkKind> kinds = kindMap(tx);
            TalkKind kind = kinds.get(s.kindCode());
            String who = personId == null || personId.isBlank() ? v.personId() : personId.strip();
            if (who == null) {
                throw ValidationException.field("personId", TalkMessages.msg("error.confirm.noPerson"));
            }
            Participant p = s.participants().stream().filter(x -> x.personId().equals(who)).findFirst()
                    .orElseThrow(() -> ValidationException.field("personId", TalkMessages.msg("error.confirm.notParticipant")));
            if (s.status() == TalkStatus.VOID) {
                throw new ValidationException(TalkMessages.msg("error.talk.void"));
            }
            boolean self = who.equals(v.personId());
            if (!self) {
                requireEdit(v, s, kind);
            }
            if (p.confirmed()) {
                throw ValidationException.field("personId", TalkMessages.msg("error.confirm.already", p.name()));
            }
            tx.update("UPDATE TALK_PARTICIPANT SET CONFIRMED_AT = ?, CONFIRMED_BY = ?, ON_BEHALF = ?, UPDATED_BY = ?,"
                    + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE TALK_ID = ? AND PERSON_ID = ?", tx.now(),
                    caller.username(), self ? 0 : 1, caller.username(), tx.now(), talkId, who);
            tx.update("UPDATE TALK SET UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?",
                    caller.username(), tx.now(), talkId);
            tx.audit(Store.MODULE, ENTITY, talkId, s.officeCode(), AuditAction.UPDATE,
                    Map.of("confirmed", new Object[] {null, p.name() + " (" + who + ")" + (self ? "" : " on behalf")}));
            return view(v, load(tx, talkId), kinds);
        });
    }

    @Override
    public Talk addFollowUp(Caller caller, String talkId, FollowUpDraft draft) {
        Viewer v = viewer(caller);
        return db.tx(caller, tx -> {
            Stored s = load(tx, talkId);
            Map<String, TalkKind> kinds = kindMap(tx);
            requireEdit(v, s, kinds.get(s.kindCode()));
            Validator val = new Validator();
            ValidFollowUp f = followUp(val, system(), "followUp", draft, s.date());
            val.throwIfInvalid();
            String id = insertFollowUp(tx, talkId, s.officeCode(), f);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("talkId", new Object[] {null, talkId});
            changes.put("action", new Object[] {null, CONFIDENTIAL});
            changes.put("owner", new Object[] {null, f.owner() == null ? null : f.owner().id()});
            changes.put("dueDate", new Object[] {null, f.due()});
            tx.audit(Store.MODULE, "followUp", id, s.officeCode(), AuditAction.CREATE, changes);
            return view(v, load(tx, talkId), kinds);
        });
    }

    @Override
    public Talk completeFollowUp(Caller caller, String talkId, String followUpId, long expectedVersion, LocalDate doneOn,
            String note) {
        Validator val = new Validator();
        LocalDate done = val.required("doneOn", doneOn);
        String n = val.text("doneNote", note, 500, false);
        if (done != null) {
            val.check(!done.isAfter(today()), "doneOn", TalkMessages.msg("error.date.future", today()));
        }
        val.throwIfInvalid();
        Viewer v = viewer(caller);
        return db.tx(caller, tx -> {
            Stored s = load(tx, talkId);
            Map<String, TalkKind> kinds = kindMap(tx);
            FollowUp f = s.followUps().stream().filter(x -> x.id().equals(followUpId)).findFirst()
                    .orElseThrow(() -> new NotFoundException(TalkMessages.msg("error.followUp.notFound", followUpId)));
            boolean owner = f.ownerId() != null && f.ownerId().equals(v.personId());
            if (!owner) {
                requireEdit(v, s, kinds.get(s.kindCode()));
            }
            if (!f.open()) {
                throw new ValidationException(TalkMessages.msg("error.followUp.done", f.doneOn()));
            }
            if (done.isBefore(s.date())) {
                throw ValidationException.field("doneOn", TalkMessages.msg("error.followUp.doneBefore", s.date()));
            }
            int rows = tx.update("UPDATE TALK_FOLLOW_UP SET DONE_ON = ?, DONE_NOTE = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", done, n, caller.username(), tx.now(), followUpId,
                    expectedVersion);
            requireUpdated(rows);
            tx.audit(Store.MODULE, "followUp", followUpId, s.officeCode(), AuditAction.UPDATE,
                    Map.of("doneOn", new Object[] {null, done}));
            return view(v, load(tx, talkId), kinds);
        });
    }

    @Override
    public List<DecisionSource> decisionSources(Caller caller, String officeCode, int year) {
        String office = caller.scopeOffice(officeCode);
        List<DecisionSource> out = new ArrayList<>();
        for (DecisionSourceProvider p : providers) {
            try {
                out.addAll(p.find(caller, office == null ? caller.officeCode() : office, year));
            } catch (HpfException e) {
                // a provider refusing this caller offers nothing; the others still do
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ statistics

    @Override
    public TalkStatistics statistics(Caller caller, String officeCode, int year) {
        String office = caller.scopeOffice(officeCode);
        return db.read(caller, tx -> Statistics.compute(tx, office, year, today()));
    }

    @Override
    public byte[] statisticsXlsx(Caller caller, String officeCode, int year, Locale locale) {
        TalkStatistics st = statistics(caller, officeCode, year);
        return StatisticsWorkbook.write(st, kinds(true), offices, locale);
    }
}
