package cn.gannan.hpf.core.rest.internal;

import java.util.Locale;

import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.AuthenticationService;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.rest.ApiCallers;

/**
 * HTTP Basic against the node's JAAS realm ({@link AuthenticationService#login}), the realm the
 * console and the UI use. Every request authenticates (no session, no cache); a refusal is a 401
 * problem with the challenge and the service's message, which never tells whether the user exists.
 * Pre-matching, so unknown paths are not revealed to anonymous clients. Only the OpenAPI
 * description is public.
 */
@Component(service = ContainerRequestFilter.class, property = "service.ranking:Integer=100")
@JaxrsExtension
@JaxrsName("hpf.authentication")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    /** Paths (relative to /api) served without credentials. */
    static final String OPENAPI_PATH = "openapi.json";

    private final AuthenticationService authentication;

    /** A thread-local proxy injected by CXF. */
    @Context
    HttpServletRequest servletRequest;

    @Activate
    public AuthenticationFilter(@Reference AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        Locale locale = locale(ctx);
        if (isPublic(ctx.getMethod(), ctx.getUriInfo().getPath())) {
            return;
        }
        BasicCredentials credentials = BasicCredentials.parse(ctx.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!credentials.present()) {
            String key = credentials == BasicCredentials.MALFORMED ? "rest.auth.malformed" : "rest.auth.required";
            ctx.abortWith(Problems.unauthorized(RestMessages.msg(key), locale).toResponse(locale));
            return;
        }
        try {
            Caller caller = authentication.login(credentials.username(), credentials.password());
            ctx.setProperty(ApiCallers.CALLER_ATTRIBUTE, caller); // CXF keeps properties as servlet request attributes
            if (servletRequest != null) {
                servletRequest.setAttribute(ApiCallers.CALLER_ATTRIBUTE, caller); // and explicitly, in case
            }
        } catch (AuthenticationException e) {
            ctx.abortWith(Problems.unauthorized(e.msg(), locale).toResponse(locale));
        } finally {
            credentials.wipe();
        }
    }

    static boolean isPublic(String method, String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && OPENAPI_PATH.equals(p);
    }

    private static Locale locale(ContainerRequestContext ctx) {
        Object l = ctx.getProperty(ApiCallers.LOCALE_ATTRIBUTE);
        return l instanceof Locale locale ? locale : AcceptLanguage.parse(ctx.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
