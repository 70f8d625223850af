package cn.gannan.hpf.core.rest.internal;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;

@Component(service = OfficesResource.class)
@JaxrsResource
@JaxrsName("hpf.core.offices")
@JSONRequired
@Path("offices")
@Produces(MediaType.APPLICATION_JSON)
@ApiDoc("Offices: the central office and the eight county management departments")
public class OfficesResource {

    private final OfficeService offices;

    @Activate
    public OfficesResource(@Reference OfficeService offices) {
        this.offices = offices;
    }

    @GET
    @ApiDoc("All nine offices, the centre first")
    public List<Office> list(@Context HttpServletRequest request) {
        ApiCallers.caller(request);
        return offices.offices();
    }

    @GET
    @Path("current")
    @ApiDoc("The office this node serves")
    public Office current(@Context HttpServletRequest request) {
        ApiCallers.caller(request);
        return offices.current();
    }
}
