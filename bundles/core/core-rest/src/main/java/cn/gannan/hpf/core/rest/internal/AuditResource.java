package cn.gannan.hpf.core.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.AuditService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.core.rest.ApiDoc;
import cn.gannan.hpf.core.rest.ApiParams;

@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsName("hpf.core.audit")
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@ApiDoc("Audit log (office admins: their office; auditors and central admins: all)")
public class AuditResource {

    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    @GET
    @ApiDoc(value = "Find audit entries, newest first; from/to are ISO instants or dates (to is inclusive for a date)")
    public Page<AuditEntry> find(@Context HttpServletRequest request, @QueryParam("office") String office,
            @QueryParam("user") String user, @QueryParam("module") String module, @QueryParam("entity") String entity,
            @QueryParam("entityId") String entityId, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        AuditQuery query = new AuditQuery(ApiParams.text(office), ApiParams.text(user), ApiParams.text(module),
                ApiParams.text(entity), ApiParams.text(entityId),
                ApiParams.optionalEnum("action", action, AuditAction.class),
                ApiParams.optionalInstant("from", from, false), ApiParams.optionalInstant("to", to, true));
        return audit.find(ApiCallers.caller(request), query, ApiParams.page(offset, limit));
    }
}
