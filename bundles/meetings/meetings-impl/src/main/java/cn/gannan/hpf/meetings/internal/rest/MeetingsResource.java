package cn.gannan.hpf.meetings.internal.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.meetings.api.ActionStatus;
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
import cn.gannan.hpf.meetings.api.Revision;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider;

/** The meeting register's JSON API: every action of the UI. */
@Component(service = MeetingsResource.class)
@JaxrsResource
@JaxrsName("hpf.meetings")
@JSONRequired
@Path("meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Meeting register (会议纪要 / 三会一课): meetings, minutes, co-signature, follow-up actions, cadence, statistics")
public class MeetingsResource {

    /** Body of the actions that need a reason (correction, cancellation). */
    public record ReasonRequest(String reason) {
    }

    /** Body of completing a follow-up action. */
    public record CompleteRequest(String evidence, LocalDate doneOn) {
    }

    private final MeetingService meetings;
    private final AtomicReference<PdfService> pdf = new AtomicReference<>();

    @Activate
    public MeetingsResource(@Reference MeetingService meetings) {
        this.meetings = meetings;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPdf(PdfService service) {
        pdf.set(service);
    }

    void unbindPdf(PdfService service) {
        pdf.compareAndSet(service, null);
    }

    private static Caller c(HttpServletRequest r) {
        return ApiCallers.caller(r);
    }

    private static LocalDate today() {
        return LocalDate.now(ApiParams.OFFICE_ZONE);
    }

    @GET
    @ApiDoc("Meetings the caller may read, newest first; filters office, year, body, type, status, q (text)")
    public Page<MeetingSummary> list(@Context HttpServletRequest r, @QueryParam("office") String office,
            @QueryParam("year") String year, @QueryParam("body") String body, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        MeetingQuery query = new MeetingQuery(ApiParams.text(office), ApiParams.optionalInt("year", year), ApiParams.text(body),
                ApiParams.optionalEnum("type", type, MeetingType.class),
                ApiParams.optionalEnum("status", status, MinutesStatus.class), ApiParams.text(q));
        return meetings.find(c(r), query, ApiParams.page(offset, limit));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One meeting with attendance, topics, co-signatures and its quorum check")
    public Meeting get(@Context HttpServletRequest r, @PathParam("id") String id) {
        return meetings.get(c(r), id);
    }

    @POST
    @ApiDoc(value = "Record a meeting (minutes start as a draft)", response = Meeting.class)
    public Response create(@Context HttpServletRequest r, @Context UriInfo uri, MeetingDraft draft) {
        Meeting m = meetings.create(c(r), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(m.id()).build()).entity(m).build();
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Change a meeting whose minutes are a draft; version is the one read (409 when stale)")
    public Meeting update(@Context HttpServletRequest r, @PathParam("id") String id, @QueryParam("version") String version,
            MeetingDraft draft) {
        return meetings.update(c(r), id, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @POST
    @Path("{id}/circulate")
    @ApiDoc("Circulate draft minutes for co-signature (refused when decisions were taken below quorum)")
    public Meeting circulate(@Context HttpServletRequest r, @PathParam("id") String id, @QueryParam("version") String version) {
        return meetings.circulate(c(r), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("{id}/recall")
    @ApiDoc("Take circulated minutes back to draft; co-signatures given so far are withdrawn")
    public Meeting recall(@Context HttpServletRequest r, @PathParam("id") String id, @QueryParam("version") String version) {
        return meetings.recall(c(r), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("{id}/sign")
    @ApiDoc("Record the co-signature of a leadership member present (query person = person id)")
    public Meeting sign(@Context HttpServletRequest r, @PathParam("id") String id, @QueryParam("version") String version,
            @QueryParam("person") String person) {
        return meetings.sign(c(r), id, ApiParams.requiredLong("version", version), ApiParams.text(person));
    }

    @POST
    @Path("{id}/issue")
    @ApiDoc("Issue co-signed minutes; the first issue assigns the next number of the body and year")
    public Meeting issue(@Context HttpServletRequest r, @PathParam("id") String id, @QueryParam("version") String version) {
        return meetings.issue(c(r), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("{id}/correction")
    @ApiDoc("Open a corrected version of issued minutes, with the reason")
    public Meeting correction(@Context HttpServletRequest r, @PathParam("id") String id,
            @QueryParam("version") String version, ReasonRequest body) {
        return meetings.startCorrection(c(r), id, ApiParams.requiredLong("version", version), ApiParams.body(body).reason());
    }

    @POST
    @Path("{id}/cancel")
    @ApiDoc("Cancel a meeting whose minutes were never issued, with the reason")
    public Meeting cancel(@Context HttpServletRequest r, @PathParam("id") String id, @QueryParam("version") String version,
            ReasonRequest body) {
        return meetings.cancel(c(r), id, ApiParams.requiredLong("version", version), ApiParams.body(body).reason());
    }

    @GET
    @Path("{id}/revisions")
    @ApiDoc("Issued versions of the minutes, oldest first, each as issued")
    public List<Revision> revisions(@Context HttpServletRequest r, @PathParam("id") String id) {
        return meetings.revisions(c(r), id);
    }

    @GET
    @Path("{id}/print")
    @Produces(MediaType.TEXT_HTML)
    @ApiDoc("The minutes in the official layout as a printable HTML page")
    public Response print(@Context HttpServletRequest r, @PathParam("id") String id) {
        Locale locale = ApiCallers.locale(r);
        PrintDocument doc = meetings.print(c(r), id, locale);
        return Response.ok(PrintHtml.render(doc, locale.toLanguageTag()).getBytes(StandardCharsets.UTF_8),
                MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    @GET
    @Path("{id}/pdf")
    @Produces(PdfService.MEDIA_TYPE)
    @ApiDoc("The minutes as PDF (needs the hpf-docs feature; 404 otherwise)")
    public Response pdf(@Context HttpServletRequest r, @PathParam("id") String id) {
        PdfService service = pdf.get();
        if (service == null) {
            throw new NotFoundException(new Msg("cn.gannan.hpf.meetings.api.Messages", MeetingService.class.getClassLoader(),
                    "error.pdf.unavailable"));
        }
        Meeting m = meetings.get(c(r), id);
        byte[] bytes = service.render(meetings.print(c(r), id, ApiCallers.locale(r)));
        String name = "minutes-" + (m.number() == null ? m.id() : m.startAt().getYear() + "-" + m.number()) + ".pdf";
        return Response.ok(bytes, PdfService.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=" + name).build();
    }

    @GET
    @Path("{id}/actions")
    @ApiDoc("Follow-up actions of one meeting")
    public Page<FollowUp> meetingActions(@Context HttpServletRequest r, @PathParam("id") String id) {
        return meetings.followUps(c(r), new FollowUpQuery(null, id, null, null, false), today(),
                ApiParams.page(null, "500"));
    }

    @POST
    @Path("{id}/actions")
    @ApiDoc(value = "Add a follow-up action to a topic that has a decision", response = FollowUp.class)
    public Response addAction(@Context HttpServletRequest r, @PathParam("id") String id, FollowUpDraft draft) {
        FollowUp f = meetings.addFollowUp(c(r), id, ApiParams.body(draft));
        return Response.status(Response.Status.CREATED).entity(f).build();
    }

    @GET
    @Path("actions")
    @ApiDoc("Follow-up actions; filters office, meeting, owner, status, overdue=true")
    public Page<FollowUp> actions(@Context HttpServletRequest r, @QueryParam("office") String office,
            @QueryParam("meeting") String meeting, @QueryParam("owner") String owner, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        FollowUpQuery q = new FollowUpQuery(ApiParams.text(office), ApiParams.text(meeting), ApiParams.text(owner),
                ApiParams.optionalEnum("status", status, ActionStatus.class),
                ApiParams.booleanParam("overdue", overdue, false));
        return meetings.followUps(c(r), q, today(), ApiParams.page(offset, limit));
    }

    @GET
    @Path("actions/overdue-for-me")
    @ApiDoc("Overdue actions for the caller's dashboard: own ones, and the office's for secretaries and leaders")
    public List<FollowUp> overdueForMe(@Context HttpServletRequest r) {
        return meetings.overdueFor(c(r), today());
    }

    @POST
    @Path("actions/{id}/complete")
    @ApiDoc("Mark an action done with its evidence of completion")
    public FollowUp complete(@Context HttpServletRequest r, @PathParam("id") String id,
            @QueryParam("version") String version, CompleteRequest body) {
        CompleteRequest b = ApiParams.body(body);
        return meetings.completeFollowUp(c(r), id, ApiParams.requiredLong("version", version), b.evidence(), b.doneOn());
    }

    @POST
    @Path("actions/{id}/cancel")
    @ApiDoc("Cancel an open action, with the reason")
    public FollowUp cancelAction(@Context HttpServletRequest r, @PathParam("id") String id,
            @QueryParam("version") String version, ReasonRequest body) {
        return meetings.cancelFollowUp(c(r), id, ApiParams.requiredLong("version", version), ApiParams.body(body).reason());
    }

    @GET
    @Path("bodies/{id}/expected-attendees")
    @ApiDoc("Current members of a body, the default attendance list, leadership first")
    public List<ExpectedAttendee> expected(@Context HttpServletRequest r, @PathParam("id") String id) {
        return meetings.expectedAttendees(c(r), id);
    }

    @GET
    @Path("places")
    @ApiDoc("Bookable places of an office (empty when no place provider such as the rooms module is installed)")
    public List<MeetingPlaceProvider.Place> places(@Context HttpServletRequest r, @QueryParam("office") String office) {
        return meetings.places(c(r), ApiParams.text(office));
    }

    @GET
    @Path("categories")
    @ApiDoc("Topic categories (reference data); active=false lists retired ones too")
    public List<Category> categories(@Context HttpServletRequest r, @QueryParam("active") String active) {
        return meetings.categories(c(r), ApiParams.booleanParam("active", active, true));
    }

    @PUT
    @Path("categories/{code}")
    @ApiDoc("Create (version=0) or change a topic category (office and central admins)")
    public Category saveCategory(@Context HttpServletRequest r, @PathParam("code") String code,
            @QueryParam("version") String version, Category body) {
        Category b = ApiParams.body(body);
        return meetings.saveCategory(c(r), new Category(code, b.nameZh(), b.nameEn(), b.sortOrder(), b.active(), 0),
                ApiParams.requiredLong("version", version));
    }

    @GET
    @Path("rules")
    @ApiDoc("Rule sets per meeting type: quorum, personnel quorum, vote threshold and base, cadence")
    public List<MeetingRule> rules(@Context HttpServletRequest r) {
        return meetings.rules(c(r));
    }

    @PUT
    @Path("rules/{type}")
    @ApiDoc("Change the rule set of a meeting type (office and central admins)")
    public MeetingRule updateRule(@Context HttpServletRequest r, @PathParam("type") String type,
            @QueryParam("version") String version, MeetingRule body) {
        MeetingRule b = ApiParams.body(body);
        MeetingType t = ApiParams.optionalEnum("type", type, MeetingType.class);
        return meetings.updateRule(c(r), new MeetingRule(t, b.quorum(), b.personnelQuorum(), b.vote(), b.voteBase(),
                b.cadence(), b.appliesTo(), 0), ApiParams.requiredLong("version", version));
    }

    @GET
    @Path("cadence")
    @ApiDoc("Cadence compliance (三会一课) of the branches in a year: held, missing, due per period")
    public CadenceReport cadence(@Context HttpServletRequest r, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        return meetings.cadence(c(r), ApiParams.text(office), ApiParams.intParam("year", year, today().getYear()), today());
    }

    @GET
    @Path("statistics")
    @ApiDoc("Figures of a year computed from the records: meetings by type, minutes, topics by category, study, actions")
    public MeetingStats statistics(@Context HttpServletRequest r, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        return meetings.statistics(c(r), ApiParams.text(office), ApiParams.intParam("year", year, today().getYear()), today());
    }

    @GET
    @Path("statistics.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @ApiDoc("The statistics of a year as an Excel workbook")
    public Response statisticsXlsx(@Context HttpServletRequest r, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        int y = ApiParams.intParam("year", year, today().getYear());
        byte[] bytes = meetings.statisticsXlsx(c(r), ApiParams.text(office), y, today(), ApiCallers.locale(r));
        return Response.ok(bytes, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=meetings-statistics-" + y + ".xlsx").build();
    }
}
