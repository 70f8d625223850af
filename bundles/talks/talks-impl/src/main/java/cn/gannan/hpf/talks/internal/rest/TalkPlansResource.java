package cn.gannan.hpf.talks.internal.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.talks.api.Coverage;
import cn.gannan.hpf.talks.api.CoverageWarning;
import cn.gannan.hpf.talks.api.PairDraft;
import cn.gannan.hpf.talks.api.PlanDraft;
import cn.gannan.hpf.talks.api.TalkPlan;
import cn.gannan.hpf.talks.api.TalkPlanService;

/** Yearly talk plans, their coverage and the warnings of uncovered pairs. */
@Component(service = TalkPlansResource.class)
@JaxrsResource
@JaxrsName("hpf.talks.plans")
@JSONRequired
@Path("talks/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Talk plans (谈心谈话计划): who must talk with whom in a year, and the coverage")
public class TalkPlansResource {

    private final TalkPlanService plans;

    @Activate
    public TalkPlansResource(@Reference TalkPlanService plans) {
        this.plans = plans;
    }

    @GET
    @ApiDoc("Plans of an office (or the caller's scope), optionally of one year")
    public List<TalkPlan> list(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("year") String year) {
        return plans.plans(ApiCallers.caller(request), ApiParams.text(office), ApiParams.optionalInt("year", year));
    }

    @POST
    @ApiDoc(value = "Create the plan of a body for a year from its current members", response = TalkPlan.class)
    public Response create(@Context HttpServletRequest request, @Context UriInfo uri, PlanDraft draft) {
        TalkPlan p = plans.create(ApiCallers.caller(request), ApiParams.body(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(p.id()).build()).entity(p).build();
    }

    @GET
    @Path("warnings")
    @ApiDoc("Plans of this year with pairs still uncovered when at most days (default: the configured warningDays) of the year are left")
    public List<CoverageWarning> warnings(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("days") String days) {
        return plans.warnings(ApiCallers.caller(request), ApiParams.text(office), null,
                ApiParams.intParam("days", days, plans.defaultWarningDays()));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One plan with its pairs")
    public TalkPlan get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return plans.plan(ApiCallers.caller(request), id);
    }

    @DELETE
    @Path("{id}")
    @ApiDoc("Delete a plan (the talks stay)")
    public void delete(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version) {
        plans.delete(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version));
    }

    @POST
    @Path("{id}/pairs")
    @ApiDoc("Add a pair to a plan; version is the plan's")
    public TalkPlan addPair(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("version") String version, PairDraft pair) {
        return plans.addPair(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version),
                ApiParams.body(pair));
    }

    @DELETE
    @Path("{id}/pairs/{pairId}")
    @ApiDoc("Remove a pair from a plan; version is the plan's")
    public TalkPlan removePair(@Context HttpServletRequest request, @PathParam("id") String id,
            @PathParam("pairId") String pairId, @QueryParam("version") String version) {
        return plans.removePair(ApiCallers.caller(request), id, ApiParams.requiredLong("version", version), pairId);
    }

    @GET
    @Path("{id}/coverage")
    @ApiDoc("The plan's coverage on a day (asOf, default today): covered pairs and every pair still without a talk")
    public Coverage coverage(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("asOf") String asOf) {
        return plans.coverage(ApiCallers.caller(request), id, ApiParams.optionalDate("asOf", asOf));
    }
}
