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

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;

@Component(service = MeResource.class)
@JaxrsResource
@JaxrsName("hpf.core.me")
@JSONRequired
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@ApiDoc("The authenticated user")
public class MeResource {

    /** The caller as the API shows it; {@code officeName} in the request's language. */
    public record Me(String userId, String username, String displayName, String office, String officeName,
            List<Role> roles) {
    }

    private final OfficeService offices;

    @Activate
    public MeResource(@Reference OfficeService offices) {
        this.offices = offices;
    }

    @GET
    @ApiDoc("Username, display name, office and roles of the caller")
    public Me me(@Context HttpServletRequest request) {
        Caller c = ApiCallers.caller(request);
        String officeName = offices.find(c.officeCode()).map(o -> o.name(ApiCallers.locale(request)))
                .orElse(c.officeCode());
        return new Me(c.userId(), c.username(), c.displayName(), c.officeCode(), officeName,
                c.roles().stream().sorted().toList());
    }
}
