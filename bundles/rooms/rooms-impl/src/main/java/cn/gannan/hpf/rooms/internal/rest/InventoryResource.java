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
import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.InventoryDetails;
import cn.gannan.hpf.rooms.api.InventoryDraft;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.InventoryQuery;
import cn.gannan.hpf.rooms.api.InventoryService;
import cn.gannan.hpf.rooms.api.Movement;

@Component(service = InventoryResource.class)
@JaxrsResource
@JaxrsName("hpf.rooms.inventory")
@JSONRequired
@Path("rooms/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Rooms: inventory items; location, condition and quantity change only through movements (history)")
public class InventoryResource {

    private final InventoryService inventory;

    @Activate
    public InventoryResource(@Reference InventoryService inventory) {
        this.inventory = inventory;
    }

    private static Caller c(HttpServletRequest r) {
        return ApiCallers.caller(r);
    }

    @GET
    @ApiDoc("Items of a room or an office (or the caller's scope); written-off items with writtenOff=true")
    public Page<InventoryItem> find(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("room") String room, @QueryParam("text") String text, @QueryParam("code") String code,
            @QueryParam("condition") String condition, @QueryParam("writtenOff") String writtenOff,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        InventoryQuery q = new InventoryQuery(ApiParams.text(office), ApiParams.text(room), ApiParams.text(text),
                ApiParams.text(code), ApiParams.optionalEnum("condition", condition, Condition.class),
                ApiParams.booleanParam("writtenOff", writtenOff, false));
        return inventory.find(c(request), q, ApiParams.page(offset, limit));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One item")
    public InventoryItem get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return inventory.item(c(request), id);
    }

    @POST
    @ApiDoc(value = "Add an item to a room (room=ID); recorded as the movement ADDED", response = InventoryItem.class)
    public Response add(@Context HttpServletRequest request, @QueryParam("room") String room, InventoryDraft draft) {
        String roomId = ApiParams.text(room);
        if (roomId == null) {
            ApiParams.requiredLong("room", room); // the API's "parameter required" problem
        }
        return Response.status(201).entity(inventory.add(c(request), roomId, ApiParams.body(draft))).build();
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Correct the descriptive fields (asset number, standard item, name, responsible person, date, to specification)")
    public InventoryItem update(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, InventoryDetails details) {
        return inventory.updateDetails(c(request), id, ApiParams.requiredLong("version", version), ApiParams.body(details));
    }

    @POST
    @Path("{id}/move")
    @ApiDoc("Move the item: body {location, note}")
    public InventoryItem move(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.MovementRequest body) {
        Bodies.MovementRequest b = ApiParams.body(body);
        return inventory.move(c(request), id, ApiParams.requiredLong("version", version), b.location(), b.note());
    }

    @POST
    @Path("{id}/condition")
    @ApiDoc("Change the condition: body {condition, note}")
    public InventoryItem condition(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.MovementRequest body) {
        Bodies.MovementRequest b = ApiParams.body(body);
        return inventory.changeCondition(c(request), id, ApiParams.requiredLong("version", version), b.condition(), b.note());
    }

    @POST
    @Path("{id}/quantity")
    @ApiDoc("Change the quantity: body {quantity, note}; the note is required")
    public InventoryItem quantity(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.MovementRequest body) {
        Bodies.MovementRequest b = ApiParams.body(body);
        return inventory.changeQuantity(c(request), id, ApiParams.requiredLong("version", version),
                b.quantity() == null ? 0 : b.quantity(), b.note());
    }

    @POST
    @Path("{id}/write-off")
    @ApiDoc("Write the item off: body {reason}; it stays on record, no longer counted")
    public InventoryItem writeOff(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.ReasonRequest body) {
        return inventory.writeOff(c(request), id, ApiParams.requiredLong("version", version), ApiParams.body(body).reason());
    }

    @GET
    @Path("{id}/movements")
    @ApiDoc(value = "The item's history, oldest first", response = Movement.class, responseIsList = true)
    public List<Movement> movements(@Context HttpServletRequest request, @PathParam("id") String id) {
        return inventory.movements(c(request), id);
    }
}
