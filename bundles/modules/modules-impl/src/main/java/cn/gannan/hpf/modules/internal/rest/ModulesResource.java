package cn.gannan.hpf.modules.internal.rest;

import java.util.List;
import java.util.Map;

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
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleProfile;
import cn.gannan.hpf.modules.api.ModuleService;

@Component(service = ModulesResource.class)
@JaxrsResource
@JaxrsName("hpf.modules.modules")
@JSONRequired
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApiDoc("Modules of this office node: catalogue, dry runs, enable/disable, profiles, data export and purge")
public class ModulesResource {

    private final ModuleService modules;

    @Activate
    public ModulesResource(@Reference ModuleService modules) {
        this.modules = modules;
    }

    @GET
    @ApiDoc("Every module this node can run, with its state, requirements and failure reason")
    public List<ModuleInfo> catalogue(@Context HttpServletRequest request) {
        return modules.catalogue(ApiCallers.caller(request));
    }

    @GET
    @Path("profiles")
    @ApiDoc("The module presets (county-standard, central …), with ids this node cannot run listed as unavailable")
    public List<ModuleProfile> profiles(@Context HttpServletRequest request) {
        return modules.profiles(ApiCallers.caller(request));
    }

    @GET
    @Path("profiles/{id}/plan")
    @ApiDoc("Dry run of applying a profile: modules enabled and disabled, bundles installed and stopped")
    public ModulePlan planProfile(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.planProfile(ApiCallers.caller(request), id);
    }

    @POST
    @Path("profiles/{id}/apply")
    @ApiDoc("Apply a profile (office admin): the node's module set becomes the profile's available modules")
    public ModulePlan applyProfile(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.applyProfile(ApiCallers.caller(request), id);
    }

    @POST
    @Path("reconcile")
    @ApiDoc("Bring the node to the stored desired set now; returns the modules that failed")
    public List<ModuleInfo> reconcile(@Context HttpServletRequest request) {
        return modules.reconcile(ApiCallers.caller(request));
    }

    @GET
    @Path("{id}")
    @ApiDoc("One module")
    public ModuleInfo module(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.module(ApiCallers.caller(request), id);
    }

    @GET
    @Path("{id}/plan")
    @ApiDoc("Dry run of enabling (action=enable, default) or disabling (action=disable) a module")
    public ModulePlan plan(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("action") String action) {
        String a = ApiParams.text(action);
        return "disable".equals(a) ? modules.planDisable(ApiCallers.caller(request), id)
                : modules.planEnable(ApiCallers.caller(request), id);
    }

    @POST
    @Path("{id}/enable")
    @ApiDoc("Enable a module and what it requires (office admin); returns the plan applied")
    public ModulePlan enable(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.enable(ApiCallers.caller(request), id);
    }

    @POST
    @Path("{id}/disable")
    @ApiDoc("Disable a module, keeping its data (office admin); refused when an enabled module needs it")
    public ModulePlan disable(@Context HttpServletRequest request, @PathParam("id") String id) {
        return modules.disable(ApiCallers.caller(request), id);
    }

    @GET
    @Path("{id}/export")
    @Produces("application/zip")
    @ApiDoc(value = "The module's data as a zip of CSV files, one per table (office admin; audited)",
            response = byte[].class)
    public Response export(@Context HttpServletRequest request, @PathParam("id") String id) {
        ModuleExport e = modules.exportData(ApiCallers.caller(request), id);
        return Response.ok(e.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"").build();
    }

    @POST
    @Path("{id}/purge")
    @ApiDoc("Remove a disabled module's data after an export; confirm must repeat the module id (audited)")
    public Map<String, Object> purge(@Context HttpServletRequest request, @PathParam("id") String id,
            @QueryParam("confirm") String confirm) {
        return Map.of("module", id, "dropped", modules.purgeData(ApiCallers.caller(request), id, confirm));
    }
}
