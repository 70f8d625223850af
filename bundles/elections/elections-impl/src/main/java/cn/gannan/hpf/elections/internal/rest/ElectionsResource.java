package cn.gannan.hpf.elections.internal.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.Ballot;
import cn.gannan.hpf.elections.api.BallotDifference;
import cn.gannan.hpf.elections.api.BallotEntry;
import cn.gannan.hpf.elections.api.BodyTerm;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionQuery;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.ElectionStats;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.ExcuseReason;
import cn.gannan.hpf.elections.api.PlanDraft;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.RollExclusion;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.RuleSetRecord;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.rules.Mark;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.RuleCheck;
import cn.gannan.hpf.elections.api.rules.RuleMsg;
import cn.gannan.hpf.elections.api.rules.RuleSet;
import cn.gannan.hpf.elections.api.rules.TermStatus;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The elections JSON API: every action of the UI, with the same rules (they live in the service). */
@Component(service = ElectionsResource.class)
@JaxrsResource
@JaxrsName("hpf.elections")
@JSONRequired
@Path("elections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Elections (换届): plans, candidates, voter roll, rounds and ballots, tally, approval, terms, rule sets")
public class ElectionsResource {

    private final ElectionService elections;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PdfService pdf;

    @Activate
    public ElectionsResource(@Reference ElectionService elections) {
        this.elections = elections;
    }

    /** A rule check with its message in the request's language. */
    public record CheckView(String rule, boolean passed, long required, long actual, String message) {
        static CheckView of(RuleCheck c, Locale l) {
            return new CheckView(c.rule(), c.passed(), c.required(), c.actual(), c.message().format(l));
        }
    }

    /** A ballot with its verdict in the request's language. */
    public record BallotView(String id, String roundId, int serial, int entry, java.util.Map<String, Mark> marks,
            List<String> writeIns, boolean spoiled, boolean valid, List<String> reasons, String enteredBy) {
        static BallotView of(Ballot b, Locale l) {
            return new BallotView(b.id(), b.roundId(), b.serial(), b.entry(), b.marks(), b.writeIns(), b.spoiled(), b.valid(),
                    b.reasons().stream().map(m -> m.format(l)).toList(), b.enteredBy());
        }
    }

    public record ReasonBody(String reason) {
    }

    public record CandidateBody(String personId) {
    }

    public record ExcuseBody(ExcuseReason reason, String note, String approvedBy) {
    }

    public record ReturnedBody(Integer returned) {
    }

    public record ConsentBody(Integer consenting) {
    }

    public record TermBody(LocalDate lastElection) {
    }

    public record RuleSetBody(RuleSet rules, String note) {
    }

    // ------------------------------------------------------------------ plans

    @GET
    @ApiDoc("Elections the caller may read, newest first; filters: office, year, orgUnit, kind, status, q")
    public Page<Election> list(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year, @QueryParam("orgUnit") String orgUnit, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return elections.find(ApiCallers.caller(request), new ElectionQuery(ApiParams.text(office), ApiParams.optionalInt("year", year),
                ApiParams.text(orgUnit), ApiParams.optionalEnum("kind", kind, OrgKind.class),
                ApiParams.optionalEnum("status", status, ElectionStatus.class), ApiParams.text(q)), ApiParams.page(offset, limit));
    }

    @POST
    @ApiDoc("Draw up a plan (换届方案) under the kind's current rule set")
    public Election create(@Context HttpServletRequest request, PlanDraft draft) {
        return elections.createPlan(ApiCallers.caller(request), ApiParams.body(draft));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One election with its contests, candidates, rounds and roll counts")
    public Election get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return elections.get(ApiCallers.caller(request), id);
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Change a plan while it is not yet approved; version is the one read")
    public Election update(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            PlanDraft draft) {
        return elections.updatePlan(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @POST
    @Path("{id}/approve-plan")
    @ApiDoc("Record the superior's approval of the plan (who, date, document number); no vote before it")
    public Election approvePlan(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Approval approval) {
        return elections.approvePlan(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(approval));
    }

    @POST
    @Path("{id}/cancel")
    @ApiDoc("Cancel an election, with the reason (kept)")
    public Election cancel(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            ReasonBody body) {
        return elections.cancel(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version),
                ApiParams.body(body).reason());
    }

    @GET
    @Path("{id}/checks")
    @ApiDoc("Every rule check of the election's current state, passed or not, with the numbers")
    public List<CheckView> checks(@Context HttpServletRequest request, @PathParam("id") String id) {
        Locale l = ApiCallers.locale(request);
        return elections.checks(ApiCallers.caller(request), id).stream().map(c -> CheckView.of(c, l)).toList();
    }

    @POST
    @Path("{id}/approve-result")
    @ApiDoc("Record the superior's approval of the result: posts take effect and the directory is updated")
    public Election approveResult(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Approval approval) {
        return elections.approveResult(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version),
                ApiParams.body(approval));
    }

    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @ApiDoc(value = "The result report (选举结果报告) as a printable HTML page", response = String.class)
    public Response report(@Context HttpServletRequest request, @PathParam("id") String id) {
        return Response.ok(PrintHtml.render(elections.report(ApiCallers.caller(request), id), "zh-CN"), "text/html; charset=UTF-8").build();
    }

    @GET
    @Path("{id}/report.pdf")
    @Produces(PdfService.MEDIA_TYPE)
    @ApiDoc(value = "The result report as PDF (needs the hpf-docs feature)", response = byte[].class)
    public Response reportPdf(@Context HttpServletRequest request, @PathParam("id") String id) {
        Caller caller = ApiCallers.caller(request);
        PdfService p = pdf;
        if (p == null) {
            throw new HpfException(RuleMsg.of("pdf.unavailable")) {
                private static final long serialVersionUID = 1L;

                @Override
                public int httpStatus() {
                    return 503;
                }
            };
        }
        return Response.ok(p.render(elections.report(caller, id)), PdfService.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"election-" + id + ".pdf\"").build();
    }

    // ------------------------------------------------------------------ candidates

    @POST
    @Path("contests/{contestId}/candidates")
    @ApiDoc("Add a candidate to a contest (eligibility checked)")
    public Election addCandidate(@Context HttpServletRequest request, @PathParam("contestId") String contestId, CandidateBody body) {
        return elections.addCandidate(ApiCallers.caller(request), contestId, ApiParams.body(body).personId());
    }

    @DELETE
    @Path("candidates/{id}")
    @ApiDoc("Remove a candidate (not once voting on the list started)")
    public Election removeCandidate(@Context HttpServletRequest request, @PathParam("id") String id) {
        return elections.removeCandidate(ApiCallers.caller(request), id);
    }

    // ------------------------------------------------------------------ roll

    @POST
    @Path("{id}/roll")
    @ApiDoc("Fill the members' meeting roll from the body's eligible members")
    public List<Voter> buildRoll(@Context HttpServletRequest request, @PathParam("id") String id) {
        return elections.buildRoll(ApiCallers.caller(request), id);
    }

    @GET
    @Path("{id}/roll")
    @ApiDoc("A roll: GENERAL (members' meeting, default) or PLENARY (the new committee)")
    public List<Voter> roll(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("roll") String roll) {
        return elections.roll(ApiCallers.caller(request), id, ApiParams.optionalEnum("roll", roll, Roll.class));
    }

    /** A member who is not a voter, with the rule in the request's language. */
    public record ExclusionView(String personId, String personName, PoliticalStatus status, String reason) {
        static ExclusionView of(RollExclusion x, Locale l) {
            return new ExclusionView(x.personId(), x.personName(), x.status(), x.reason().format(l));
        }
    }

    @GET
    @Path("{id}/roll/exclusions")
    @ApiDoc("Members of the body who are not voters on the election day (probationary members, members under 留党察看, ...), with the rule")
    public List<ExclusionView> rollExclusions(@Context HttpServletRequest request, @PathParam("id") String id) {
        Locale l = ApiCallers.locale(request);
        return elections.rollExclusions(ApiCallers.caller(request), id).stream().map(x -> ExclusionView.of(x, l)).toList();
    }

    @GET
    @Path("{id}/quorum")
    @ApiDoc("The quorum check of a roll")
    public CheckView quorum(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("roll") String roll) {
        return CheckView.of(elections.quorum(ApiCallers.caller(request), id, ApiParams.optionalEnum("roll", roll, Roll.class)),
                ApiCallers.locale(request));
    }

    @POST
    @Path("voters/{id}/excuse")
    @ApiDoc("Excuse a voter from the expected count, with the reason (and the approval for party elections)")
    public Voter excuse(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            ExcuseBody body) {
        ExcuseBody b = ApiParams.body(body);
        return elections.excuse(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), b.reason(), b.note(),
                b.approvedBy());
    }

    @POST
    @Path("voters/{id}/sign-in")
    @ApiDoc("Sign a voter in at the meeting")
    public Voter signIn(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version) {
        return elections.signIn(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("voters/{id}/reset")
    @ApiDoc("Back to expected (undo a sign-in or an excusal)")
    public Voter reset(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version) {
        return elections.reset(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    // ------------------------------------------------------------------ rounds and ballots

    @POST
    @Path("contests/{contestId}/rounds")
    @ApiDoc("Open a round (REGULAR, RUNOFF among the tied, FURTHER for remaining seats): quorum, differential and approval checked")
    public Round openRound(@Context HttpServletRequest request, @PathParam("contestId") String contestId, RoundOpening opening) {
        return elections.openRound(ApiCallers.caller(request), contestId, ApiParams.body(opening));
    }

    @POST
    @Path("contests/{contestId}/reduce-seats")
    @ApiDoc("Reduce the seats to those elected, with the consent of more than half of the voters present")
    public Election reduceSeats(@Context HttpServletRequest request, @PathParam("contestId") String contestId, ConsentBody body) {
        Integer c = ApiParams.body(body).consenting();
        return elections.reduceSeats(ApiCallers.caller(request), contestId, c == null ? -1 : c);
    }

    @POST
    @Path("rounds/{roundId}/ballots")
    @ApiDoc("Enter one paper ballot (entry 2 = second teller under double entry); returns its verdict")
    public BallotView enterBallot(@Context HttpServletRequest request, @PathParam("roundId") String roundId, BallotEntry entry) {
        return BallotView.of(elections.enterBallot(ApiCallers.caller(request), roundId, ApiParams.body(entry)), ApiCallers.locale(request));
    }

    @GET
    @Path("rounds/{roundId}/ballots")
    @ApiDoc("The round's entered ballots with their verdicts")
    public List<BallotView> ballots(@Context HttpServletRequest request, @PathParam("roundId") String roundId) {
        Locale l = ApiCallers.locale(request);
        return elections.ballots(ApiCallers.caller(request), roundId).stream().map(b -> BallotView.of(b, l)).toList();
    }

    @DELETE
    @Path("ballots/{id}")
    @ApiDoc("Delete a mistyped ballot entry while the round is open")
    public Response deleteBallot(@Context HttpServletRequest request, @PathParam("id") String id) {
        elections.deleteBallot(ApiCallers.caller(request), id);
        return Response.noContent().build();
    }

    @GET
    @Path("rounds/{roundId}/differences")
    @ApiDoc("Every difference between the two tellers' entries (double entry)")
    public List<BallotDifference> differences(@Context HttpServletRequest request, @PathParam("roundId") String roundId) {
        return elections.differences(ApiCallers.caller(request), roundId);
    }

    @POST
    @Path("rounds/{roundId}/close")
    @ApiDoc("Close a round with the ballots returned: more than issued voids it, otherwise it is counted")
    public Round close(@Context HttpServletRequest request, @PathParam("roundId") String roundId, ReturnedBody body) {
        Integer r = ApiParams.body(body).returned();
        return elections.closeRound(ApiCallers.caller(request), roundId, r == null ? -1 : r);
    }

    // ------------------------------------------------------------------ terms, statistics, rule sets

    /** A body's term with its status in the caller's language (an approved delay names the approval and the date). */
    public record TermView(String orgUnitId, String orgUnitName, String officeCode, OrgKind kind, LocalDate lastElection,
            LocalDate termEnds, TermStatus status, String statusText, String openElectionId, LocalDate plannedDate,
            Approval planApproval) {
        static TermView of(BodyTerm t, Locale l) {
            return new TermView(t.orgUnitId(), t.orgUnitName(), t.officeCode(), t.kind(), t.lastElection(), t.termEnds(), t.status(),
                    t.statusMessage().format(l), t.openElectionId(), t.plannedDate(), t.planApproval());
        }
    }

    @GET
    @Path("terms")
    @ApiDoc("Bodies that elect, with their term status on a date (default today): CURRENT, DUE_SOON, OVERDUE, DELAYED_APPROVED"
            + " (delayed past the term end with the superior's approval of the plan, until the planned date passes without the"
            + " election held), UNKNOWN; statusText names the approval document and the planned date")
    public List<TermView> terms(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("date") String date) {
        Locale l = ApiCallers.locale(request);
        return elections.terms(ApiCallers.caller(request), ApiParams.text(office), ApiParams.optionalDate("date", date)).stream()
                .map(t -> TermView.of(t, l)).toList();
    }

    @PUT
    @Path("terms/{orgUnitId}")
    @ApiDoc("Record when a body was last elected (admins)")
    public TermView recordTerm(@Context HttpServletRequest request, @PathParam("orgUnitId") String orgUnitId, TermBody body) {
        return TermView.of(elections.recordTerm(ApiCallers.caller(request), orgUnitId, ApiParams.body(body).lastElection()),
                ApiCallers.locale(request));
    }

    @GET
    @Path("statistics")
    @ApiDoc("Elections held and due per office and organisation type, turnout, bodies overdue and bodies delayed with the"
            + " superior's approval (not overdue), for a year")
    public ElectionStats statistics(@Context HttpServletRequest request, @QueryParam("year") String year,
            @QueryParam("office") String office) {
        return elections.statistics(ApiCallers.caller(request), year(year), ApiParams.text(office), null);
    }

    @GET
    @Path("statistics.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @ApiDoc(value = "The statistics as an Excel workbook", response = byte[].class)
    public Response statisticsXlsx(@Context HttpServletRequest request, @QueryParam("year") String year,
            @QueryParam("office") String office) {
        int y = year(year);
        return Response.ok(elections.statisticsXlsx(ApiCallers.caller(request), y, ApiParams.text(office), null), Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"elections-" + y + ".xlsx\"").build();
    }

    @GET
    @Path("rule-sets")
    @ApiDoc("The current rule set of every organisation type")
    public List<RuleSetRecord> ruleSets(@Context HttpServletRequest request) {
        return elections.ruleSets(ApiCallers.caller(request));
    }

    @GET
    @Path("rule-sets/{kind}/history")
    @ApiDoc("Every version of a kind's rule set, newest first")
    public List<RuleSetRecord> ruleSetHistory(@Context HttpServletRequest request, @PathParam("kind") String kind) {
        return elections.ruleSetHistory(ApiCallers.caller(request), ApiParams.optionalEnum("kind", kind, OrgKind.class));
    }

    @PUT
    @Path("rule-sets/{kind}")
    @ApiDoc("Save a new version of a kind's rule set (admins; audited); version is the rule-set version read")
    public RuleSetRecord updateRuleSet(@Context HttpServletRequest request, @PathParam("kind") String kind,
            @QueryParam("version") String version, RuleSetBody body) {
        RuleSetBody b = ApiParams.body(body);
        return elections.updateRuleSet(ApiCallers.caller(request), ApiParams.optionalEnum("kind", kind, OrgKind.class),
                (int) ApiParams.requiredLong("version", version), b.rules(), b.note());
    }

    private static int year(String year) {
        Integer y = ApiParams.optionalInt("year", year);
        return y == null ? LocalDate.now(ApiParams.OFFICE_ZONE).getYear() : y;
    }
}
