package cn.gannan.hpf.counter.internal.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.counter.api.QueueService;
import cn.gannan.hpf.counter.api.Records.HallBoard;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.Ticket;

@Component(service = QueueResource.class)
@JaxrsResource
@JaxrsName("hpf.counter.queue")
@JSONRequired
@Path("counter")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Counter queue: tickets per business type, calling at windows, transfer, no-show, service, hall board")
public class QueueResource {

    private final QueueService queue;

    @Activate
    public QueueResource(@Reference QueueService queue) {
        this.queue = queue;
    }

    @POST
    @Path("tickets")
    @ApiDoc(value = "Take a ticket for a business type (priority for the elderly and disabled)", response = Ticket.class)
    public Response take(@Context HttpServletRequest request, Bodies.TakeTicket body) {
        Bodies.TakeTicket b = ApiParams.body(body);
        Ticket t = queue.take(ApiCallers.caller(request), b.businessCode(), Boolean.TRUE.equals(b.priority()));
        return Response.status(Response.Status.CREATED).entity(t).build();
    }

    @GET
    @Path("tickets")
    @ApiDoc("Tickets of an office and day (default: the caller's office, today)")
    public List<Ticket> tickets(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("day") String day) {
        return queue.tickets(ApiCallers.caller(request), ApiParams.text(office), ApiParams.optionalDate("day", day));
    }

    @GET
    @Path("tickets/{id}")
    @ApiDoc("One ticket")
    public Ticket ticket(@Context HttpServletRequest request, @PathParam("id") String id) {
        return queue.ticket(ApiCallers.caller(request), id);
    }

    @POST
    @Path("windows/{no}/call-next")
    @ApiDoc(value = "Call the next ticket at a window: priority first, then the oldest; 204 when nobody waits", response = Ticket.class)
    public Response callNext(@Context HttpServletRequest request, @PathParam("no") String no) {
        int window = ApiParams.intParam("no", no, 0);
        return queue.callNext(ApiCallers.caller(request), window).map(t -> Response.ok(t).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("tickets/{id}/recall")
    @ApiDoc("Call the same ticket again")
    public Ticket recall(@Context HttpServletRequest request, @PathParam("id") String id) {
        return queue.recall(ApiCallers.caller(request), id);
    }

    @POST
    @Path("tickets/{id}/serve")
    @ApiDoc("The called person arrived: service starts")
    public Ticket serve(@Context HttpServletRequest request, @PathParam("id") String id) {
        return queue.serve(ApiCallers.caller(request), id);
    }

    @POST
    @Path("tickets/{id}/finish")
    @ApiDoc("Service finished (needs an owner)")
    public Ticket finish(@Context HttpServletRequest request, @PathParam("id") String id) {
        return queue.finish(ApiCallers.caller(request), id);
    }

    @POST
    @Path("tickets/{id}/no-show")
    @ApiDoc("The called person did not come")
    public Ticket noShow(@Context HttpServletRequest request, @PathParam("id") String id) {
        return queue.noShow(ApiCallers.caller(request), id);
    }

    @POST
    @Path("tickets/{id}/transfer")
    @ApiDoc("Move the ticket to another business type's queue, keeping its number and time")
    public Ticket transfer(@Context HttpServletRequest request, @PathParam("id") String id, Bodies.Transfer body) {
        return queue.transfer(ApiCallers.caller(request), id, ApiParams.body(body).businessCode());
    }

    @POST
    @Path("tickets/{id}/hand-over")
    @ApiDoc("Hand the ticket's ownership (首问负责) to another user of the office, recorded")
    public Ticket handOver(@Context HttpServletRequest request, @PathParam("id") String id, Bodies.HandOverRequest body) {
        Bodies.HandOverRequest b = ApiParams.body(body);
        return queue.handOver(ApiCallers.caller(request), id, b.toUser(), b.note());
    }

    @GET
    @Path("tickets/{id}/hand-overs")
    @ApiDoc("Ownership record of a ticket")
    public List<HandOver> handOvers(@Context HttpServletRequest request, @PathParam("id") String id) {
        return queue.handOvers(ApiCallers.caller(request), id);
    }

    @GET
    @Path("hall")
    @ApiDoc("The hall board: current number per window and queue lengths (no personal data)")
    public HallBoard hall(@Context HttpServletRequest request, @QueryParam("office") String office) {
        String o = ApiParams.text(office);
        var caller = ApiCallers.caller(request);
        String scoped = o == null ? caller.officeCode() : o;
        caller.requireRead(scoped);
        return queue.hallBoard(scoped);
    }
}
