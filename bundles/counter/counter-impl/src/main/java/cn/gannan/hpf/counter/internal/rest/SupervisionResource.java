package cn.gannan.hpf.counter.internal.rest;

import java.time.LocalDate;
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

import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.counter.api.RatingService;
import cn.gannan.hpf.counter.api.Records.CounterStats;
import cn.gannan.hpf.counter.api.Records.Rating;
import cn.gannan.hpf.counter.api.Records.RatingDraft;
import cn.gannan.hpf.counter.api.Records.Rectification;
import cn.gannan.hpf.counter.api.Records.SmsMessage;
import cn.gannan.hpf.counter.api.SmsOutbox;
import cn.gannan.hpf.counter.api.SmsStatus;
import cn.gannan.hpf.counter.api.StatisticsService;

@Component(service = SupervisionResource.class)
@JaxrsResource
@JaxrsName("hpf.counter.supervision")
@JSONRequired
@Path("counter")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Counter supervision: ratings and rectifications, SMS outbox, statistics")
public class SupervisionResource {

    private final RatingService ratings;
    private final SmsOutbox outbox;
    private final StatisticsService stats;

    @Activate
    public SupervisionResource(@Reference RatingService ratings, @Reference SmsOutbox outbox, @Reference StatisticsService stats) {
        this.ratings = ratings;
        this.outbox = outbox;
        this.stats = stats;
    }

    @POST
    @Path("ratings")
    @ApiDoc(value = "Rate a finished ticket or application 1-5; 1-2 opens a rectification item", response = Rating.class)
    public Response rate(@Context HttpServletRequest request, RatingDraft draft) {
        return Response.status(Response.Status.CREATED).entity(ratings.rate(ApiCallers.caller(request), ApiParams.body(draft))).build();
    }

    @GET
    @Path("ratings")
    @ApiDoc("Ratings, newest first")
    public Page<Rating> ratings(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return ratings.ratings(ApiCallers.caller(request), ApiParams.text(office), ApiParams.page(offset, limit));
    }

    @GET
    @Path("rectifications")
    @ApiDoc("Rectification items opened by bad ratings (open ones with open=true)")
    public List<Rectification> rectifications(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("open") String open) {
        return ratings.rectifications(ApiCallers.caller(request), ApiParams.text(office), ApiParams.booleanParam("open", open, false));
    }

    @POST
    @Path("rectifications/{id}/callback")
    @ApiDoc("Record the callback to the rater")
    public Rectification callback(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.Note body) {
        return ratings.callback(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(body).note());
    }

    @POST
    @Path("rectifications/{id}/close")
    @ApiDoc("Close the item with what was fixed (after the callback)")
    public Rectification close(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, Bodies.Note body) {
        return ratings.close(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(body).note());
    }

    @GET
    @Path("sms")
    @ApiDoc("The SMS outbox with delivery status (admins and leaders)")
    public Page<SmsMessage> sms(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("status") String status, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return outbox.find(ApiCallers.caller(request), ApiParams.text(office), ApiParams.optionalEnum("status", status, SmsStatus.class),
                ApiParams.page(offset, limit));
    }

    @POST
    @Path("sms/{id}/retry")
    @ApiDoc("Queue a failed message again through the configured gateway")
    public SmsMessage retry(@Context HttpServletRequest request, @PathParam("id") String id) {
        return outbox.retry(ApiCallers.caller(request), id);
    }

    @GET
    @Path("statistics")
    @ApiDoc("Statistics of a year per office, window, clerk and business type")
    public CounterStats statistics(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        return stats.stats(ApiCallers.caller(request), ApiParams.text(office), ApiParams.intParam("year", year, LocalDate.now().getYear()));
    }

    @GET
    @Path("statistics.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @ApiDoc(value = "The statistics as an Excel workbook", response = byte[].class)
    public Response xlsx(@Context HttpServletRequest request, @QueryParam("office") String office, @QueryParam("year") String year) {
        int y = ApiParams.intParam("year", year, LocalDate.now().getYear());
        byte[] bytes = stats.xlsx(ApiCallers.caller(request), ApiParams.text(office), y, ApiCallers.locale(request));
        return Response.ok(bytes, Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"counter-" + y + ".xlsx\"").build();
    }
}
