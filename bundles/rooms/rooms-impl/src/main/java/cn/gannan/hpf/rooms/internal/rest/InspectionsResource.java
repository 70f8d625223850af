package cn.gannan.hpf.rooms.internal.rest;

import java.util.List;

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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.rooms.api.Inspection;
import cn.gannan.hpf.rooms.api.InspectionDraft;
import cn.gannan.hpf.rooms.api.InspectionKind;
import cn.gannan.hpf.rooms.api.InspectionQuery;
import cn.gannan.hpf.rooms.api.InspectionService;
import cn.gannan.hpf.rooms.api.Rectification;
import cn.gannan.hpf.rooms.api.RectificationDraft;

@Component(service = InspectionsResource.class)
@JaxrsResource
@JaxrsName("hpf.rooms.inspections")
@JSONRequired
@Path("rooms/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Rooms: inspections of the rooms and their rectification items, closed one by one")
public class InspectionsResource {

    private final InspectionService inspections;

    @Activate
    public InspectionsResource(@Reference InspectionService inspections) {
        this.inspections = inspections;
    }

    private static Caller c(HttpServletRequest r) {
        return ApiCallers.caller(r);
    }

    @GET
    @ApiDoc("Inspections, newest first; open=true: only those with open rectification items")
    public Page<Inspection> find(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year, @QueryParam("kind") String kind, @QueryParam("text") String text,
            @QueryParam("open") String open, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        InspectionQuery q = new InspectionQuery(ApiParams.text(office), ApiParams.optionalInt("year", year),
                ApiParams.optionalEnum("kind", kind, InspectionKind.class), ApiParams.text(text),
                ApiParams.booleanParam("open", open, false));
        return inspections.find(c(request), q, ApiParams.page(offset, limit));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One inspection")
    public Inspection get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return inspections.get(c(request), id);
    }

    @POST
    @ApiDoc(value = "Record an inspection (the conformance found now is kept with it)", response = Inspection.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, InspectionDraft draft) {
        Inspection i = inspections.create(c(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(i.id()).build()).entity(i).build();
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Change an inspection's date, inspector, kind or findings")
    public Inspection update(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, InspectionDraft draft) {
        return inspections.update(c(request), id, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @GET
    @Path("{id}/rectifications")
    @ApiDoc(value = "Rectification items of an inspection", response = Rectification.class, responseIsList = true)
    public List<Rectification> rectifications(@Context HttpServletRequest request, @PathParam("id") String id) {
        return inspections.rectifications(c(request), id);
    }

    @POST
    @Path("{id}/rectifications")
    @ApiDoc(value = "Add a rectification item (owner, due date)", response = Rectification.class)
    public Response addRectification(@Context HttpServletRequest request, @PathParam("id") String id,
            RectificationDraft draft) {
        return Response.status(201).entity(inspections.addRectification(c(request), id, ApiParams.body(draft))).build();
    }

    @POST
    @Path("rectifications/{rid}/close")
    @ApiDoc("Close one rectification item: body {closedOn, note}")
    public Rectification close(@Context HttpServletRequest request, @PathParam("rid") String rid,
            @QueryParam("version") String version, Bodies.CloseRequest body) {
        Bodies.CloseRequest b = ApiParams.body(body);
        return inspections.close(c(request), rid, ApiParams.requiredLong("version", version), b.closedOn(), b.note());
    }

    @GET
    @Path("rectifications/open")
    @ApiDoc(value = "Open rectification items of an office or the caller's scope, most overdue first",
            response = Rectification.class, responseIsList = true)
    public List<Rectification> open(@Context HttpServletRequest request, @QueryParam("office") String office) {
        return inspections.openRectifications(c(request), ApiParams.text(office));
    }
}
