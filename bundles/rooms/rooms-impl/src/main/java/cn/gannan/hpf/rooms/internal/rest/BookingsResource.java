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
import cn.gannan.hpf.rooms.api.Booking;
import cn.gannan.hpf.rooms.api.BookingDraft;
import cn.gannan.hpf.rooms.api.BookingQuery;
import cn.gannan.hpf.rooms.api.BookingService;
import cn.gannan.hpf.rooms.api.BookingStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomBookingService;
import cn.gannan.hpf.rooms.api.UsageDraft;
import cn.gannan.hpf.rooms.api.UsageEntry;

@Component(service = BookingsResource.class)
@JaxrsResource
@JaxrsName("hpf.rooms.bookings")
@JSONRequired
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Rooms: bookings without overlaps ([start, end), a clash names the booking) and the usage log")
public class BookingsResource {

    private final BookingService bookings;
    private final RoomBookingService contract;

    @Activate
    public BookingsResource(@Reference BookingService bookings, @Reference RoomBookingService contract) {
        this.bookings = bookings;
        this.contract = contract;
    }

    private static Caller c(HttpServletRequest r) {
        return ApiCallers.caller(r);
    }

    private static BookingQuery query(String office, String room, String from, String to, String status, String text) {
        return new BookingQuery(ApiParams.text(office), ApiParams.text(room), ApiParams.optionalInstant("from", from, false),
                ApiParams.optionalInstant("to", to, true), ApiParams.optionalEnum("status", status, BookingStatus.class),
                ApiParams.text(text));
    }

    @GET
    @Path("bookings")
    @ApiDoc("Bookings overlapping [from, to) (ISO instants or dates), by office, room, status, text")
    public Page<Booking> find(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("room") String room, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status, @QueryParam("text") String text, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return bookings.find(c(request), query(office, room, from, to, status, text), ApiParams.page(offset, limit));
    }

    @GET
    @Path("bookings/{id}")
    @ApiDoc("One booking")
    public Booking get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return bookings.get(c(request), id);
    }

    @POST
    @Path("bookings")
    @ApiDoc(value = "Book a slot; 422 naming the clashing booking when it overlaps one", response = Booking.class)
    public Response book(@Context HttpServletRequest request, @Context UriInfo uri, BookingDraft draft) {
        Booking b = bookings.book(c(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(b.id()).build()).entity(b).build();
    }

    @POST
    @Path("bookings/{id}/cancel")
    @ApiDoc("Cancel a booking: body {reason}; it stays on record")
    public Booking cancel(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.ReasonRequest body) {
        return bookings.cancel(c(request), id, ApiParams.requiredLong("version", version), ApiParams.body(body).reason());
    }

    @GET
    @Path("bookable-rooms")
    @ApiDoc(value = "Rooms of an office that take bookings (for other modules, e.g. meetings)", response = Room.class,
            responseIsList = true)
    public List<Room> bookable(@Context HttpServletRequest request, @QueryParam("office") String office) {
        Caller caller = c(request);
        String o = ApiParams.text(office);
        return contract.bookableRooms(caller, o == null ? caller.officeCode() : o);
    }

    @GET
    @Path("bookings/by-reference")
    @ApiDoc(value = "Bookings made with another module's reference (ref=meetings:ID)", response = Booking.class,
            responseIsList = true)
    public List<Booking> byReference(@Context HttpServletRequest request, @QueryParam("ref") String ref) {
        return contract.bookingsByReference(c(request), ApiParams.text(ref));
    }

    @POST
    @Path("bookings/cancel-by-reference")
    @ApiDoc(value = "Cancel every active booking with a reference: body {externalRef, reason}", response = Bodies.Cancelled.class)
    public Bodies.Cancelled cancelByReference(@Context HttpServletRequest request, Bodies.CancelByReferenceRequest body) {
        Bodies.CancelByReferenceRequest b = ApiParams.body(body);
        return new Bodies.Cancelled(contract.cancelByReference(c(request), b.externalRef(), b.reason()));
    }

    @GET
    @Path("usage")
    @ApiDoc("The usage log (台账), newest first, overlapping [from, to)")
    public Page<UsageEntry> usage(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("room") String room, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("text") String text, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return bookings.usage(c(request), query(office, room, from, to, null, text), ApiParams.page(offset, limit));
    }

    @POST
    @Path("usage")
    @ApiDoc(value = "Log a use of the room (no overlap with another logged use, not in the future)",
            response = UsageEntry.class)
    public Response recordUsage(@Context HttpServletRequest request, UsageDraft draft) {
        return Response.status(201).entity(bookings.recordUsage(c(request), ApiParams.body(draft))).build();
    }
}
