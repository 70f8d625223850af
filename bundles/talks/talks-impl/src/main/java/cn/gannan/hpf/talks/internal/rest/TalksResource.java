package cn.gannan.hpf.talks.internal.rest;

import java.util.List;

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
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.talks.api.FollowUpDraft;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkQuery;
import cn.gannan.hpf.talks.api.TalkRow;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.api.TalkStatus;
import cn.gannan.hpf.talks.internal.rest.TalkRequests.ConfirmRequest;
import cn.gannan.hpf.talks.internal.rest.TalkRequests.DoneRequest;
import cn.gannan.hpf.talks.internal.rest.TalkRequests.VoidRequest;
import cn.gannan.hpf.talks.spi.DecisionSource;

/** The talk log's JSON API: the same service, so the same confidentiality as the UI. */
@Component(service = TalksResource.class)
@JaxrsResource
@JaxrsName("hpf.talks")
@JSONRequired
@Path("talks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc(value = "Talk log (谈心谈话): talks, kinds, confirmations, follow-ups, statistics",
        description = "Lists never carry the content of a talk; a talk's topics, summary and follow-ups are returned only"
                + " to its talkers and targets, the secretary of the deciding body and the auditor role (admonitory kinds:"
                + " only leaders among them, and auditors).")
public class TalksResource {

    private final TalkService talks;

    @Activate
    public TalksResource(@Reference TalkService talks) {
        this.talks = talks;
    }

    @GET
    @ApiDoc("Talks the caller may see, newest first, without their content; filters office, year, kind, body (org unit),"
            + " status, person, text; paging offset/limit")
    public Page<TalkRow> list(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year, @QueryParam("kind") String kind, @QueryParam("body") String body,
            @QueryParam("status") String status, @QueryParam("person") String person, @QueryParam("text") String text,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        TalkQuery q = new TalkQuery(ApiParams.text(office), ApiParams.optionalInt("year", year), ApiParams.text(kind),
                ApiParams.text(body), ApiParams.optionalEnum("status", status, TalkStatus.class), ApiParams.text(person),
                ApiParams.text(text));
        return talks.find(ApiCallers.caller(request), q, ApiParams.page(offset, limit));
    }

    @GET
    @Path("kinds")
    @ApiDoc("Kinds of talk (reference data); all=true includes retired kinds")
    public List<TalkKind> kinds(@QueryParam("all") String all) {
        return talks.kinds(ApiParams.booleanParam("all", all, false));
    }

    @PUT
    @Path("kinds/{code}")
    @ApiDoc("Add or change a kind of talk (central admin)")
    public TalkKind saveKind(@Context HttpServletRequest request, @PathParam("code") String code, TalkKind kind) {
        TalkKind k = ApiParams.body(kind);
        return talks.saveKind(ApiCallers.caller(request),
                new TalkKind(code, k.nameZh(), k.nameEn(), k.collective(), k.admonitory(), k.sortOrder(), k.active()));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One talk; topics, summary and follow-ups only when the caller is entitled (contentVisible)")
    public Talk get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return talks.get(ApiCallers.caller(request), id);
    }

    @POST
    @ApiDoc(value = "Record a talk (leader, branch secretary, office or central admin; admonitory kinds: leaders)",
            response = Talk.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, TalkDraft draft) {
        Talk t = talks.create(ApiCallers.caller(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(t.id()).build()).entity(t).build();
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Change a talk; version is the one read (409 when stale); confirmations are cleared when the content changes")
    public Talk update(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, TalkDraft draft) {
        long v = ApiParams.requiredLong("version", version);
        return talks.update(ApiCallers.caller(request), id, v, ApiParams.body(draft));
    }

    @POST
    @Path("{id}/void")
    @ApiDoc("Void a talk with a reason; it stays on record and counts nowhere")
    public Talk voidTalk(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, VoidRequest body) {
        long v = ApiParams.requiredLong("version", version);
        return talks.voidTalk(ApiCallers.caller(request), id, v, ApiParams.body(body).reason());
    }

    @POST
    @Path("{id}/confirmations")
    @ApiDoc("A participant confirms the record (personId empty: the caller's own person; another: on their behalf)")
    public Talk confirm(@Context HttpServletRequest request, @PathParam("id") String id, ConfirmRequest body) {
        return talks.confirm(ApiCallers.caller(request), id, body == null ? null : body.personId());
    }

    @POST
    @Path("{id}/follow-ups")
    @ApiDoc("Add a follow-up action with owner and due date")
    public Talk addFollowUp(@Context HttpServletRequest request, @PathParam("id") String id, FollowUpDraft draft) {
        return talks.addFollowUp(ApiCallers.caller(request), id, ApiParams.body(draft));
    }

    @POST
    @Path("{id}/follow-ups/{followUpId}/done")
    @ApiDoc("Mark a follow-up done (its owner, or whoever may edit the talk); version is the follow-up's")
    public Talk completeFollowUp(@Context HttpServletRequest request, @PathParam("id") String id,
            @PathParam("followUpId") String followUpId, @QueryParam("version") String version, DoneRequest body) {
        long v = ApiParams.requiredLong("version", version);
        DoneRequest b = ApiParams.body(body);
        return talks.completeFollowUp(ApiCallers.caller(request), id, followUpId, v, b.doneOn(), b.note());
    }

    @GET
    @Path("decision-sources")
    @ApiDoc("Meetings (decisions) of an office and year a talk can be linked to; empty when no provider is installed")
    public List<DecisionSource> decisionSources(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        Caller c = ApiCallers.caller(request);
        return talks.decisionSources(c, ApiParams.text(office), ApiParams.intParam("year", year, java.time.Year.now().getValue()));
    }

    @GET
    @Path("statistics")
    @ApiDoc("Figures of a year: talks by kind, collective and one-on-one, person-times, coverage, open follow-ups;"
            + " one office or, for central roles, all")
    public TalkStatistics statistics(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        return talks.statistics(ApiCallers.caller(request), ApiParams.text(office),
                ApiParams.intParam("year", year, java.time.Year.now().getValue()));
    }

    @GET
    @Path("statistics.xlsx")
    @Produces({Xlsx.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @ApiDoc(value = "The statistics as an Excel workbook (.xlsx)", response = byte[].class)
    public Response statisticsXlsx(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        int y = ApiParams.intParam("year", year, java.time.Year.now().getValue());
        byte[] bytes = talks.statisticsXlsx(ApiCallers.caller(request), ApiParams.text(office), y,
                ApiCallers.locale(request));
        return Response.ok(bytes, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"talks-" + y + ".xlsx\"").build();
    }
}
