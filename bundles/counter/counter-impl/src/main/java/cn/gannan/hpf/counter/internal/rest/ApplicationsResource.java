package cn.gannan.hpf.counter.internal.rest;

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

import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.counter.api.ApplicationService;
import cn.gannan.hpf.counter.api.ApplicationStatus;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.Records.ApplicationDraft;
import cn.gannan.hpf.counter.api.Records.ApplicationQuery;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.Notice;

@Component(service = ApplicationsResource.class)
@JaxrsResource
@JaxrsName("hpf.counter.applications")
@JSONRequired
@Path("counter")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Counter applications (办件): checklist, one-time notice, acceptance, decision, payment, notification, ownership")
public class ApplicationsResource {

    private final ApplicationService apps;
    private final PdfService pdf;

    @Activate
    public ApplicationsResource(@Reference ApplicationService apps, @Reference PdfService pdf) {
        this.apps = apps;
        this.pdf = pdf;
    }

    @GET
    @Path("applications")
    @ApiDoc("Applications, newest first; ID number and phone masked")
    public Page<Application> find(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year, @QueryParam("business") String business, @QueryParam("status") String status,
            @QueryParam("text") String text, @QueryParam("overdue") String overdue, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        ApplicationQuery q = new ApplicationQuery(ApiParams.text(office), ApiParams.optionalInt("year", year), ApiParams.text(business),
                ApiParams.optionalEnum("status", status, ApplicationStatus.class), ApiParams.text(text),
                ApiParams.booleanParam("overdue", overdue, false));
        return apps.find(ApiCallers.caller(request), q, ApiParams.page(offset, limit));
    }

    @POST
    @Path("applications")
    @ApiDoc(value = "Take in an application; the caller becomes its first-responder owner", response = Application.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, ApplicationDraft draft) {
        Application a = apps.create(ApiCallers.caller(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(a.id()).build()).entity(a).build();
    }

    @GET
    @Path("applications/overdue")
    @ApiDoc("Open applications past the promised due date")
    public List<Application> overdue(@Context HttpServletRequest request, @QueryParam("office") String office) {
        return apps.overdue(ApiCallers.caller(request), ApiParams.text(office));
    }

    @GET
    @Path("applications/due-soon")
    @ApiDoc("Open applications due within the warning window")
    public List<Application> dueSoon(@Context HttpServletRequest request, @QueryParam("office") String office) {
        return apps.dueSoon(ApiCallers.caller(request), ApiParams.text(office));
    }

    @GET
    @Path("applications/{id}")
    @ApiDoc("One application with its checklist, due dates and deadline state")
    public Application get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return apps.get(ApiCallers.caller(request), id);
    }

    @PUT
    @Path("applications/{id}/documents/{doc}")
    @ApiDoc("Mark a checklist document received (on a day, default today) or missing; version of the application")
    public Application document(@Context HttpServletRequest request, @PathParam("id") String id, @PathParam("doc") String doc,
            @QueryParam("version") String version, Bodies.DocumentMark body) {
        Bodies.DocumentMark b = ApiParams.body(body);
        return apps.setDocument(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), doc,
                !Boolean.FALSE.equals(b.received()), b.receivedOn());
    }

    @POST
    @Path("applications/{id}/notices")
    @ApiDoc(value = "Issue the one-time notice listing every missing document", response = Notice.class)
    public Response notice(@Context HttpServletRequest request, @PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(apps.issueNotice(ApiCallers.caller(request), id)).build();
    }

    @GET
    @Path("applications/{id}/notices")
    @ApiDoc("The notices issued for an application")
    public List<Notice> notices(@Context HttpServletRequest request, @PathParam("id") String id) {
        return apps.notices(ApiCallers.caller(request), id);
    }

    @GET
    @Path("notices/{id}/print")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @ApiDoc(value = "The printable one-time notice (HTML print view)", response = String.class)
    public Response print(@Context HttpServletRequest request, @PathParam("id") String id) {
        var locale = ApiCallers.locale(request);
        String html = PrintHtml.render(apps.noticeDocument(ApiCallers.caller(request), id, locale), locale.toLanguageTag());
        return Response.ok(html, MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    @GET
    @Path("notices/{id}/pdf")
    @Produces(PdfService.MEDIA_TYPE)
    @ApiDoc(value = "The one-time notice as PDF", response = byte[].class)
    public Response pdf(@Context HttpServletRequest request, @PathParam("id") String id) {
        var locale = ApiCallers.locale(request);
        byte[] bytes = pdf.render(apps.noticeDocument(ApiCallers.caller(request), id, locale));
        return Response.ok(bytes, PdfService.MEDIA_TYPE).header("Content-Disposition", "inline; filename=\"notice.pdf\"").build();
    }

    @POST
    @Path("applications/{id}/accept")
    @ApiDoc("Accept (受理): the clock starts the next working day; with missing documents a notice must be issued first")
    public Application accept(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            Bodies.Accept body) {
        return apps.accept(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version),
                body == null ? null : body.acceptedOn());
    }

    @POST
    @Path("applications/{id}/decision")
    @ApiDoc("Decide: approve, or refuse with a reason")
    public Application decide(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            Bodies.Decision body) {
        Bodies.Decision b = ApiParams.body(body);
        return apps.decide(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), Boolean.TRUE.equals(b.approve()),
                b.reason());
    }

    @POST
    @Path("applications/{id}/payment")
    @ApiDoc("Pay an approved withdrawal within its caps (balance, price paid …)")
    public Application pay(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            Bodies.Payment body) {
        return apps.pay(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(body).amount());
    }

    @POST
    @Path("applications/{id}/notify")
    @ApiDoc("Tell the applicant the outcome by SMS")
    public Application notifyApplicant(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version) {
        return apps.notifyApplicant(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("applications/{id}/close")
    @ApiDoc("Close a decided (and paid) application that has an owner")
    public Application close(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version) {
        return apps.close(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("applications/{id}/hand-over")
    @ApiDoc("Hand the application over to another user of the office, recorded")
    public Application handOver(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.HandOverRequest body) {
        Bodies.HandOverRequest b = ApiParams.body(body);
        return apps.handOver(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), b.toUser(), b.note());
    }

    @GET
    @Path("applications/{id}/hand-overs")
    @ApiDoc("Ownership record of an application: first responder and every hand-over")
    public List<HandOver> handOvers(@Context HttpServletRequest request, @PathParam("id") String id) {
        return apps.handOvers(ApiCallers.caller(request), id);
    }
}
