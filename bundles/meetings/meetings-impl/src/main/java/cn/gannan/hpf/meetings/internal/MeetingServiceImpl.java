package cn.gannan.hpf.meetings.internal;

import static cn.gannan.hpf.meetings.internal.MeetingStore.change;
import static cn.gannan.hpf.meetings.internal.MeetingStore.flag;
import static cn.gannan.hpf.meetings.internal.MeetingStore.ts;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.meetings.api.ActionStatus;
import cn.gannan.hpf.meetings.api.Attendee;
import cn.gannan.hpf.meetings.api.AttendeeDraft;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.Cadence;
import cn.gannan.hpf.meetings.api.CadenceReport;
import cn.gannan.hpf.meetings.api.Category;
import cn.gannan.hpf.meetings.api.ExpectedAttendee;
import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.FollowUpDraft;
import cn.gannan.hpf.meetings.api.FollowUpQuery;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MeetingDraft;
import cn.gannan.hpf.meetings.api.MeetingQuery;
import cn.gannan.hpf.meetings.api.MeetingRule;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingStats;
import cn.gannan.hpf.meetings.api.MeetingSummary;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.meetings.api.QuorumCheck;
import cn.gannan.hpf.meetings.api.Revision;
import cn.gannan.hpf.meetings.api.Signature;
import cn.gannan.hpf.meetings.api.Threshold;
import cn.gannan.hpf.meetings.api.Topic;
import cn.gannan.hpf.meetings.api.TopicDraft;
import cn.gannan.hpf.meetings.api.VoteResult;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider;

/** The meeting register over the core's database; every rule is checked here. */
@Component(service = MeetingService.class)
public class MeetingServiceImpl implements MeetingService {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingServiceImpl.class);
    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Role[] WRITERS = {Role.STAFF, Role.BRANCH_SECRETARY, Role.LEADER, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};
    private static final Role[] SIGNERS = {Role.BRANCH_SECRETARY, Role.LEADER, Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};
    private static final Role[] ADMINS = {Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN};

    private final Database db;
    private final OrgService org;
    private final PersonService people;
    private final UserService users;
    private final AtomicReference<MeetingPlaceProvider> places = new AtomicReference<>();

    @Activate
    public MeetingServiceImpl(@Reference Database db, @Reference Migrations migrations, @Reference OrgService org,
            @Reference PersonService people, @Reference UserService users) {
        this.db = db;
        this.org = org;
        this.people = people;
        this.users = users;
        migrations.migrate(MODULE, MeetingServiceImpl.class, "db/meetings");
    }

    /** A place provider (e.g. the rooms module) lights up booking; without one the place is free text. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPlaceProvider(MeetingPlaceProvider provider) {
        places.set(provider);
    }

    void unbindPlaceProvider(MeetingPlaceProvider provider) {
        places.compareAndSet(provider, null);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Page<MeetingSummary> find(Caller caller, MeetingQuery query, PageRequest page) {
        MeetingQuery q = query == null ? MeetingQuery.all() : query;
        String office = caller.scopeOffice(q.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND M.OFFICE_CODE = ?");
            params.add(office);
        }
        if (q.year() != null) {
            where.append(" AND M.MEETING_YEAR = ?");
            params.add(q.year());
        }
        if (q.bodyId() != null && !q.bodyId().isBlank()) {
            where.append(" AND M.BODY_ID = ?");
            params.add(q.bodyId());
        }
        if (q.type() != null) {
            where.append(" AND M.MEETING_TYPE = ?");
            params.add(q.type());
        }
        if (q.status() != null) {
            where.append(" AND M.STATUS = ?");
            params.add(q.status());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (LOWER(M.SUBJECT) LIKE ? OR LOWER(M.BODY_NAME) LIKE ? OR LOWER(M.PLACE) LIKE ?)");
            String like = "%" + q.text().strip().toLowerCase(Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        PageRequest p = page == null ? PageRequest.first(50) : page;
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM MTG_MEETING M" + where, params.toArray());
            List<Object> all = new ArrayList<>(params);
            all.add(p.offset());
            all.add(p.limit());
            List<MeetingSummary> items = tx.query("SELECT M.ID, M.OFFICE_CODE, M.BODY_ID, M.BODY_NAME, M.MEETING_TYPE,"
                    + " M.START_AT, M.SUBJECT, M.STATUS, M.MEETING_YEAR, M.MINUTES_NO, M.VERSION,"
                    + " (SELECT COUNT(*) FROM MTG_TOPIC T WHERE T.MEETING_ID = M.ID) AS TOPICS,"
                    + " (SELECT COUNT(*) FROM MTG_ATTENDEE A WHERE A.MEETING_ID = M.ID AND A.KIND = 'MEMBER') AS EXPECTED,"
                    + " (SELECT COUNT(*) FROM MTG_ATTENDEE A WHERE A.MEETING_ID = M.ID AND A.KIND = 'MEMBER' AND A.PRESENT = 1)"
                    + " AS PRESENT_COUNT FROM MTG_MEETING M" + where
                    + " ORDER BY M.START_AT DESC, M.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> {
                        int no = rs.getInt("MINUTES_NO");
                        String number = rs.wasNull() ? null : Rules.numberText(rs.getInt("MEETING_YEAR"), no);
                        return new MeetingSummary(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("BODY_ID"),
                                rs.getString("BODY_NAME"), MeetingType.valueOf(rs.getString("MEETING_TYPE").trim()),
                                MeetingStore.dateTime(rs, "START_AT"), rs.getString("SUBJECT"),
                                MinutesStatus.valueOf(rs.getString("STATUS").trim()), number, rs.getInt("TOPICS"),
                                rs.getInt("EXPECTED"), rs.getInt("PRESENT_COUNT"), rs.getLong("VERSION"));
                    }, all.toArray());
            return new Page<>(items, p.offset(), p.limit(), total);
        });
    }

    @Override
    public Meeting get(Caller caller, String id) {
        return db.read(caller, tx -> {
            MeetingStore.Row row = MeetingStore.loadRow(tx, id);
            caller.requireRead(row.officeCode());
            return assemble(tx, row);
        });
    }

    private Meeting assemble(Tx tx, MeetingStore.Row r) throws SQLException {
        List<Attendee> attendees = MeetingStore.attendees(tx, r.id());
        List<Topic> topics = MeetingStore.topics(tx, r.id());
        MeetingRule rule = MeetingStore.rule(tx, r.type());
        boolean personnel = topics.stream().anyMatch(Topic::personnel);
        QuorumCheck quorum = Rules.quorum(rule, expected(attendees), present(attendees), personnel);
        return new Meeting(r.id(), r.officeCode(), r.bodyId(), r.bodyName(), r.type(), r.startAt(), r.endAt(), r.place(),
                r.placeBookingId(), r.chairId(), r.chairName(), r.recorderId(), r.recorderName(), r.subject(), r.notes(),
                r.status(), r.number(), r.number() == null ? null : Rules.numberText(r.year(), r.number()), r.revision(),
                r.correctionReason(), attendees, topics, MeetingStore.signatures(tx, r.id(), r.revision()), quorum, r.meta());
    }

    private static int expected(List<Attendee> attendees) {
        return (int) attendees.stream().filter(a -> a.kind() == AttendeeKind.MEMBER).count();
    }

    private static int present(List<Attendee> attendees) {
        return (int) attendees.stream().filter(a -> a.kind() == AttendeeKind.MEMBER && a.present()).count();
    }

    @Override
    public List<ExpectedAttendee> expectedAttendees(Caller caller, String bodyId) {
        OrgUnit body = org.unit(caller, bodyId);
        caller.requireRead(body.officeCode());
        Map<String, ExpectedAttendee> byPerson = new LinkedHashMap<>();
        for (Membership m : org.members(caller, bodyId, true)) {
            ExpectedAttendee prev = byPerson.get(m.personId());
            boolean leadership = m.post().leadership() || (prev != null && prev.leadership());
            byPerson.put(m.personId(), new ExpectedAttendee(m.personId(), m.personName(), leadership,
                    prev != null && prev.leadership() ? prev.post() : m.post().name()));
        }
        List<ExpectedAttendee> list = new ArrayList<>(byPerson.values());
        list.sort((a, b) -> Boolean.compare(b.leadership(), a.leadership()));
        return list;
    }

    @Override
    public List<MeetingPlaceProvider.Place> places(Caller caller, String officeCode) {
        String office = officeCode == null || officeCode.isBlank() ? caller.officeCode() : officeCode;
        caller.requireRead(office);
        MeetingPlaceProvider provider = places.get();
        return provider == null ? List.of() : provider.places(caller, office);
    }

    // ------------------------------------------------------------------ recording

    /** The draft, checked against the body, people, categories and the rule set. */
    private record Checked(OrgUnit body, MeetingDraft draft, String chairName, String recorderName,
            List<Attendee> attendees, List<TopicDraft> topics, List<VoteResult> results) {
    }

    private Checked check(Caller caller, Tx tx, MeetingDraft d) throws SQLException {
        if (d == null) {
            throw new ValidationException(Msg.core("error.field.required", "meeting"));
        }
        Validator v = new Validator();
        v.required("bodyId", blank(d.bodyId()) ? null : d.bodyId());
        v.required("type", d.type());
        v.required("startAt", d.startAt());
        v.text("subject", d.subject(), 200, true);
        v.text("place", d.place(), 200, false);
        v.text("notes", d.notes(), 4000, false);
        if (d.startAt() != null && d.endAt() != null) {
            v.check(d.endAt().isAfter(d.startAt()), "endAt", Texts.msg("error.endBeforeStart"));
        }
        if (d.startAt() != null) {
            v.check(d.startAt().getYear() >= 2000 && d.startAt().getYear() <= 2100, "startAt",
                    Texts.msg("error.yearRange", 2000, 2100));
        }
        v.throwIfInvalid();
        OrgUnit body = org.unit(caller, d.bodyId());
        caller.requireWrite(body.officeCode());
        if (!Rules.bodyFits(d.type(), body.type())) {
            throw ValidationException.field("bodyId", Texts.msg("error.bodyType", Texts.msg(d.type().messageKey()),
                    Msg.core(body.type().messageKey())));
        }
        MeetingRule rule = MeetingStore.rule(tx, d.type());
        Map<String, ExpectedAttendee> members = new HashMap<>();
        for (ExpectedAttendee e : expectedAttendees(caller, body.id())) {
            members.put(e.personId(), e);
        }
        String chairName = personName(caller, v, "chairId", d.chairId());
        String recorderName = personName(caller, v, "recorderId", d.recorderId());

        List<Attendee> attendees = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<AttendeeDraft> drafts = d.attendees() == null ? List.of() : d.attendees();
        for (int i = 0; i < drafts.size(); i++) {
            AttendeeDraft a = drafts.get(i);
            String f = "attendees[" + i + "]";
            if (a == null) {
                continue;
            }
            AttendeeKind kind = a.kind() == null ? AttendeeKind.MEMBER : a.kind();
            boolean isPresent = a.present() == null || a.present();
            String reason = v.text(f + ".absenceReason", a.absenceReason(), 200, false);
            if (kind == AttendeeKind.MEMBER) {
                ExpectedAttendee m = blank(a.personId()) ? null : members.get(a.personId());
                if (m == null) {
                    v.check(false, f + ".personId", Texts.msg("error.attendee.notMember", nz(a.name()), body.name()));
                    continue;
                }
                v.check(seen.add(m.personId()), f + ".personId", Texts.msg("error.attendee.duplicate", m.name()));
                v.check(isPresent || reason != null, f + ".absenceReason", Texts.msg("error.attendee.reason", m.name()));
                attendees.add(new Attendee(m.personId(), m.name(), kind, isPresent, isPresent ? null : reason, m.leadership()));
            } else {
                String name = v.text(f + ".name", a.name(), 50, true);
                if (!blank(a.personId())) {
                    v.check(!members.containsKey(a.personId()), f + ".personId",
                            Texts.msg("error.attendee.invitedMember", nz(name)));
                    v.check(seen.add(a.personId()), f + ".personId", Texts.msg("error.attendee.duplicate", nz(name)));
                }
                attendees.add(new Attendee(blank(a.personId()) ? null : a.personId(), name, kind, true, null, false));
            }
        }
        int expected = expected(attendees);
        int present = present(attendees);

        Set<String> categories = new HashSet<>();
        for (Category c : tx.query("SELECT * FROM MTG_CATEGORY WHERE ACTIVE = 1", MeetingStore::mapCategory)) {
            categories.add(c.code());
        }
        List<TopicDraft> topics = d.topics() == null ? List.of() : d.topics();
        List<VoteResult> results = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            TopicDraft t = topics.get(i);
            String f = "topics[" + i + "]";
            if (t == null) {
                v.check(false, f, Msg.core("error.field.required", f));
                results.add(VoteResult.NONE);
                continue;
            }
            v.text(f + ".title", t.title(), 200, true);
            v.text(f + ".submittedBy", t.submittedBy(), 100, false);
            v.text(f + ".presenter", t.presenter(), 100, false);
            v.text(f + ".summary", t.summary(), 4000, false);
            String decision = v.text(f + ".decision", t.decision(), 2000, false);
            v.check(t.categoryCode() != null && categories.contains(t.categoryCode()), f + ".categoryCode",
                    Texts.msg("error.category.unknown", nz(t.categoryCode())));
            boolean voted = t.votesFor() != null || t.votesAgainst() != null || t.votesAbstain() != null;
            if (voted) {
                if (rule.vote() == null) {
                    v.check(false, f + ".votesFor", Texts.msg("error.vote.notForType", Texts.msg(d.type().messageKey())));
                } else {
                    int yes = nn(t.votesFor());
                    int no = nn(t.votesAgainst());
                    int abstain = nn(t.votesAbstain());
                    v.check(yes >= 0 && no >= 0 && abstain >= 0, f + ".votesFor", Texts.msg("error.vote.negative"));
                    v.check(yes + no + abstain <= present, f + ".votesFor",
                            Texts.msg("error.vote.tooMany", yes + no + abstain, present));
                }
            }
            boolean personnel = Boolean.TRUE.equals(t.personnel());
            if (decision != null || voted) {
                QuorumCheck q = Rules.quorum(rule, expected, present, personnel);
                v.check(q.met(), f + ".decision", quorumRefusal(d.type(), q));
            }
            results.add(voted && rule.vote() != null ? Rules.vote(rule, nn(t.votesFor()), expected, present) : VoteResult.NONE);
        }
        v.throwIfInvalid();
        return new Checked(body, d, chairName, recorderName, attendees, topics, results);
    }

    /** 不足法定人数：党组会议应到 7 人，须超过 1/2（至少 4 人）出席，实到 3 人，不能作出决定。 */
    static Msg quorumRefusal(MeetingType type, QuorumCheck q) {
        return Texts.msg(q.personnel() ? "error.quorum.personnel" : "error.quorum", Texts.msg(type.messageKey()),
                q.expected(), q.rule().label(), q.required(), q.present());
    }

    private String personName(Caller caller, Validator v, String field, String personId) {
        if (blank(personId)) {
            return null;
        }
        try {
            Person p = people.get(caller, personId);
            return p.name();
        } catch (HpfException e) {
            v.check(false, field, Texts.msg("error.person.unknown", personId));
            return null;
        }
    }

    @Override
    public Meeting create(Caller caller, MeetingDraft draft) {
        caller.requireAnyRole(WRITERS);

        try {
            return db.tx(caller, tx -> {
                Checked c = check(caller, tx, draft);
                MeetingPlaceProvider.Booking b = book(caller, c);
                holder.set(b);
                String id = UUID.randomUUID().toString();
                MeetingDraft d = c.draft();
                tx.update("INSERT INTO MTG_MEETING (" + MeetingStore.MEETING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, NULL, 1, NULL, NULL, ?, ?, ?, ?, 1)", id, c.body().officeCode(), c.body().id(),
                        c.body().name(), d.type(), ts(d.startAt()), ts(d.endAt()), d.startAt().getYear(),
                        b != null ? b.placeName() : strip(d.place()), b != null ? b.id() : null, blankToNull(d.chairId()),
                        c.chairName(), blankToNull(d.recorderId()), c.recorderName(), d.subject().strip(), strip(d.notes()),
                        MinutesStatus.DRAFT, caller.username(), tx.now(), caller.username(), tx.now());
                writeChildren(tx, id, c, Map.of());
                Map<String, Object[]> changes = new LinkedHashMap<>();
                changes.put("body", new Object[] {null, c.body().name()});
                changes.put("type", new Object[] {null, d.type()});
                changes.put("startAt", new Object[] {null, d.startAt()});
                changes.put("subject", new Object[] {null, d.subject().strip()});
                changes.put("attendees", new Object[] {null, c.attendees().size()});
                changes.put("topics", new Object[] {null, c.topics().size()});
                tx.audit(MODULE, "meeting", id, c.body().officeCode(), AuditAction.CREATE, changes);
                return assemble(tx, MeetingStore.loadRow(tx, id));
            });
        } catch (RuntimeException e) {

            cancelBooking(caller, holder.get());
            throw e;
        } finally {
            holder.remove();
        }
    }

    /** The booking made in the current call, to cancel it when the transaction fails. */
    private final ThreadLocal<MeetingPlaceProvider.Booking> holder = new ThreadLocal<>();

    private MeetingPlaceProvider.Booking book(Caller caller, Checked c) {
        String placeId = c.draft().placeId();
        if (blank(placeId)) {
            return null;
        }
        MeetingPlaceProvider provider = places.get();
        if (provider == null) {
            throw ValidationException.field("placeId", Texts.msg("error.place.noProvider"));
        }
        LocalDateTime start = c.draft().startAt();
        LocalDateTime end = c.draft().endAt() != null ? c.draft().endAt() : start.plusHours(2);
        return provider.book(caller, placeId, start, end, c.draft().subject().strip());
    }

    private void cancelBooking(Caller caller, MeetingPlaceProvider.Booking booking) {
        if (booking != null) {
            cancelBooking(caller, booking.id());
        }
    }

    private void cancelBooking(Caller caller, String bookingId) {
        MeetingPlaceProvider provider = places.get();
        if (bookingId == null || provider == null) {
            return;
        }
        try {
            provider.cancel(caller, bookingId);
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel place booking {}: {}", bookingId, e.toString());
        }
    }

    private void writeChildren(Tx tx, String meetingId, Checked c, Map<String, Topic> existing) throws SQLException {
        tx.update("DELETE FROM MTG_ATTENDEE WHERE MEETING_ID = ?", meetingId);
        int seq = 1;
        for (Attendee a : c.attendees()) {
            tx.update("INSERT INTO MTG_ATTENDEE (ID, MEETING_ID, SEQ, PERSON_ID, NAME, KIND, PRESENT, ABSENCE_REASON, LEADERSHIP)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), meetingId, seq++, a.personId(),
                    a.name(), a.kind(), flag(a.present()), a.absenceReason(), flag(a.leadership()));
        }
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < c.topics().size(); i++) {
            TopicDraft t = c.topics().get(i);
            VoteResult result = c.results().get(i);
            boolean voted = t.votesFor() != null || t.votesAgainst() != null || t.votesAbstain() != null;
            Object[] values = {i + 1, t.title().strip(), t.categoryCode(), strip(t.submittedBy()), strip(t.presenter()),
                strip(t.summary()), strip(t.decision()), flag(Boolean.TRUE.equals(t.personnel())),
                voted ? nn(t.votesFor()) : null, voted ? nn(t.votesAgainst()) : null, voted ? nn(t.votesAbstain()) : null,
                result};
            if (t.id() != null && existing.containsKey(t.id())) {
                kept.add(t.id());
                Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
                params[values.length] = t.id();
                tx.update("UPDATE MTG_TOPIC SET SEQ = ?, TITLE = ?, CATEGORY_CODE = ?, SUBMITTED_BY = ?, PRESENTER = ?,"
                        + " SUMMARY = ?, DECISION = ?, PERSONNEL = ?, VOTES_FOR = ?, VOTES_AGAINST = ?, VOTES_ABSTAIN = ?,"
                        + " VOTE_RESULT = ? WHERE ID = ?", params);
            } else {
                Object[] params = new Object[values.length + 2];
                params[0] = UUID.randomUUID().toString();
                params[1] = meetingId;
                System.arraycopy(values, 0, params, 2, values.length);
                tx.update("INSERT INTO MTG_TOPIC (ID, MEETING_ID, SEQ, TITLE, CATEGORY_CODE, SUBMITTED_BY, PRESENTER, SUMMARY,"
                        + " DECISION, PERSONNEL, VOTES_FOR, VOTES_AGAINST, VOTES_ABSTAIN, VOTE_RESULT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
            }
        }
        for (Topic old : existing.values()) {
            if (!kept.contains(old.id())) {
                long actions = tx.count("SELECT COUNT(*) FROM MTG_ACTION WHERE TOPIC_ID = ?", old.id());
                if (actions > 0) {
                    throw ValidationException.field("topics", Texts.msg("error.topic.hasActions", old.title(), actions));
                }
                tx.update("DELETE FROM MTG_TOPIC WHERE ID = ?", old.id());
            }
        }
    }

    @Override
    public Meeting update(Caller caller, String id, long expectedVersion, MeetingDraft draft) {
        caller.requireAnyRole(WRITERS);
        String[] oldBooking = new String[1];
        try {
            Meeting m = db.tx(caller, tx -> {
                MeetingStore.Row old = MeetingStore.loadRow(tx, id);
                caller.requireWrite(old.officeCode());
                requireStatus(old, MinutesStatus.DRAFT, "error.status.notDraft");
                Checked c = check(caller, tx, draft);
                if (!c.body().id().equals(old.bodyId()) && old.number() != null) {
                    throw ValidationException.field("bodyId", Texts.msg("error.body.numbered"));
                }
                if (old.number() != null && draft.startAt().getYear() != old.year()) {
                    throw ValidationException.field("startAt", Texts.msg("error.year.numbered", old.year()));
                }
                MeetingDraft d = c.draft();
                MeetingPlaceProvider.Booking b = book(caller, c);
                holder.set(b);
                String place;
                String bookingId;
                if (b != null) {
                    place = b.placeName();
                    bookingId = b.id();
                    oldBooking[0] = old.placeBookingId();
                } else if (old.placeBookingId() != null && Objects.equals(strip(d.place()), old.place())
                        && Objects.equals(d.startAt(), old.startAt()) && Objects.equals(d.endAt(), old.endAt())) {
                    place = old.place();
                    bookingId = old.placeBookingId();
                } else {
                    place = strip(d.place());
                    bookingId = null;
                    oldBooking[0] = old.placeBookingId();
                }
                int rows = tx.update("UPDATE MTG_MEETING SET BODY_ID = ?, BODY_NAME = ?, OFFICE_CODE = ?, MEETING_TYPE = ?,"
                        + " START_AT = ?, END_AT = ?, MEETING_YEAR = ?, PLACE = ?, PLACE_BOOKING_ID = ?, CHAIR_ID = ?,"
                        + " CHAIR_NAME = ?, RECORDER_ID = ?, RECORDER_NAME = ?, SUBJECT = ?, NOTES = ?, UPDATED_BY = ?,"
                        + " UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", c.body().id(), c.body().name(),
                        c.body().officeCode(), d.type(), ts(d.startAt()), ts(d.endAt()), d.startAt().getYear(), place,
                        bookingId, blankToNull(d.chairId()), c.chairName(), blankToNull(d.recorderId()), c.recorderName(),
                        d.subject().strip(), strip(d.notes()), caller.username(), tx.now(), id, expectedVersion);
                MeetingStore.requireUpdated(tx, rows, "MTG_MEETING", id, "entity.meeting");
                Map<String, Topic> existing = new HashMap<>();
                for (Topic t : MeetingStore.topics(tx, id)) {
                    existing.put(t.id(), t);
                }
                writeChildren(tx, id, c, existing);
                Map<String, Object[]> changes = new LinkedHashMap<>();
                diff(changes, "body", old.bodyName(), c.body().name());
                diff(changes, "type", old.type(), d.type());
                diff(changes, "startAt", old.startAt(), d.startAt());
                diff(changes, "place", old.place(), place);
                diff(changes, "subject", old.subject(), d.subject().strip());
                changes.put("attendees", new Object[] {null, c.attendees().size()});
                changes.put("topics", new Object[] {existing.size(), c.topics().size()});
                tx.audit(MODULE, "meeting", id, c.body().officeCode(), AuditAction.UPDATE, changes);
                return assemble(tx, MeetingStore.loadRow(tx, id));
            });
            if (oldBooking[0] != null) {
                cancelBooking(caller, oldBooking[0]);
            }
            return m;
        } catch (RuntimeException e) {
            cancelBooking(caller, holder.get());
            throw e;
        } finally {
            holder.remove();
        }
    }

    private static void requireStatus(MeetingStore.Row row, MinutesStatus wanted, String key) {
        if (row.status() != wanted) {
            throw new ValidationException(Texts.msg(key, Texts.msg(row.status().messageKey())));
        }
    }

    // ------------------------------------------------------------------ minutes workflow

    /** Runs a status change: loads, checks office and version, applies, audits the status change. */
    private interface Transition {
        void apply(Tx tx, MeetingStore.Row row) throws SQLException;
    }

    private Meeting transition(Caller caller, String id, long expectedVersion, Role[] roles, Transition work) {
        caller.requireAnyRole(roles);
        return db.tx(caller, tx -> {
            MeetingStore.Row row = MeetingStore.loadRow(tx, id);
            caller.requireWrite(row.officeCode());
            if (row.meta().version() != expectedVersion) {
                MeetingStore.requireUpdated(tx, 0, "MTG_MEETING", id, "entity.meeting");
            }
            work.apply(tx, row);
            int rows = tx.update("UPDATE MTG_MEETING SET UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND VERSION = ?", caller.username(), tx.now(), id, expectedVersion);
            MeetingStore.requireUpdated(tx, rows, "MTG_MEETING", id, "entity.meeting");
            MeetingStore.Row after = MeetingStore.loadRow(tx, id);
            if (after.status() != row.status()) {
                tx.audit(MODULE, "meeting", id, row.officeCode(), AuditAction.UPDATE,
                        change("status", row.status(), after.status()));
            }
            return assemble(tx, after);
        });
    }

    private static void setStatus(Tx tx, String id, MinutesStatus status) throws SQLException {
        tx.update("UPDATE MTG_MEETING SET STATUS = ? WHERE ID = ?", status, id);
    }

    @Override
    public Meeting circulate(Caller caller, String id, long expectedVersion) {
        return transition(caller, id, expectedVersion, WRITERS, (tx, row) -> {
            requireStatus(row, MinutesStatus.DRAFT, "error.status.notDraft");
            LocalDateTime now = LocalDateTime.ofInstant(tx.now(), OFFICE_ZONE);
            if (row.startAt().isAfter(now)) {
                throw new ValidationException(Texts.msg("error.circulate.future", row.startAt().toLocalDate()));
            }
            Meeting m = assemble(tx, row);
            if (m.topics().isEmpty() && blank(m.notes())) {
                throw new ValidationException(Texts.msg("error.circulate.empty"));
            }
            MeetingRule rule = MeetingStore.rule(tx, row.type());
            for (Topic t : m.topics()) {
                if (!blank(t.decision()) || t.votesFor() != null) {
                    QuorumCheck q = Rules.quorum(rule, m.quorum().expected(), m.quorum().present(), t.personnel());
                    if (!q.met()) {
                        throw new ValidationException(quorumRefusal(row.type(), q));
                    }
                }
            }
            setStatus(tx, id, MinutesStatus.CIRCULATED);
        });
    }

    @Override
    public Meeting recall(Caller caller, String id, long expectedVersion) {
        return transition(caller, id, expectedVersion, WRITERS, (tx, row) -> {
            requireStatus(row, MinutesStatus.CIRCULATED, "error.status.notCirculated");
            int withdrawn = tx.update("DELETE FROM MTG_SIGNATURE WHERE MEETING_ID = ? AND REVISION_NO = ?", id, row.revision());
            if (withdrawn > 0) {
                tx.audit(MODULE, "signature", id, row.officeCode(), AuditAction.DELETE, change("signatures", withdrawn, 0));
            }
            setStatus(tx, id, MinutesStatus.DRAFT);
        });
    }

    @Override
    public Meeting sign(Caller caller, String id, long expectedVersion, String personId) {
        boolean self = !blank(personId) && personId.equals(personOf(caller));
        Role[] roles = self ? WRITERS : SIGNERS;
        return transition(caller, id, expectedVersion, roles, (tx, row) -> {
            requireStatus(row, MinutesStatus.CIRCULATED, "error.status.notCirculated");
            Attendee who = MeetingStore.attendees(tx, id).stream()
                    .filter(a -> a.personId() != null && a.personId().equals(personId)).findFirst().orElse(null);
            if (who == null || !who.leadership() || !who.present() || who.kind() != AttendeeKind.MEMBER) {
                throw ValidationException.field("personId", Texts.msg("error.sign.notLeaderPresent",
                        who == null ? nz(personId) : who.name()));
            }
            if (tx.count("SELECT COUNT(*) FROM MTG_SIGNATURE WHERE MEETING_ID = ? AND REVISION_NO = ? AND PERSON_ID = ?", id,
                    row.revision(), personId) > 0) {
                throw ValidationException.field("personId", Texts.msg("error.sign.already", who.name()));
            }
            tx.update("INSERT INTO MTG_SIGNATURE (ID, MEETING_ID, REVISION_NO, PERSON_ID, NAME, SIGNED_AT, RECORDED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, row.revision(), personId, who.name(),
                    tx.now(), caller.username());
            tx.audit(MODULE, "signature", id, row.officeCode(), AuditAction.CREATE,
                    change("signedBy", null, who.name() + " (rev " + row.revision() + ")"));
        });
    }

    /** The person of the caller's user account, or null. */
    private String personOf(Caller caller) {
        try {
            return users.byUsername(Caller.system(caller.officeCode()), caller.username()).personId();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Leadership members present who have not co-signed the current revision. */
    static List<String> missingSignatures(List<Attendee> attendees, List<Signature> signatures) {
        Set<String> signed = signatures.stream().map(Signature::personId).collect(Collectors.toSet());
        return attendees.stream().filter(a -> a.kind() == AttendeeKind.MEMBER && a.leadership() && a.present())
                .filter(a -> !signed.contains(a.personId())).map(Attendee::name).toList();
    }

    @Override
    public Meeting issue(Caller caller, String id, long expectedVersion) {
        return transition(caller, id, expectedVersion, SIGNERS, (tx, row) -> {
            requireStatus(row, MinutesStatus.CIRCULATED, "error.status.notCirculated");
            List<String> missing = missingSignatures(MeetingStore.attendees(tx, id),
                    MeetingStore.signatures(tx, id, row.revision()));
            if (!missing.isEmpty()) {
                throw new ValidationException(Texts.msg("error.issue.unsigned", missing.size(), String.join("、", missing)));
            }
            if (MeetingStore.attendees(tx, id).stream().noneMatch(a -> a.leadership() && a.present())) {
                throw new ValidationException(Texts.msg("error.issue.noLeader"));
            }
            Integer number = row.number();
            if (number == null) {
                number = nextNumber(tx, row.bodyId(), row.year());
                tx.update("UPDATE MTG_MEETING SET MINUTES_NO = ? WHERE ID = ?", number, id);
                tx.audit(MODULE, "meeting", id, row.officeCode(), AuditAction.UPDATE,
                        change("number", null, Rules.numberText(row.year(), number)));
            }
            setStatus(tx, id, MinutesStatus.ISSUED);
            MeetingStore.Row issued = MeetingStore.loadRow(tx, id);
            String numberText = Rules.numberText(row.year(), number);
            String content = PrintText.plain(Minutes.document(assemble(tx, issued), categoryNames(tx, Locale.SIMPLIFIED_CHINESE),
                    Locale.SIMPLIFIED_CHINESE));
            tx.update("INSERT INTO MTG_REVISION (ID, MEETING_ID, REVISION_NO, NUMBER_TEXT, ISSUED_AT, ISSUED_BY, REASON, CONTENT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, row.revision(), numberText,
                    tx.now(), caller.username(), row.correctionReason(), truncate(content, 32000));
        });
    }

    /**
     * The next number of a body's minutes in a year. The counter row is updated in the issuing
     * transaction, which locks it until commit: numbers are gapless and never given twice.
     */
    static int nextNumber(Tx tx, String bodyId, int year) throws SQLException {
        int rows = tx.update("UPDATE MTG_NUMBER_SEQ SET LAST_NO = LAST_NO + 1 WHERE BODY_ID = ? AND SEQ_YEAR = ?", bodyId, year);
        if (rows == 0) {
            tx.update("INSERT INTO MTG_NUMBER_SEQ (BODY_ID, SEQ_YEAR, LAST_NO) VALUES (?, ?, 1)", bodyId, year);
            return 1;
        }
        return (int) tx.count("SELECT LAST_NO FROM MTG_NUMBER_SEQ WHERE BODY_ID = ? AND SEQ_YEAR = ?", bodyId, year);
    }

    @Override
    public Meeting startCorrection(Caller caller, String id, long expectedVersion, String reason) {
        Validator v = new Validator();
        String why = v.text("reason", reason, 500, true);
        v.throwIfInvalid();
        return transition(caller, id, expectedVersion, SIGNERS, (tx, row) -> {
            requireStatus(row, MinutesStatus.ISSUED, "error.status.notIssued");
            tx.update("UPDATE MTG_MEETING SET STATUS = ?, REVISION_NO = ?, CORRECTION_REASON = ? WHERE ID = ?",
                    MinutesStatus.DRAFT, row.revision() + 1, why, id);
            tx.audit(MODULE, "meeting", id, row.officeCode(), AuditAction.UPDATE,
                    Map.of("revision", new Object[] {row.revision(), row.revision() + 1}, "reason", new Object[] {null, why}));
        });
    }

    @Override
    public Meeting cancel(Caller caller, String id, long expectedVersion, String reason) {
        Validator v = new Validator();
        String why = v.text("reason", reason, 500, true);
        v.throwIfInvalid();
        String[] booking = new String[1];
        Meeting m = transition(caller, id, expectedVersion, WRITERS, (tx, row) -> {
            if (row.status() == MinutesStatus.ISSUED || row.status() == MinutesStatus.CANCELLED || row.number() != null) {
                throw new ValidationException(Texts.msg("error.cancel.status", Texts.msg(row.status().messageKey())));
            }
            tx.update("UPDATE MTG_MEETING SET STATUS = ?, CANCEL_REASON = ? WHERE ID = ?", MinutesStatus.CANCELLED, why, id);
            booking[0] = row.placeBookingId();
        });
        cancelBooking(caller, booking[0]);
        return m;
    }

    @Override
    public List<Revision> revisions(Caller caller, String id) {
        return db.read(caller, tx -> {
            MeetingStore.Row row = MeetingStore.loadRow(tx, id);
            caller.requireRead(row.officeCode());
            return MeetingStore.revisions(tx, id);
        });
    }

    @Override
    public PrintDocument print(Caller caller, String id, Locale locale) {
        return db.read(caller, tx -> {
            MeetingStore.Row row = MeetingStore.loadRow(tx, id);
            caller.requireRead(row.officeCode());
            return Minutes.document(assemble(tx, row), categoryNames(tx, locale), locale);
        });
    }

    private static Map<String, String> categoryNames(Tx tx, Locale locale) throws SQLException {
        Map<String, String> names = new HashMap<>();
        for (Category c : tx.query("SELECT * FROM MTG_CATEGORY", MeetingStore::mapCategory)) {
            names.put(c.code(), c.name(locale));
        }
        return names;
    }

    // ------------------------------------------------------------------ reference data and rules

    @Override
    public List<Category> categories(Caller caller, boolean activeOnly) {
        return db.read(caller, tx -> tx.query("SELECT * FROM MTG_CATEGORY" + (activeOnly ? " WHERE ACTIVE = 1" : "")
                + " ORDER BY SORT_ORDER, CODE", MeetingStore::mapCategory));
    }

    @Override
    public Category saveCategory(Caller caller, Category category, long expectedVersion) {
        caller.requireAnyRole(ADMINS);
        Validator v = new Validator();
        String code = v.text("code", category == null ? null : category.code(), 32, true);
        if (code != null) {
            v.check(code.matches("[A-Z][A-Z0-9_]*"), "code", Texts.msg("error.category.code"));
        }
        String zh = v.text("nameZh", category == null ? null : category.nameZh(), 50, true);
        String en = v.text("nameEn", category == null ? null : category.nameEn(), 50, true);
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            boolean exists = tx.count("SELECT COUNT(*) FROM MTG_CATEGORY WHERE CODE = ?", code) > 0;
            if (expectedVersion == 0) {
                if (exists) {
                    throw ValidationException.field("code", Texts.msg("error.category.exists", code));
                }
                tx.update("INSERT INTO MTG_CATEGORY (CODE, NAME_ZH, NAME_EN, SORT_ORDER, ACTIVE, CREATED_BY, CREATED_AT,"
                        + " UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", code, zh, en,
                        category.sortOrder(), flag(category.active()), caller.username(), tx.now(), caller.username(), tx.now());
                tx.audit(MODULE, "category", code, caller.officeCode(), AuditAction.CREATE, change("name", null, zh));
            } else {
                Category old = tx.queryOne("SELECT * FROM MTG_CATEGORY WHERE CODE = ?", MeetingStore::mapCategory, code)
                        .orElseThrow(() -> MeetingStore.notFound("entity.category", code));
                int rows = tx.update("UPDATE MTG_CATEGORY SET NAME_ZH = ?, NAME_EN = ?, SORT_ORDER = ?, ACTIVE = ?,"
                        + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE CODE = ? AND VERSION = ?", zh, en,
                        category.sortOrder(), flag(category.active()), caller.username(), tx.now(), code, expectedVersion);
                if (rows == 0) {
                    throw new cn.gannan.hpf.core.api.StaleRecordException(Msg.core("error.stale"));
                }
                Map<String, Object[]> changes = new LinkedHashMap<>();
                diff(changes, "nameZh", old.nameZh(), zh);
                diff(changes, "nameEn", old.nameEn(), en);
                diff(changes, "sortOrder", old.sortOrder(), category.sortOrder());
                diff(changes, "active", old.active(), category.active());
                tx.audit(MODULE, "category", code, caller.officeCode(), AuditAction.UPDATE, changes);
            }
            return tx.queryOne("SELECT * FROM MTG_CATEGORY WHERE CODE = ?", MeetingStore::mapCategory, code).orElseThrow();
        });
    }

    @Override
    public List<MeetingRule> rules(Caller caller) {
        List<MeetingRule> list = new ArrayList<>(db.read(caller, MeetingStore::rules));
        list.sort((a, b) -> a.type().compareTo(b.type()));
        return list;
    }

    @Override
    public MeetingRule updateRule(Caller caller, MeetingRule rule, long expectedVersion) {
        caller.requireAnyRole(ADMINS);
        Validator v = new Validator();
        v.required("type", rule == null ? null : rule.type());
        v.required("quorum", rule == null ? null : rule.quorum());
        v.required("cadence", rule == null ? null : rule.cadence());
        if (rule != null && rule.vote() != null) {
            v.required("voteBase", rule.voteBase());
        }
        if (rule != null && rule.cadence() != null && rule.cadence() != Cadence.NONE) {
            v.required("appliesTo", rule.appliesTo());
        }
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            MeetingRule old = MeetingStore.rule(tx, rule.type());
            Threshold p = rule.personnelQuorum();
            Threshold vote = rule.vote();
            int rows = tx.update("UPDATE MTG_RULE SET QUORUM_NUM = ?, QUORUM_DEN = ?, QUORUM_STRICT = ?, PERSONNEL_NUM = ?,"
                    + " PERSONNEL_DEN = ?, PERSONNEL_STRICT = ?, VOTE_NUM = ?, VOTE_DEN = ?, VOTE_STRICT = ?, VOTE_BASE = ?,"
                    + " CADENCE = ?, APPLIES_TO = ?, UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1"
                    + " WHERE MEETING_TYPE = ? AND VERSION = ?", rule.quorum().numerator(), rule.quorum().denominator(),
                    flag(rule.quorum().strict()), p == null ? null : p.numerator(), p == null ? null : p.denominator(),
                    p == null ? null : flag(p.strict()), vote == null ? null : vote.numerator(),
                    vote == null ? null : vote.denominator(), vote == null ? null : flag(vote.strict()),
                    vote == null ? null : rule.voteBase().name(), rule.cadence(),
                    rule.cadence() == Cadence.NONE ? null : rule.appliesTo(), caller.username(), tx.now(), rule.type(),
                    expectedVersion);
            if (rows == 0) {
                throw new cn.gannan.hpf.core.api.StaleRecordException(Msg.core("error.stale"));
            }
            MeetingRule now = MeetingStore.rule(tx, rule.type());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            diff(changes, "quorum", label(old.quorum()), label(now.quorum()));
            diff(changes, "personnelQuorum", label(old.personnelQuorum()), label(now.personnelQuorum()));
            diff(changes, "vote", label(old.vote()), label(now.vote()));
            diff(changes, "voteBase", old.voteBase(), now.voteBase());
            diff(changes, "cadence", old.cadence(), now.cadence());
            diff(changes, "appliesTo", old.appliesTo(), now.appliesTo());
            tx.audit(MODULE, "rule", rule.type().name(), caller.officeCode(), AuditAction.UPDATE, changes);
            return now;
        });
    }

    private static String label(Threshold t) {
        return t == null ? null : t.label();
    }

    // ------------------------------------------------------------------ follow-up actions

    @Override
    public FollowUp addFollowUp(Caller caller, String meetingId, FollowUpDraft draft) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        v.required("topicId", draft == null || blank(draft.topicId()) ? null : draft.topicId());
        String title = v.text("title", draft == null ? null : draft.title(), 200, true);
        v.required("ownerId", draft == null || blank(draft.ownerId()) ? null : draft.ownerId());
        v.required("dueDate", draft == null ? null : draft.dueDate());
        v.throwIfInvalid();
        return db.tx(caller, tx -> {
            MeetingStore.Row row = MeetingStore.loadRow(tx, meetingId);
            caller.requireWrite(row.officeCode());
            if (row.status() == MinutesStatus.CANCELLED) {
                throw new ValidationException(Texts.msg("error.action.cancelledMeeting"));
            }
            Topic topic = MeetingStore.topics(tx, meetingId).stream().filter(t -> t.id().equals(draft.topicId())).findFirst()
                    .orElseThrow(() -> ValidationException.field("topicId", Texts.msg("error.action.topic")));
            if (blank(topic.decision())) {
                throw ValidationException.field("topicId", Texts.msg("error.action.noDecision", topic.title()));
            }
            if (topic.voteResult() == VoteResult.FAILED) {
                throw ValidationException.field("topicId", Texts.msg("error.action.failedVote", topic.title()));
            }
            Person owner;
            try {
                owner = people.get(caller, draft.ownerId());
            } catch (HpfException e) {
                throw ValidationException.field("ownerId", Texts.msg("error.person.unknown", draft.ownerId()));
            }
            if (draft.dueDate().isBefore(row.startAt().toLocalDate())) {
                throw ValidationException.field("dueDate", Texts.msg("error.action.dueBeforeMeeting", row.startAt().toLocalDate()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO MTG_ACTION (ID, OFFICE_CODE, MEETING_ID, TOPIC_ID, TITLE, OWNER_ID, OWNER_NAME, DUE_DATE, STATUS,"
                    + " EVIDENCE, DONE_ON, CREATED_BY, CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, 1)", id, row.officeCode(), meetingId, topic.id(),
                    title, owner.id(), owner.name(), draft.dueDate(), ActionStatus.OPEN, caller.username(), tx.now(),
                    caller.username(), tx.now());
            Map<String, Object[]> changes = new LinkedHashMap<>();
            changes.put("title", new Object[] {null, title});
            changes.put("owner", new Object[] {null, owner.name()});
            changes.put("dueDate", new Object[] {null, draft.dueDate()});
            tx.audit(MODULE, "action", id, row.officeCode(), AuditAction.CREATE, changes);
            return loadAction(tx, id, LocalDate.now(OFFICE_ZONE));
        });
    }

    private static FollowUp loadAction(Tx tx, String id, LocalDate today) throws SQLException {
        return tx.queryOne(MeetingStore.ACTION_SELECT + " WHERE A.ID = ?", rs -> MeetingStore.mapAction(rs, today), id)
                .orElseThrow(() -> MeetingStore.notFound("entity.action", id));
    }

    @Override
    public FollowUp completeFollowUp(Caller caller, String id, long expectedVersion, String evidence, LocalDate doneOn) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        String ev = v.text("evidence", evidence, 2000, true);
        v.required("doneOn", doneOn);
        v.throwIfInvalid();
        return closeAction(caller, id, expectedVersion, ActionStatus.DONE, ev, doneOn);
    }

    @Override
    public FollowUp cancelFollowUp(Caller caller, String id, long expectedVersion, String reason) {
        caller.requireAnyRole(WRITERS);
        Validator v = new Validator();
        String why = v.text("reason", reason, 2000, true);
        v.throwIfInvalid();
        return closeAction(caller, id, expectedVersion, ActionStatus.CANCELLED, why, null);
    }

    private FollowUp closeAction(Caller caller, String id, long expectedVersion, ActionStatus status, String text,
            LocalDate doneOn) {
        return db.tx(caller, tx -> {
            LocalDate today = LocalDate.ofInstant(tx.now(), OFFICE_ZONE);
            FollowUp old = loadAction(tx, id, today);
            caller.requireWrite(old.officeCode());
            if (old.status() != ActionStatus.OPEN) {
                throw new ValidationException(Texts.msg("error.action.notOpen", Texts.msg(old.status().messageKey())));
            }
            if (doneOn != null) {
                LocalDate meetingDay = MeetingStore.loadRow(tx, old.meetingId()).startAt().toLocalDate();
                if (doneOn.isBefore(meetingDay) || doneOn.isAfter(today)) {
                    throw ValidationException.field("doneOn", Texts.msg("error.action.doneOn", meetingDay, today));
                }
            }
            int rows = tx.update("UPDATE MTG_ACTION SET STATUS = ?, EVIDENCE = ?, DONE_ON = ?, UPDATED_BY = ?, UPDATED_AT = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", status, text, doneOn, caller.username(), tx.now(),
                    id, expectedVersion);
            MeetingStore.requireUpdated(tx, rows, "MTG_ACTION", id, "entity.action");
            tx.audit(MODULE, "action", id, old.officeCode(), AuditAction.UPDATE,
                    Map.of("status", new Object[] {old.status(), status}, "evidence", new Object[] {null, text}));
            return loadAction(tx, id, today);
        });
    }

    @Override
    public Page<FollowUp> followUps(Caller caller, FollowUpQuery query, LocalDate today, PageRequest page) {
        FollowUpQuery q = query == null ? new FollowUpQuery(null, null, null, null, false) : query;
        LocalDate day = today == null ? LocalDate.now(OFFICE_ZONE) : today;
        String office = caller.scopeOffice(q.officeCode());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND A.OFFICE_CODE = ?");
            params.add(office);
        }
        if (!blank(q.meetingId())) {
            where.append(" AND A.MEETING_ID = ?");
            params.add(q.meetingId());
        }
        if (!blank(q.ownerId())) {
            where.append(" AND A.OWNER_ID = ?");
            params.add(q.ownerId());
        }
        if (q.overdueOnly()) {
            where.append(" AND A.STATUS = ? AND A.DUE_DATE < ?");
            params.add(ActionStatus.OPEN);
            params.add(day);
        } else if (q.status() != null) {
            where.append(" AND A.STATUS = ?");
            params.add(q.status());
        }
        PageRequest p = page == null ? PageRequest.first(50) : page;
        return db.read(caller, tx -> {
            long total = tx.count("SELECT COUNT(*) FROM MTG_ACTION A" + where, params.toArray());
            List<Object> all = new ArrayList<>(params);
            all.add(p.offset());
            all.add(p.limit());
            List<FollowUp> items = tx.query(MeetingStore.ACTION_SELECT + where
                    + " ORDER BY A.DUE_DATE, A.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    rs -> MeetingStore.mapAction(rs, day), all.toArray());
            return new Page<>(items, p.offset(), p.limit(), total);
        });
    }

    @Override
    public List<FollowUp> overdueFor(Caller caller, LocalDate today) {
        List<FollowUp> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String person = personOf(caller);
        if (person != null) {
            for (FollowUp f : followUps(caller, new FollowUpQuery(caller.officeCode(), null, person, null, true), today,
                    PageRequest.first(100)).items()) {
                if (ids.add(f.id())) {
                    list.add(f);
                }
            }
        }
        if (caller.hasAny(SIGNERS)) {
            for (FollowUp f : followUps(caller, new FollowUpQuery(null, null, null, null, true), today,
                    PageRequest.first(100)).items()) {
                if (ids.add(f.id())) {
                    list.add(f);
                }
            }
        }
        return list;
    }

    // ------------------------------------------------------------------ cadence and statistics

    @Override
    public CadenceReport cadence(Caller caller, String officeCode, int year, LocalDate today) {
        String office = caller.scopeOffice(officeCode);
        LocalDate day = today == null ? LocalDate.now(OFFICE_ZONE) : today;
        List<OrgUnit> units = org.units(caller, office);
        Map<String, OrgUnit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        return db.read(caller, tx -> {
            List<MeetingRule> rules = MeetingStore.rules(tx);
            rules.sort((a, b) -> a.type().compareTo(b.type()));
            // meetings of the year by (body or its parent) and type
            Map<String, List<LocalDate>> held = new HashMap<>();
            List<Object[]> rows = tx.query("SELECT BODY_ID, MEETING_TYPE, START_AT FROM MTG_MEETING WHERE MEETING_YEAR = ?"
                    + " AND STATUS <> 'CANCELLED'" + (office == null ? "" : " AND OFFICE_CODE = ?"),
                    rs -> new Object[] {rs.getString(1), rs.getString(2).trim(), MeetingStore.dateTime(rs, "START_AT")},
                    office == null ? new Object[] {year} : new Object[] {year, office});
            for (Object[] r : rows) {
                String body = (String) r[0];
                LocalDate date = ((LocalDateTime) r[2]).toLocalDate();
                held.computeIfAbsent(body + "|" + r[1], k -> new ArrayList<>()).add(date);
                OrgUnit u = byId.get(body);
                if (u != null && u.parentId() != null) {
                    // a party cell's meeting counts for its branch
                    held.computeIfAbsent(u.parentId() + "|" + r[1], k -> new ArrayList<>()).add(date);
                }
            }
            List<CadenceReport.Row> out = new ArrayList<>();
            for (OrgUnit u : units) {
                for (MeetingRule rule : rules) {
                    if (rule.cadence() == Cadence.NONE || rule.appliesTo() != u.type()) {
                        continue;
                    }
                    List<LocalDate> dates = held.getOrDefault(u.id() + "|" + rule.type().name(), List.of());
                    out.add(new CadenceReport.Row(u.officeCode(), u.id(), u.name(), rule.type(), rule.cadence(),
                            Rules.cells(rule.cadence(), year, day, dates)));
                }
            }
            return new CadenceReport(year, day, out);
        });
    }

    @Override
    public MeetingStats statistics(Caller caller, String officeCode, int year, LocalDate today) {
        String office = caller.scopeOffice(officeCode);
        LocalDate day = today == null ? LocalDate.now(OFFICE_ZONE) : today;
        String filter = " M.MEETING_YEAR = ? AND M.STATUS <> 'CANCELLED'" + (office == null ? "" : " AND M.OFFICE_CODE = ?");
        Object[] params = office == null ? new Object[] {year} : new Object[] {year, office};
        return db.read(caller, tx -> {
            Map<MeetingType, Long> byType = new LinkedHashMap<>();
            for (MeetingType t : MeetingType.values()) {
                byType.put(t, 0L);
            }
            for (Object[] r : tx.query("SELECT M.MEETING_TYPE, COUNT(*) FROM MTG_MEETING M WHERE" + filter
                    + " GROUP BY M.MEETING_TYPE", rs -> new Object[] {rs.getString(1).trim(), rs.getLong(2)}, params)) {
                byType.put(MeetingType.valueOf((String) r[0]), (Long) r[1]);
            }
            long issued = tx.count("SELECT COUNT(*) FROM MTG_MEETING M WHERE" + filter + " AND M.MINUTES_NO IS NOT NULL", params);
            Map<String, Long> byCategory = new LinkedHashMap<>();
            for (Category c : tx.query("SELECT * FROM MTG_CATEGORY ORDER BY SORT_ORDER", MeetingStore::mapCategory)) {
                byCategory.put(c.code(), 0L);
            }
            long topics = 0;
            for (Object[] r : tx.query("SELECT T.CATEGORY_CODE, COUNT(*) FROM MTG_TOPIC T JOIN MTG_MEETING M ON M.ID = T.MEETING_ID"
                    + " WHERE" + filter + " GROUP BY T.CATEGORY_CODE", rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                    params)) {
                byCategory.put((String) r[0], (Long) r[1]);
                topics += (Long) r[1];
            }
            List<Object> ap = new ArrayList<>(List.of(params));
            long open = tx.count("SELECT COUNT(*) FROM MTG_ACTION A JOIN MTG_MEETING M ON M.ID = A.MEETING_ID WHERE" + filter
                    + " AND A.STATUS = 'OPEN'", params);
            ap.add(day);
            long overdue = tx.count("SELECT COUNT(*) FROM MTG_ACTION A JOIN MTG_MEETING M ON M.ID = A.MEETING_ID WHERE" + filter
                    + " AND A.STATUS = 'OPEN' AND A.DUE_DATE < ?", ap.toArray());
            long done = tx.count("SELECT COUNT(*) FROM MTG_ACTION A JOIN MTG_MEETING M ON M.ID = A.MEETING_ID WHERE" + filter
                    + " AND A.STATUS = 'DONE'", params);
            List<MeetingStats.BodyLine> bodies = tx.query("SELECT M.OFFICE_CODE, M.BODY_ID, M.BODY_NAME, COUNT(*) AS MEETINGS,"
                    + " SUM(CASE WHEN M.MINUTES_NO IS NULL THEN 0 ELSE 1 END) AS ISSUED,"
                    + " SUM((SELECT COUNT(*) FROM MTG_TOPIC T WHERE T.MEETING_ID = M.ID)) AS TOPICS,"
                    + " SUM(CASE WHEN M.MEETING_TYPE IN ('THEORY_STUDY', 'COLLECTIVE_STUDY') THEN 1 ELSE 0 END) AS STUDY"
                    + " FROM MTG_MEETING M WHERE" + filter + " GROUP BY M.OFFICE_CODE, M.BODY_ID, M.BODY_NAME"
                    + " ORDER BY M.OFFICE_CODE, M.BODY_NAME", rs -> new MeetingStats.BodyLine(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), params);
            return new MeetingStats(year, office, byType, issued, topics, byCategory, byType.get(MeetingType.THEORY_STUDY),
                    byType.get(MeetingType.COLLECTIVE_STUDY), open, overdue, done, bodies);
        });
    }

    @Override
    public byte[] statisticsXlsx(Caller caller, String officeCode, int year, LocalDate today, Locale locale) {
        MeetingStats s = statistics(caller, officeCode, year, today);
        Map<String, String> names = new HashMap<>();
        for (Category c : categories(caller, false)) {
            names.put(c.code(), c.name(locale));
        }
        return StatsWorkbook.write(s, names, locale);
    }

    // ------------------------------------------------------------------ helpers

    private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String strip(String s) {
        return blankToNull(s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static int nn(Integer i) {
        return i == null ? 0 : i;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
