package cn.gannan.hpf.core.rest.internal;

import java.time.LocalDate;
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

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.api.StatusChange;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;

@Component(service = PeopleResource.class)
@JaxrsResource
@JaxrsName("hpf.core.people")
@JSONRequired
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("People: the staff directory and political status history")
public class PeopleResource {

    private final PersonService people;
    private final OrgService org;

    @Activate
    public PeopleResource(@Reference PersonService people, @Reference OrgService org) {
        this.people = people;
        this.org = org;
    }

    @GET
    @ApiDoc("Find people: office, free text (name, staff number, phone), status, current org unit, active; paged")
    public Page<Person> find(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("active") String active, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        PersonQuery query = new PersonQuery(ApiParams.text(office), ApiParams.text(q),
                ApiParams.optionalEnum("status", status, PoliticalStatus.class), ApiParams.text(orgUnit),
                ApiParams.optionalBoolean("active", active));
        return people.find(ApiCallers.caller(request), query, ApiParams.page(offset, limit));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One person")
    public Person get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return people.get(ApiCallers.caller(request), id);
    }

    @POST
    @ApiDoc(value = "Create a person", response = Person.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, PersonDraft draft) {
        Person created = people.create(ApiCallers.caller(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Change a person (not the political status); version is the one read")
    public Person update(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, PersonDraft draft) {
        long v = ApiParams.requiredLong("version", version);
        return people.update(ApiCallers.caller(request), id, v, ApiParams.body(draft));
    }

    @POST
    @Path("{id}/status")
    @ApiDoc("Change the political status (PARTY_PROBATION = 留党察看 of a full member, back to FULL_MEMBER when the rights are restored); kept in the history")
    public Person changeStatus(@Context HttpServletRequest request, @PathParam("id") String id,
            StatusChangeRequest change) {
        StatusChangeRequest c = ApiParams.body(change);
        Caller caller = ApiCallers.caller(request);
        if (c.version() == null) {
            throw ValidationException.field("version", Msg.core("error.field.required", "version"));
        }
        if (c.status() == null) {
            throw ValidationException.field("status", Msg.core("error.field.required", "status"));
        }
        return people.changeStatus(caller, id, c.version(), c.status(), c.effectiveDate(), c.note());
    }

    @GET
    @Path("{id}/status-history")
    @ApiDoc("The political status history, oldest first")
    public List<StatusChange> statusHistory(@Context HttpServletRequest request, @PathParam("id") String id) {
        return people.statusHistory(ApiCallers.caller(request), id);
    }

    /** A person's political status on a day. */
    public record StatusOn(String personId, LocalDate date, PoliticalStatus status) {
    }

    @GET
    @Path("{id}/status-on")
    @ApiDoc("The political status on a day (date=YYYY-MM-DD, default today), from the history: e.g. 留党察看 on the day of a vote")
    public StatusOn statusOn(@Context HttpServletRequest request, @PathParam("id") String id, @QueryParam("date") String date) {
        LocalDate day = ApiParams.optionalDate("date", date);
        LocalDate d = day != null ? day : LocalDate.now(ApiParams.OFFICE_ZONE);
        return new StatusOn(id, d, people.statusOn(ApiCallers.caller(request), id, d));
    }

    @GET
    @Path("{id}/memberships")
    @ApiDoc("The person's memberships of org units, current and past")
    public List<Membership> memberships(@Context HttpServletRequest request, @PathParam("id") String id) {
        return org.membershipsOf(ApiCallers.caller(request), id);
    }
}
