package cn.gannan.hpf.core.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import cn.gannan.hpf.core.rest.ApiCallers;

/**
 * Runs first on every request: fixes the message locale from Accept-Language and refuses bodies
 * over 1 MB (413) — by the declared length at once, or while reading when no length was declared.
 */
@Component(service = ContainerRequestFilter.class, property = "service.ranking:Integer=200")
@JaxrsExtension
@JaxrsName("hpf.request.limits")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimitsFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext ctx) {
        java.util.Locale locale = AcceptLanguage.parse(ctx.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        ctx.setProperty(ApiCallers.LOCALE_ATTRIBUTE, locale);
        if (ctx.getLength() > Problems.MAX_BODY_BYTES) {
            ctx.abortWith(Problems.payloadTooLarge(locale).toResponse(locale));
            return;
        }
        if (ctx.hasEntity()) {
            ctx.setEntityStream(new LimitedInputStream(ctx.getEntityStream(), Problems.MAX_BODY_BYTES));
        }
    }
}
