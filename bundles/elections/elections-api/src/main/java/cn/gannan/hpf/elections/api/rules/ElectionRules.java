package cn.gannan.hpf.elections.api.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gannan.hpf.core.api.Gender;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnitType;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.ValidationException;

/**
 * The election rules of RULES.md §1–2 as plain functions of a {@link RuleSet} and numbers. No database,
 * no clock: the service layer, the UI and the tests all ask the same questions here. Every check
 * returns a {@link RuleCheck} that names the rule with the numbers, passed or not.
 */
public final class ElectionRules {

    private ElectionRules() {
    }

    // ------------------------------------------------------------------ voters and candidates

    /**
     * Why a person may not vote in (or stand for) an election of this kind, or null when they may, by the
     * person's status on the election day {@code asOf}. Party: full members only; probationary members and
     * members under 留党察看 neither vote nor count as voters, nor stand. 妇联: women only. 工会 and 共青团:
     * membership of the body is the test (checked by the caller).
     */
    public static Msg ineligibility(OrgKind kind, PoliticalStatus status, Gender gender, LocalDate asOf) {
        String day = asOf == null ? "-" : asOf.toString();
        switch (kind) {
            case PARTY:
                if (status == PoliticalStatus.PARTY_PROBATION) {
                    return RuleMsg.of("eligibility.probation", day);
                }
                if (status == null || !status.fullRights()) {
                    return RuleMsg.of("eligibility.party", status == null ? "-" : Msg.core(status.messageKey()), day);
                }
                return null;
            case WOMENS_FEDERATION:
                return gender == Gender.FEMALE ? null : RuleMsg.of("eligibility.women");
            default:
                return null;
        }
    }

    /** Proxy voting, refused unless the rule set allows it. */
    public static RuleCheck proxy(RuleSet rs) {
        return new RuleCheck("proxy", rs.proxiesAllowed(), 0, 0,
                RuleMsg.of(rs.proxiesAllowed() ? "proxy.allowed" : "proxy.notAllowed", RuleMsg.of(rs.kind().messageKey())));
    }

    // ------------------------------------------------------------------ quorum

    /**
     * Quorum before voting opens: those present against the rule set's quorum base, either those expected to
     * attend (应到会: entitled less excused, the shipped default) or everyone entitled on the roll, the excused
     * included. Party: more than 4/5 (exactly 4/5 fails); 工会: at least 2/3 (exactly 2/3 passes). Nobody
     * expected, or more present than expected, never passes. The message names the base with the roll's numbers.
     *
     * @param entitled everyone on the roll (有选举权的人数)
     * @param excused  those not counted as expected to attend, with the reason
     * @param present  those signed in
     */
    public static RuleCheck quorum(RuleSet rs, long entitled, long excused, long present) {
        long expected = entitled - excused;
        if (expected <= 0) {
            return new RuleCheck("quorum", false, 1, expected, RuleMsg.of("quorum.noVoters", expected));
        }
        if (present > expected) {
            return new RuleCheck("quorum", false, expected, present, RuleMsg.of("quorum.tooMany", expected, present));
        }
        long base = rs.quorumBase().of(entitled, excused);
        long required = rs.quorum().minimum(base, rs.quorumComparison());
        boolean ok = rs.quorum().reached(present, base, rs.quorumComparison());
        Msg counts = RuleMsg.of("quorum.count." + rs.quorumBase().name(), entitled, excused, expected);
        return new RuleCheck("quorum", ok, required, present, RuleMsg.of(ok ? "quorum.ok" : "quorum.fail", counts, present,
                RuleMsg.of(rs.quorumComparison().messageKey()), RuleMsg.of(rs.quorumBase().messageKey()), rs.quorum().toString(),
                required));
    }

    // ------------------------------------------------------------------ differential

    /**
     * The fewest candidates a vote for {@code seats} seats needs: for a differential vote
     * {@code seats × (1 + ratio)} rounded per the rule set, and more than the seats when the rule set says
     * so (5 → 6, 7 → 9 under the party defaults); as many as the seats where equal is allowed.
     */
    public static long minimumCandidates(RuleSet rs, ContestKind contest, int seats) {
        if (!differential(rs, contest)) {
            return seats;
        }
        Fraction r = rs.differentialRatio();
        long min = rs.differentialRounding().apply((long) seats * (r.denominator() + r.numerator()), r.denominator());
        if (rs.differentialMoreThanSeats()) {
            min = Math.max(min, seats + 1L);
        }
        return Math.max(min, seats);
    }

    /** Whether votes of this kind must be differential under the rule set. */
    public static boolean differential(RuleSet rs, ContestKind contest) {
        return switch (contest) {
            case COMMITTEE -> true;
            case AUDIT_COMMITTEE -> rs.auditCommitteeDifferential();
            case POSTS -> false;
        };
    }

    /** The differential check of a candidate list against the seats ("差额不足：应选 7 人，候选人至少 9 人，现有 8 人"). */
    public static RuleCheck candidates(RuleSet rs, ContestKind contest, int seats, int candidates) {
        if (seats < 1) {
            return new RuleCheck("seats", false, 1, seats, RuleMsg.of("seats.none", seats));
        }
        long min = minimumCandidates(rs, contest, seats);
        boolean ok = candidates >= min;
        if (differential(rs, contest)) {
            return new RuleCheck("differential", ok, min, candidates, RuleMsg.of(ok ? "differential.ok" : "differential.fail",
                    seats, min, candidates, percent(rs.differentialRatio()), RuleMsg.of(rs.differentialRounding().messageKey())));
        }
        return new RuleCheck("candidates", ok, min, candidates,
                RuleMsg.of(ok ? "candidates.ok" : "candidates.fail", seats, min, candidates));
    }

    private static String percent(Fraction f) {
        long hundredths = Math.round(f.numerator() * 10000.0 / f.denominator());
        return hundredths % 100 == 0 ? (hundredths / 100) + "%" : String.format(java.util.Locale.ROOT, "%.2f%%", hundredths / 100.0);
    }

    // ------------------------------------------------------------------ structure and timing

    /**
     * Branch structure (party branches only, where the rule set has a committee threshold): fewer than
     * 7 full members → no committee; 7 or more → a committee of 3 to 7.
     */
    public static RuleCheck committeeStructure(RuleSet rs, long fullMembers, int seats) {
        if (rs.committeeMinMembers() <= 0) {
            return new RuleCheck("structure", true, 0, seats, RuleMsg.of("structure.none"));
        }
        if (fullMembers < rs.committeeMinMembers()) {
            return new RuleCheck("structure", false, rs.committeeMinMembers(), fullMembers,
                    RuleMsg.of("structure.noCommittee", rs.committeeMinMembers(), fullMembers));
        }
        boolean ok = (rs.committeeMinSeats() <= 0 || seats >= rs.committeeMinSeats())
                && (rs.committeeMaxSeats() <= 0 || seats <= rs.committeeMaxSeats());
        return new RuleCheck("structure", ok, ok ? seats : rs.committeeMinSeats(), seats,
                RuleMsg.of(ok ? "structure.ok" : "structure.seats", rs.committeeMinSeats(), rs.committeeMaxSeats(), seats));
    }

    /**
     * The day the term of a body of type {@code body} elected on {@code lastElection} ends: 党总支/党支部 after
     * {@link RuleSet#termYears()} (3 years), a 基层委员会 after {@link RuleSet#primaryCommitteeTermYears()} (5).
     */
    public static LocalDate termEnds(RuleSet rs, OrgUnitType body, LocalDate lastElection) {
        return lastElection.plusYears(rs.termYearsFor(body));
    }

    /**
     * Where a body stands on {@code today}: overdue the day after its term ends, due soon from
     * {@code dueWarningMonths} before up to and including that day.
     */
    public static TermStatus termStatus(RuleSet rs, OrgUnitType body, LocalDate lastElection, LocalDate today) {
        if (lastElection == null) {
            return TermStatus.UNKNOWN;
        }
        LocalDate due = termEnds(rs, body, lastElection);
        if (today.isAfter(due)) {
            return TermStatus.OVERDUE;
        }
        return today.isBefore(due.minusMonths(rs.dueWarningMonths())) ? TermStatus.CURRENT : TermStatus.DUE_SOON;
    }

    /**
     * Where a body stands on {@code today} when it has an election in progress: as
     * {@link #termStatus(RuleSet, OrgUnitType, LocalDate, LocalDate)}, except that an election delayed past the
     * term end whose plan the superior approved (the approval of the delay), within the rule set's limit
     * ({@link #timingLimit}), is {@link TermStatus#DELAYED_APPROVED} up to and including its planned date, and
     * after it while its vote was held and the result awaits approval. When the planned date passes without the
     * election held the body is overdue again. An unapproved delay, or none, changes nothing.
     *
     * @param planned      the planned date of the body's election in progress, null when there is none
     * @param planApproved whether the superior's approval of that plan is recorded
     * @param held         whether its vote was held (every contest decided), the result awaiting approval
     */
    public static TermStatus termStatus(RuleSet rs, OrgUnitType body, LocalDate lastElection, LocalDate today,
            LocalDate planned, boolean planApproved, boolean held) {
        TermStatus base = termStatus(rs, body, lastElection, today);
        if (base == TermStatus.UNKNOWN || planned == null || !planApproved
                || timing(rs, body, lastElection, planned) != Timing.DELAYED
                || !timingLimit(rs, body, lastElection, planned).passed()) {
            return base;
        }
        return held || !today.isAfter(planned) ? TermStatus.DELAYED_APPROVED : base;
    }

    /**
     * A planned election date against the term end: on time (within the warning period before the end, or
     * on the end day), advanced (earlier) or delayed (later). Advancing or delaying needs the superior's
     * approval; by more than {@code maxDeviationMonths} (1 year) it is refused.
     */
    public static Timing timing(RuleSet rs, OrgUnitType body, LocalDate lastElection, LocalDate planned) {
        if (lastElection == null) {
            return Timing.ON_TIME;
        }
        LocalDate due = termEnds(rs, body, lastElection);
        if (planned.isAfter(due)) {
            return Timing.DELAYED;
        }
        return planned.isBefore(due.minusMonths(rs.dueWarningMonths())) ? Timing.ADVANCED : Timing.ON_TIME;
    }

    /**
     * The limit on advancing or delaying an election: at most {@code maxDeviationMonths} (12: one year) either
     * side of the term end; exactly that far passes, a day more is refused.
     */
    public static RuleCheck timingLimit(RuleSet rs, OrgUnitType body, LocalDate lastElection, LocalDate planned) {
        if (lastElection == null) {
            return new RuleCheck("timing", true, 0, 0, RuleMsg.of("timing.noTerm"));
        }
        LocalDate due = termEnds(rs, body, lastElection);
        LocalDate latest = due.plusMonths(rs.maxDeviationMonths());
        LocalDate earliest = due.minusMonths(rs.maxDeviationMonths());
        Msg term = termText(rs, body);
        if (planned.isAfter(latest)) {
            return new RuleCheck("timing", false, 0, 0, RuleMsg.of("timing.tooLate", due.toString(), rs.maxDeviationMonths(),
                    latest.toString(), planned.toString(), term));
        }
        if (planned.isBefore(earliest)) {
            return new RuleCheck("timing", false, 0, 0, RuleMsg.of("timing.tooEarly", due.toString(), rs.maxDeviationMonths(),
                    earliest.toString(), planned.toString(), term));
        }
        return new RuleCheck("timing", true, 0, 0, RuleMsg.of("timing.ok", due.toString(),
                RuleMsg.of(timing(rs, body, lastElection, planned).messageKey()), term));
    }

    /**
     * Advancing or delaying an election needs the superior's approval: passed when the timing is on time, or
     * when the approval (of the plan, which states the date) is recorded; the message names the deviation in
     * days and the approval. No vote opens before the plan's approval is recorded.
     *
     * @param approval who approved, on which day and the document number; null while not approved
     */
    public static RuleCheck timingApproval(RuleSet rs, OrgUnitType body, LocalDate lastElection, LocalDate planned,
            String approval) {
        Timing t = timing(rs, body, lastElection, planned);
        if (t == Timing.ON_TIME) {
            return new RuleCheck("timingApproval", true, 0, 0, RuleMsg.of("timingApproval.onTime"));
        }
        LocalDate due = termEnds(rs, body, lastElection);
        long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(due, planned));
        boolean ok = approval != null && !approval.isBlank();
        return new RuleCheck("timingApproval", ok, 1, ok ? 1 : 0, ok
                ? RuleMsg.of("timingApproval.ok", RuleMsg.of(t.messageKey()), due.toString(), planned.toString(), days, approval)
                : RuleMsg.of("timingApproval.missing", RuleMsg.of(t.messageKey()), due.toString(), planned.toString(), days));
    }

    /** "党总支任期 3 年" / "党的基层委员会（机关党委）任期 5 年". */
    private static Msg termText(RuleSet rs, OrgUnitType body) {
        return RuleMsg.of("term.text", body == null ? RuleMsg.of(rs.kind().messageKey()) : Msg.core(body.messageKey()),
                rs.termYearsFor(body));
    }

    // ------------------------------------------------------------------ ballots

    /** Ballots issued: at least one, and never more than the voters present. */
    public static RuleCheck issued(long issued, long present) {
        boolean ok = issued >= 1 && issued <= present;
        return new RuleCheck("ballotsIssued", ok, present, issued,
                RuleMsg.of(issued < 1 ? "ballots.noneIssued" : ok ? "ballots.issuedOk" : "ballots.issuedTooMany", issued, present));
    }

    /** More ballots returned than issued voids the whole round (re-run it); as many or fewer is fine. */
    public static RuleCheck returned(long issued, long returned) {
        boolean ok = returned <= issued && returned >= 0;
        return new RuleCheck("ballotsReturned", ok, issued, returned,
                RuleMsg.of(ok ? "ballots.returnedOk" : "ballots.returnedTooMany", issued, returned));
    }

    /**
     * Whether one ballot counts. Invalid: spoiled; approving (including write-ins) more names than seats;
     * a write-in where the rules allow none, or more write-ins than disapproved candidates
     * ({@link WriteIns#ON_DISAPPROVAL}); any write-in in a run-off; a write-in naming a listed candidate or
     * the same person twice.
     *
     * @throws ValidationException when the ballot marks someone who is not a candidate of the round
     */
    public static BallotVerdict ballot(RuleSet rs, RoundKind round, int seats, Set<String> candidateIds, BallotInput b) {
        for (String id : b.marks().keySet()) {
            if (!candidateIds.contains(id)) {
                throw ValidationException.field("marks", RuleMsg.of("ballot.unknownCandidate", id));
            }
        }
        List<Msg> reasons = new ArrayList<>();
        if (b.spoiled()) {
            reasons.add(RuleMsg.of("ballot.spoiled"));
        }
        long approvals = b.approvals();
        if (rs.overApprovalInvalid() && approvals > seats) {
            reasons.add(RuleMsg.of("ballot.overApproval", approvals, seats));
        }
        int writeIns = b.writeIns().size();
        if (writeIns > 0) {
            if (round == RoundKind.RUNOFF) {
                reasons.add(RuleMsg.of("ballot.writeInRunoff", writeIns));
            } else if (rs.writeIns() == WriteIns.NONE) {
                reasons.add(RuleMsg.of("ballot.writeInNotAllowed", writeIns));
            } else if (rs.writeIns() == WriteIns.ON_DISAPPROVAL && writeIns > b.disapprovals()) {
                reasons.add(RuleMsg.of("ballot.writeInWithoutDisapproval", writeIns, b.disapprovals()));
            }
            Set<String> seen = new HashSet<>();
            for (String w : b.writeIns()) {
                if (candidateIds.contains(w)) {
                    reasons.add(RuleMsg.of("ballot.writeInListed"));
                    break;
                }
                if (!seen.add(w)) {
                    reasons.add(RuleMsg.of("ballot.writeInTwice"));
                    break;
                }
            }
        }
        return new BallotVerdict(reasons.isEmpty(), reasons);
    }

    // ------------------------------------------------------------------ majority and tally

    /** The base a majority is counted against: voters present, or those expected to attend. */
    public static long majorityBase(RuleSet rs, long present, long expected) {
        return rs.majorityBase() == MajorityBase.PRESENT ? present : expected;
    }

    /** The approvals a candidate needs: more than half of the base under the defaults (exactly half fails). */
    public static long majorityRequired(RuleSet rs, long present, long expected) {
        return rs.majority().minimum(majorityBase(rs, present, expected), rs.majorityComparison());
    }

    /** Whether {@code approvals} reach the majority. */
    public static RuleCheck majority(RuleSet rs, long approvals, long present, long expected) {
        long base = majorityBase(rs, present, expected);
        boolean ok = base > 0 && rs.majority().reached(approvals, base, rs.majorityComparison());
        return new RuleCheck("majority", ok, majorityRequired(rs, present, expected), approvals,
                RuleMsg.of(ok ? "majority.ok" : "majority.fail", approvals, majorityRuleText(rs, present, expected)));
    }

    private static Msg majorityRuleText(RuleSet rs, long present, long expected) {
        long base = majorityBase(rs, present, expected);
        return RuleMsg.of("majority.rule", RuleMsg.of(rs.majorityComparison().messageKey()),
                RuleMsg.of(rs.majorityBase().messageKey()), base, rs.majority().toString(),
                majorityRequired(rs, present, expected));
    }

    /**
     * Counts a round. Only valid ballots count. In a regular or further round a candidate needs the
     * majority; those with it are ranked by approvals and fill the seats; a tie at the cut-off sends the
     * tied (and only them) to a run-off for the seats left; too few with the majority leaves a shortfall,
     * never filled from those at or below the threshold. In a run-off the most votes win (the tied all
     * had the majority already); a new tie at the cut-off needs another run-off.
     *
     * @param candidateIds the round's candidates in ballot order
     * @throws ValidationException when a ballot marks someone who is not a candidate
     */
    public static Tally tally(RuleSet rs, RoundKind round, int seats, List<String> candidateIds, List<BallotInput> ballots,
            long present, long expected) {
        if (seats < 1) {
            throw ValidationException.field("seats", RuleMsg.of("seats.none", seats));
        }
        Set<String> listed = new HashSet<>(candidateIds);
        Map<String, int[]> counts = new LinkedHashMap<>(); // approve, disapprove, abstain
        Set<String> writeInIds = new HashSet<>();
        candidateIds.forEach(id -> counts.put(id, new int[3]));
        int valid = 0;
        int invalid = 0;
        for (BallotInput b : ballots) {
            if (!ballot(rs, round, seats, listed, b).valid()) {
                invalid++;
                continue;
            }
            valid++;
            for (String id : candidateIds) {
                Mark m = b.marks().getOrDefault(id, Mark.ABSTAIN);
                counts.get(id)[m.ordinal()]++;
            }
            for (String w : b.writeIns()) {
                writeInIds.add(w);
                counts.computeIfAbsent(w, k -> new int[3])[Mark.APPROVE.ordinal()]++;
            }
        }
        boolean runoff = round == RoundKind.RUNOFF;
        long required = runoff ? 0 : majorityRequired(rs, present, expected);
        Msg rule = runoff ? RuleMsg.of("runoff.rule", seats) : majorityRuleText(rs, present, expected);
        List<String> order = new ArrayList<>(counts.keySet());
        List<String> ranked = new ArrayList<>(order);
        ranked.sort(Comparator.comparingInt((String id) -> -counts.get(id)[0]).thenComparingInt(order::indexOf));
        List<String> qualified = new ArrayList<>();
        for (String id : ranked) {
            int a = counts.get(id)[0];
            if (runoff ? listed.contains(id) : (majorityBase(rs, present, expected) > 0
                    && rs.majority().reached(a, majorityBase(rs, present, expected), rs.majorityComparison()))) {
                qualified.add(id);
            }
        }
        List<String> elected = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        int runoffSeats = 0;
        if (qualified.size() <= seats) {
            elected.addAll(qualified);
        } else {
            int cutoff = counts.get(qualified.get(seats - 1))[0];
            int next = counts.get(qualified.get(seats))[0];
            if (next < cutoff) {
                elected.addAll(qualified.subList(0, seats));
            } else {
                for (String id : qualified) {
                    int a = counts.get(id)[0];
                    if (a > cutoff) {
                        elected.add(id);
                    } else if (a == cutoff) {
                        tied.add(id);
                    }
                }
                runoffSeats = seats - elected.size();
            }
        }
        int shortfall = tied.isEmpty() ? seats - elected.size() : 0;
        List<Tally.Row> rows = new ArrayList<>();
        for (String id : ranked) {
            int[] c = counts.get(id);
            Outcome o = elected.contains(id) ? Outcome.ELECTED : tied.contains(id) ? Outcome.TIED
                    : qualified.contains(id) ? Outcome.OUTRANKED : Outcome.NO_MAJORITY;
            rows.add(new Tally.Row(id, writeInIds.contains(id) && !listed.contains(id), c[0], c[1], c[2],
                    qualified.contains(id), o));
        }
        return new Tally(seats, valid, invalid, required, rule, rows, elected, tied, runoffSeats, shortfall);
    }

    /**
     * Reducing the seats instead of a further vote needs the consent of more than half of the voters
     * present (exactly half fails).
     */
    public static RuleCheck seatReduction(long present, long consenting) {
        long required = present / 2 + 1;
        boolean ok = present > 0 && consenting * 2 > present && consenting <= present;
        return new RuleCheck("seatReduction", ok, required, consenting,
                RuleMsg.of(ok ? "seatReduction.ok" : "seatReduction.fail", present, consenting, required));
    }
}
