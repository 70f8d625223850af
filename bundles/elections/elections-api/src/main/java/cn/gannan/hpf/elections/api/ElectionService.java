package cn.gannan.hpf.elections.api;

import java.time.LocalDate;
import java.util.List;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.RuleCheck;
import cn.gannan.hpf.elections.api.rules.RuleSet;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Elections (换届): every rule of the kind's rule set is checked here, so the UI, the JSON API and the
 * console get the same answer. Writes need BRANCH_SECRETARY, LEADER, OFFICE_ADMIN or CENTRAL_ADMIN on
 * the election's office; approvals and rule sets need OFFICE_ADMIN or CENTRAL_ADMIN (rule sets: CENTRAL_ADMIN
 * or OFFICE_ADMIN of the node).
 */
@ProviderType
public interface ElectionService {

    // ---- rule sets

    /** The current rule set of every organisation type. */
    List<RuleSetRecord> ruleSets(Caller caller);

    /** A given version (an election's); the current one when {@code version} is null. */
    RuleSet ruleSet(Caller caller, OrgKind kind, Integer version);

    /** Every version of a kind's rule set, newest first. */
    List<RuleSetRecord> ruleSetHistory(Caller caller, OrgKind kind);

    /** Saves a new version (audited); refused when {@code expectedVersion} is not the current one. */
    RuleSetRecord updateRuleSet(Caller caller, OrgKind kind, int expectedVersion, RuleSet rules, String note);

    // ---- plans

    Page<Election> find(Caller caller, ElectionQuery query, PageRequest page);

    Election get(Caller caller, String id);

    /** Draws up a plan under the kind's current rule set. */
    Election createPlan(Caller caller, PlanDraft draft);

    /** Only while planned. */
    Election updatePlan(Caller caller, String id, long expectedVersion, PlanDraft draft);

    /**
     * Records the superior's approval of the plan (for an advanced or delayed election also the approval of that);
     * the checks of the plan must pass and the approval may not be dated after the election day.
     */
    Election approvePlan(Caller caller, String id, long expectedVersion, Approval approval);

    Election cancel(Caller caller, String id, long expectedVersion, String reason);

    /** Every rule check of the election's current state, passed or not, in order. */
    List<RuleCheck> checks(Caller caller, String id);

    // ---- candidates

    Election addCandidate(Caller caller, String contestId, String personId);

    Election removeCandidate(Caller caller, String candidateId);

    // ---- roll

    /**
     * Fills the members' meeting roll from the body's eligible members on the election day: the missing are
     * added, those no longer eligible (e.g. put under 留党察看) are removed, the others keep their entries.
     */
    List<Voter> buildRoll(Caller caller, String electionId);

    List<Voter> roll(Caller caller, String electionId, Roll roll);

    /**
     * Members of the body who are not voters on the election day, each with the rule that excludes them
     * (party: probationary members and members under 留党察看; 妇联: men).
     */
    List<RollExclusion> rollExclusions(Caller caller, String electionId);

    Voter excuse(Caller caller, String voterId, long expectedVersion, ExcuseReason reason, String note, String approvedBy);

    /** Marks a voter present; refused before the election day (the office's date). */
    Voter signIn(Caller caller, String voterId, long expectedVersion);

    /** Back to expected (undoes a sign-in or an excusal). */
    Voter reset(Caller caller, String voterId, long expectedVersion);

    /** The quorum check of a roll. */
    RuleCheck quorum(Caller caller, String electionId, Roll roll);

    // ---- rounds and ballots

    /**
     * Opens a round; refused before the election day and unless the plan is approved, the quorum is met (for the
     * plenary over the new committee) and the candidates suffice.
     */
    Round openRound(Caller caller, String contestId, RoundOpening opening);

    Ballot enterBallot(Caller caller, String roundId, BallotEntry entry);

    void deleteBallot(Caller caller, String ballotId);

    List<Ballot> ballots(Caller caller, String roundId);

    /** Differences between the two tellers' entries (double entry). */
    List<BallotDifference> differences(Caller caller, String roundId);

    /**
     * Closes a round with the ballots returned: more than issued voids it; otherwise the entered ballots must
     * match the returned count (and the two tellers must agree) and the round is counted.
     */
    Round closeRound(Caller caller, String roundId, int returned);

    /** Reduces the contest's seats to those elected, with the consent of more than half of the voters present. */
    Election reduceSeats(Caller caller, String contestId, int consenting);

    // ---- result

    /**
     * Records the superior's approval of the result (not dated before the election day): posts take effect and the
     * directory is updated.
     */
    Election approveResult(Caller caller, String id, long expectedVersion, Approval approval);

    /** 选举结果报告, in Chinese, for filing with the superior. */
    PrintDocument report(Caller caller, String id);

    // ---- terms and statistics

    /**
     * Bodies that elect, with their term status on {@code today}, of one office or the caller's scope; a body whose
     * election is delayed with the superior's approval is {@code DELAYED_APPROVED} until its planned date passes.
     */
    List<BodyTerm> terms(Caller caller, String officeCode, LocalDate today);

    /** Records when a body was last elected (for bodies whose last election predates this system). */
    BodyTerm recordTerm(Caller caller, String orgUnitId, LocalDate lastElection);

    ElectionStats statistics(Caller caller, int year, String officeCode, LocalDate today);

    /** The statistics as an .xlsx workbook. */
    byte[] statisticsXlsx(Caller caller, int year, String officeCode, LocalDate today);

}
