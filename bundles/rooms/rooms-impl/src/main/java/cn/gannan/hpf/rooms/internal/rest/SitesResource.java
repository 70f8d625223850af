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
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.Photo;
import cn.gannan.hpf.rooms.api.PhotoData;
import cn.gannan.hpf.rooms.api.PhotoOwner;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomDraft;
import cn.gannan.hpf.rooms.api.RoomService;

@Component(service = SitesResource.class)
@JaxrsResource
@JaxrsName("hpf.rooms.sites")
@JSONRequired
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Rooms: each site's combined room, its photos (stored in the database) and its conformance to the standard")
public class SitesResource {

    private final RoomService rooms;

    @Activate
    public SitesResource(@Reference RoomService rooms) {
        this.rooms = rooms;
    }

    private static Caller c(HttpServletRequest r) {
        return ApiCallers.caller(r);
    }

    @GET
    @Path("sites")
    @ApiDoc("Rooms of one office or the caller's scope; text matches name, manager, location")
    public Page<Room> list(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("text") String text, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return rooms.rooms(c(request), ApiParams.text(office), ApiParams.text(text), ApiParams.page(offset, limit));
    }

    @GET
    @Path("sites/{id}")
    @ApiDoc("One room")
    public Room get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return rooms.room(c(request), id);
    }

    @POST
    @Path("sites")
    @ApiDoc(value = "Create the office's room (one per office)", response = Room.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, RoomDraft draft) {
        Room r = rooms.create(c(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(r.id()).build()).entity(r).build();
    }

    @PUT
    @Path("sites/{id}")
    @ApiDoc("Change a room; version is the one read (409 when stale)")
    public Room update(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version,
            RoomDraft draft) {
        return rooms.update(c(request), id, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @GET
    @Path("photos")
    @ApiDoc(value = "Photos of a room (ownerType=ROOM) or an inspection (ownerType=INSPECTION)", response = Photo.class,
            responseIsList = true)
    public List<Photo> photos(@Context HttpServletRequest request, @QueryParam("ownerType") String ownerType,
            @QueryParam("ownerId") String ownerId) {
        return rooms.photos(c(request), owner(ownerType), ApiParams.text(ownerId));
    }

    @POST
    @Path("photos")
    @Consumes({ "image/*", MediaType.APPLICATION_OCTET_STREAM })
    @ApiDoc(value = "Upload a photo (the body is the image; JPEG, PNG, GIF or WebP by content; size-limited)",
            response = Photo.class)
    public Response addPhoto(@Context HttpServletRequest request, @QueryParam("ownerType") String ownerType,
            @QueryParam("ownerId") String ownerId, @QueryParam("fileName") String fileName,
            @QueryParam("caption") String caption, byte[] bytes) {
        Photo p = rooms.addPhoto(c(request), owner(ownerType), ApiParams.text(ownerId), fileName, caption, bytes);
        return Response.status(201).entity(p).build();
    }

    @GET
    @Path("photos/{id}")
    @Produces({ "image/jpeg", "image/png", "image/gif", "image/webp" })
    @ApiDoc(value = "The photo's bytes, with the media type found in them", response = byte[].class)
    public Response photo(@Context HttpServletRequest request, @PathParam("id") String id) {
        PhotoData d = rooms.photoData(c(request), id);
        return Response.ok(d.bytes(), d.mediaType()).header("Cache-Control", "private, max-age=3600").build();
    }

    @DELETE
    @Path("photos/{id}")
    @ApiDoc("Delete a photo")
    public void deletePhoto(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version) {
        rooms.deletePhoto(c(request), id, ApiParams.requiredLong("version", version));
    }

    @GET
    @Path("conformance")
    @ApiDoc("One office's room checked against the current standard, item by item (default: the caller's office)")
    public ConformanceReport check(@Context HttpServletRequest request, @QueryParam("office") String office) {
        Caller caller = c(request);
        String o = ApiParams.text(office);
        return rooms.check(caller, o == null ? caller.officeCode() : o);
    }

    @GET
    @Path("conformance/compare")
    @ApiDoc(value = "Every readable office side by side (all nine for central roles)", response = ConformanceReport.class,
            responseIsList = true)
    public List<ConformanceReport> compare(@Context HttpServletRequest request) {
        return rooms.compare(c(request));
    }

    private static PhotoOwner owner(String value) {
        PhotoOwner o = ApiParams.optionalEnum("ownerType", value, PhotoOwner.class);
        return o == null ? PhotoOwner.ROOM : o;
    }
}
