package cn.gannan.hpf.fleet.internal.rest;

import java.util.List;
import java.util.Locale;

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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.RecordMeta;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.FleetService;
import cn.gannan.hpf.fleet.api.Release;
import cn.gannan.hpf.fleet.api.ReleaseService;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutDraft;
import cn.gannan.hpf.fleet.api.RolloutService;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.RolloutWave;
import cn.gannan.hpf.fleet.api.WaveDraft;
import cn.gannan.hpf.fleet.internal.centre.CentreConfig;

/**
 * The fleet at the centre as JSON: offices, their history, releases, rollouts and the rollout actions. Only where
 * the centre is configured (its services exist only there; on a county node this resource is absent rather than an
 * unsatisfied component the agent's health check would report). The services check roles and rules.
 */
@Component(service = FleetResource.class, configurationPid = CentreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@JaxrsResource
@JaxrsName("hpf.fleet.fleet")
@JSONRequired
@Path("fleet")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("The fleet at the central office: county offices, published releases, rollouts in waves (central admin; reading also auditor)")
public class FleetResource {

    /** A new rollout as JSON; a missing number is 0, which the rollout service refuses with its rule. */
    public record RolloutRequest(String name, String release, Integer errorThreshold, List<WaveRequest> waves) {
    }

    /**
     * One wave of a new rollout.
     *
     * @param successPercent default 100
     * @param approve        wait for an admin's approval after this wave (default: advance by itself)
     */
    public record WaveRequest(List<String> offices, Integer successPercent, Boolean approve) {
    }

    /** A rollout as the API shows it: the stop reason in the caller's language. */
    public record RolloutView(String id, String name, String release, RolloutStatus status, int errorThresholdPercent,
            String stopReason, List<RolloutWave> waves, RecordMeta meta) {

        static RolloutView of(Rollout r, Locale locale) {
            return new RolloutView(r.id(), r.name(), r.release(), r.status(), r.errorThresholdPercent(),
                    r.stopReason() == null ? null : r.stopReason().format(locale), r.waves(), r.meta());
        }
    }

    private final FleetService fleet;
    private final RolloutService rollouts;
    private final ReleaseService releases;

    @Activate
    public FleetResource(@Reference FleetService fleet, @Reference RolloutService rollouts, @Reference ReleaseService releases) {
        this.fleet = fleet;
        this.rollouts = rollouts;
        this.releases = releases;
    }

    @GET
    @Path("offices")
    @ApiDoc("Every county office: target and running release, modules, health, phase, last seen, stale, last error")
    public List<FleetOffice> offices(@Context HttpServletRequest request) {
        return fleet.offices(ApiCallers.caller(request));
    }

    @GET
    @Path("offices/{code}")
    @ApiDoc("One county office")
    public FleetOffice office(@Context HttpServletRequest request, @PathParam("code") String code) {
        return fleet.office(ApiCallers.caller(request), code);
    }

    @GET
    @Path("offices/{code}/history")
    @ApiDoc("The office's fleet history of actions (audit lines of the fleet module), newest first; limit 1–500, default 50")
    public List<AuditEntry> history(@Context HttpServletRequest request, @PathParam("code") String code,
            @QueryParam("limit") String limit) {
        return fleet.history(ApiCallers.caller(request), code, ApiParams.page(null, limit).limit());
    }

    @GET
    @Path("releases")
    @ApiDoc("Published releases, newest first")
    public List<Release> releases(@Context HttpServletRequest request) {
        return releases.releases(ApiCallers.caller(request));
    }

    @GET
    @Path("rollouts")
    @ApiDoc("Every rollout with its waves and their offices (status, attempt, last error), newest first")
    public List<RolloutView> rollouts(@Context HttpServletRequest request) {
        Locale locale = ApiCallers.locale(request);
        return rollouts.rollouts(ApiCallers.caller(request)).stream().map(r -> RolloutView.of(r, locale)).toList();
    }

    @GET
    @Path("rollouts/{id}")
    @ApiDoc("One rollout with its waves and their offices")
    public RolloutView rollout(@Context HttpServletRequest request, @PathParam("id") String id) {
        return view(request, rollouts.rollout(ApiCallers.caller(request), id));
    }

    @POST
    @Path("rollouts")
    @ApiDoc("Create a rollout (DRAFT) from name, release, errorThreshold (1–100) and waves [{offices, successPercent,"
            + " approve}]; every invalid field is listed (422)")
    public RolloutView create(@Context HttpServletRequest request, RolloutRequest body) {
        RolloutRequest b = ApiParams.body(body);
        List<WaveDraft> waves = b.waves() == null ? List.of() : b.waves().stream()
                .map(w -> w == null ? new WaveDraft(List.of(), 100, true)
                        : new WaveDraft(w.offices(), w.successPercent() == null ? 100 : w.successPercent(),
                                !Boolean.TRUE.equals(w.approve())))
                .toList();
        RolloutDraft draft = new RolloutDraft(b.name(), b.release(), b.errorThreshold() == null ? 0 : b.errorThreshold(), waves);
        return view(request, rollouts.create(ApiCallers.caller(request), draft));
    }

    @POST
    @Path("rollouts/{id}/start")
    @ApiDoc("Start a draft rollout: its first wave's offices are sent the release (409 when not a draft or an office is busy)")
    public RolloutView start(@Context HttpServletRequest request, @PathParam("id") String id) {
        return view(request, rollouts.start(ApiCallers.caller(request), id));
    }

    @POST
    @Path("rollouts/{id}/approve")
    @ApiDoc("Start the next wave of a rollout waiting for approval (409 otherwise)")
    public RolloutView approve(@Context HttpServletRequest request, @PathParam("id") String id) {
        return view(request, rollouts.approve(ApiCallers.caller(request), id));
    }

    @POST
    @Path("rollouts/{id}/retry")
    @ApiDoc("Send the release again to the failed offices, or only to the office given; a stopped rollout resumes")
    public RolloutView retry(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("office") String office) {
        return view(request, rollouts.retry(ApiCallers.caller(request), id, ApiParams.text(office)));
    }

    @POST
    @Path("rollouts/{id}/cancel")
    @ApiDoc("Cancel: offices that have not taken the release stay on theirs (409 when already finished)")
    public RolloutView cancel(@Context HttpServletRequest request, @PathParam("id") String id) {
        return view(request, rollouts.cancel(ApiCallers.caller(request), id));
    }

    private static RolloutView view(HttpServletRequest request, Rollout r) {
        return RolloutView.of(r, ApiCallers.locale(request));
    }
}
