package cn.gannan.hpf.core.rest.internal;

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

import cn.gannan.hpf.core.api.Membership;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;

@Component(service = OrgUnitsResource.class)
@JaxrsResource
@JaxrsName("hpf.core.orgUnits")
@JSONRequired
@Path("org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Org units: party bodies, mass organisations and sections, a tree per office")
public class OrgUnitsResource {

    private final OrgService org;

    @Activate
    public OrgUnitsResource(@Reference OrgService org) {
        this.org = org;
    }

    @GET
    @ApiDoc("Org units the caller may read, of one office or the caller's scope, in tree order")
    public List<OrgUnit> list(@Context HttpServletRequest request, @QueryParam("office") String office) {
        return org.units(ApiCallers.caller(request), ApiParams.text(office));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One org unit")
    public OrgUnit get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return org.unit(ApiCallers.caller(request), id);
    }

    @POST
    @ApiDoc(value = "Create an org unit (office and central admins)", response = OrgUnit.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, OrgUnitDraft draft) {
        OrgUnit created = org.create(ApiCallers.caller(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @ApiDoc("Change an org unit; version is the one read (optimistic locking, 409 when stale)")
    public OrgUnit update(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, OrgUnitDraft draft) {
        long v = ApiParams.requiredLong("version", version);
        return org.update(ApiCallers.caller(request), id, v, ApiParams.body(draft));
    }

    @DELETE
    @Path("{id}")
    @ApiDoc("Delete an org unit without sub-units or current members")
    public void delete(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version) {
        long v = ApiParams.requiredLong("version", version);
        org.delete(ApiCallers.caller(request), id, v);
    }

    @GET
    @Path("{id}/members")
    @ApiDoc("Memberships of the unit: all, or only current ones with current=true")
    public List<Membership> members(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("current") String current) {
        boolean currentOnly = ApiParams.booleanParam("current", current, false);
        return org.members(ApiCallers.caller(request), id, currentOnly);
    }
}
