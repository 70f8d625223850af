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
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardItemDraft;
import cn.gannan.hpf.rooms.api.StandardService;

@Component(service = StandardResource.class)
@JaxrsResource
@JaxrsName("hpf.rooms.standard")
@JSONRequired
@Path("rooms/standard")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Rooms: the unified standard of the four-in-one room, versioned; drafts edited by central admins; file export/import")
public class StandardResource {

    /** Media type of the standard file. */
    static final String FILE_TYPE = "text/plain; charset=UTF-8";

    private final StandardService standards;

    @Activate
    public StandardResource(@Reference StandardService standards) {
        this.standards = standards;
    }

    private static Caller c(HttpServletRequest r) {
        return ApiCallers.caller(r);
    }

    @GET
    @ApiDoc("The current (published) standard with its items")
    public Standard current(@Context HttpServletRequest request) {
        return standards.current(c(request));
    }

    @GET
    @Path("versions")
    @ApiDoc(value = "Every version, newest first (without items)", response = Standard.class, responseIsList = true)
    public List<Standard> versions(@Context HttpServletRequest request) {
        return standards.versions(c(request));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One version with its items")
    public Standard get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return standards.get(c(request), id);
    }

    @POST
    @Path("drafts")
    @ApiDoc(value = "Start a draft: a copy of the current standard, numbered next (central admins)", response = Standard.class)
    public Response createDraft(@Context HttpServletRequest request, @Context UriInfo uri, Bodies.DraftRequest body) {
        Bodies.DraftRequest b = ApiParams.body(body);
        Standard s = standards.createDraft(c(request), b.title(), b.note());
        return Response.created(uri.getBaseUriBuilder().path("rooms/standard").path(s.id()).build()).entity(s).build();
    }

    @DELETE
    @Path("{id}")
    @ApiDoc("Discard a draft that was never published")
    public void discard(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version) {
        standards.discardDraft(c(request), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("{id}/items")
    @ApiDoc(value = "Add an item to a draft", response = StandardItem.class)
    public Response addItem(@Context HttpServletRequest request, @PathParam("id") String id, StandardItemDraft draft) {
        return Response.status(201).entity(standards.addItem(c(request), id, ApiParams.body(draft))).build();
    }

    @PUT
    @Path("items/{itemId}")
    @ApiDoc("Change an item of a draft; version is the one read (409 when stale)")
    public StandardItem updateItem(@Context HttpServletRequest request, @PathParam("itemId") String itemId,
            @QueryParam("version") String version, StandardItemDraft draft) {
        return standards.updateItem(c(request), itemId, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @DELETE
    @Path("items/{itemId}")
    @ApiDoc("Remove an item from a draft")
    public void removeItem(@Context HttpServletRequest request, @PathParam("itemId") String itemId,
            @QueryParam("version") String version) {
        standards.removeItem(c(request), itemId, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("{id}/publish")
    @ApiDoc("Publish a draft: it becomes current, the previous version is superseded")
    public Standard publish(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version) {
        return standards.publish(c(request), id, ApiParams.requiredLong("version", version));
    }

    @GET
    @Path("{id}/file")
    @Produces(FILE_TYPE)
    @ApiDoc(value = "The version as a standard file (UTF-8 text) to carry to county nodes", response = String.class)
    public Response file(@Context HttpServletRequest request, @PathParam("id") String id) {
        Standard s = standards.get(c(request), id);
        return Response.ok(standards.exportFile(c(request), id), FILE_TYPE)
                .header("Content-Disposition", "attachment; filename=\"hpf-rooms-standard-v" + s.versionNo() + ".txt\"")
                .build();
    }

    @POST
    @Path("import")
    @Consumes({ MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @ApiDoc(value = "Import a standard file published by the centre (office or central admins); only a newer version",
            response = Standard.class)
    public Response importFile(@Context HttpServletRequest request, byte[] file) {
        return Response.status(201).entity(standards.importFile(c(request), file)).build();
    }
}
