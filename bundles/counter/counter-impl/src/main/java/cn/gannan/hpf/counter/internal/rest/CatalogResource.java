package cn.gannan.hpf.counter.internal.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.counter.api.CalendarService;
import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.BusinessTypeDraft;
import cn.gannan.hpf.counter.api.Records.DocumentRequirement;
import cn.gannan.hpf.counter.api.Records.DocumentRequirementDraft;
import cn.gannan.hpf.counter.api.Records.HolidayDraft;
import cn.gannan.hpf.counter.api.Records.HolidayEntry;
import cn.gannan.hpf.counter.api.Records.ServiceWindow;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;

@Component(service = CatalogResource.class)
@JaxrsResource
@JaxrsName("hpf.counter.catalog")
@JSONRequired
@Path("counter")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Counter reference data: service catalogue, documents, windows, holiday calendar")
public class CatalogResource {

    private final CatalogService catalog;
    private final CalendarService calendar;

    @Activate
    public CatalogResource(@Reference CatalogService catalog, @Reference CalendarService calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    @GET
    @Path("business-types")
    @ApiDoc("Business types of the catalogue")
    public List<BusinessType> types(@Context HttpServletRequest request, @QueryParam("includeInactive") String inactive) {
        return catalog.types(ApiCallers.caller(request), ApiParams.booleanParam("includeInactive", inactive, false));
    }

    @GET
    @Path("business-types/{code}")
    @ApiDoc("One business type")
    public BusinessType type(@Context HttpServletRequest request, @PathParam("code") String code) {
        return catalog.type(ApiCallers.caller(request), code);
    }

    @POST
    @Path("business-types")
    @ApiDoc(value = "Create a business type (central admins)", response = BusinessType.class)
    public Response createType(@Context HttpServletRequest request, BusinessTypeDraft draft) {
        return Response.status(Response.Status.CREATED).entity(catalog.createType(ApiCallers.caller(request), ApiParams.body(draft)))
                .build();
    }

    @PUT
    @Path("business-types/{id}")
    @ApiDoc("Change a business type (central admins); version as read")
    public BusinessType updateType(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, BusinessTypeDraft draft) {
        return catalog.updateType(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @GET
    @Path("business-types/{code}/documents")
    @ApiDoc("Documents a business type requires, with their conditions")
    public List<DocumentRequirement> documents(@Context HttpServletRequest request, @PathParam("code") String code) {
        return catalog.documents(ApiCallers.caller(request), code);
    }

    @POST
    @Path("documents")
    @ApiDoc(value = "Add a required document (central admins)", response = DocumentRequirement.class)
    public Response addDocument(@Context HttpServletRequest request, DocumentRequirementDraft draft) {
        return Response.status(Response.Status.CREATED).entity(catalog.addDocument(ApiCallers.caller(request), ApiParams.body(draft)))
                .build();
    }

    @DELETE
    @Path("documents/{id}")
    @ApiDoc("Remove a required document (central admins)")
    public void removeDocument(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version) {
        catalog.removeDocument(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    @GET
    @Path("windows")
    @ApiDoc("Windows of an office (default the caller's)")
    public List<ServiceWindow> windows(@Context HttpServletRequest request, @QueryParam("office") String office) {
        return catalog.windows(ApiCallers.caller(request), ApiParams.text(office));
    }

    @POST
    @Path("windows")
    @ApiDoc(value = "Create a window (office admins)", response = ServiceWindow.class)
    public Response createWindow(@Context HttpServletRequest request, ServiceWindowDraft draft) {
        return Response.status(Response.Status.CREATED).entity(catalog.createWindow(ApiCallers.caller(request), ApiParams.body(draft)))
                .build();
    }

    @PUT
    @Path("windows/{id}")
    @ApiDoc("Change a window (office admins); version as read")
    public ServiceWindow updateWindow(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, ServiceWindowDraft draft) {
        return catalog.updateWindow(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), ApiParams.body(draft));
    }

    @GET
    @Path("holidays")
    @ApiDoc("Entered days off and make-up working days of a year")
    public List<HolidayEntry> holidays(@Context HttpServletRequest request, @QueryParam("year") String year) {
        return calendar.entries(ApiCallers.caller(request), ApiParams.intParam("year", year, LocalDate.now().getYear()));
    }

    @GET
    @Path("holidays/years")
    @ApiDoc("Years with an entered schedule")
    public List<Integer> years(@Context HttpServletRequest request) {
        return calendar.years(ApiCallers.caller(request));
    }

    @POST
    @Path("holidays")
    @ApiDoc(value = "Enter a day off or a make-up working day (central admins)", response = HolidayEntry.class)
    public Response addHoliday(@Context HttpServletRequest request, HolidayDraft draft) {
        return Response.status(Response.Status.CREATED).entity(calendar.add(ApiCallers.caller(request), ApiParams.body(draft))).build();
    }

    @DELETE
    @Path("holidays/{id}")
    @ApiDoc("Remove an entered day (central admins)")
    public void removeHoliday(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("version") String version) {
        calendar.remove(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    @GET
    @Path("working-days")
    @ApiDoc("The n-th working day after a date (due-date arithmetic)")
    public Map<String, Object> workingDays(@Context HttpServletRequest request, @QueryParam("from") String from,
            @QueryParam("days") String days) {
        ApiCallers.caller(request);
        LocalDate start = ApiParams.optionalDate("from", from);
        int n = ApiParams.intParam("days", days, 0);
        LocalDate s = start == null ? LocalDate.now() : start;
        return Map.of("from", s.toString(), "days", n, "due", calendar.addWorkingDays(s, n).toString(),
                "calendarCoversYear", calendar.calendar().covers(s.getYear()));
    }
}
