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
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.rooms.api.RoomStatistics;
import cn.gannan.hpf.rooms.api.RoomStatisticsService;

@Component(service = StatisticsResource.class)
@JaxrsResource
@JaxrsName("hpf.rooms.statistics")
@JSONRequired
@Path("rooms/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Rooms: conformance rate per site, open rectification items, usage hours per month; Excel export")
public class StatisticsResource {

    private final RoomStatisticsService stats;

    @Activate
    public StatisticsResource(@Reference RoomStatisticsService stats) {
        this.stats = stats;
    }

    private static int year(String year) {
        Integer y = ApiParams.optionalInt("year", year);
        return y == null ? java.time.LocalDate.now(ApiParams.OFFICE_ZONE).getYear() : y;
    }

    @GET
    @ApiDoc("Figures of a year (default: this year) for one office or every office the caller reads")
    public RoomStatistics get(@Context HttpServletRequest request, @QueryParam("year") String year,
            @QueryParam("office") String office) {
        return stats.statistics(ApiCallers.caller(request), year(year), ApiParams.text(office));
    }

    @GET
    @Path("xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @ApiDoc(value = "The same figures as an Excel workbook, in the request's language", response = byte[].class)
    public Response xlsx(@Context HttpServletRequest request, @QueryParam("year") String year,
            @QueryParam("office") String office) {
        int y = year(year);
        byte[] bytes = stats.exportXlsx(ApiCallers.caller(request), y, ApiParams.text(office), ApiCallers.locale(request));
        return Response.ok(bytes, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"rooms-statistics-" + y + ".xlsx\"").build();
    }
}
