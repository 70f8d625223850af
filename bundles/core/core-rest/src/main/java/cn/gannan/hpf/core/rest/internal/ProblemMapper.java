package cn.gannan.hpf.core.rest.internal;

import java.util.Locale;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Every error of the API as {@code application/problem+json}: services' refusals with their status
 * and localized message, JSON errors as 400 naming the field, JAX-RS errors (unknown path, wrong
 * method or media type) with a generic localized text, anything else as a logged 500 with a
 * reference. The body is written as bytes, so no JSON provider is needed to report an error.
 */
@Component(service = javax.ws.rs.ext.ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("hpf.problems")
public class ProblemMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() < 400) {
            return w.getResponse(); // redirects and the like are not errors
        }
        Locale locale = locale();
        return Problems.of(exception, locale, describeRequest()).toResponse(locale);
    }

    private Locale locale() {
        try {
            return AcceptLanguage.parse(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (RuntimeException e) {
            return AcceptLanguage.parse(null);
        }
    }

    private String describeRequest() {
        try {
            return (request == null ? "" : request.getMethod() + " ") + (uriInfo == null ? "" : uriInfo.getRequestUri().getPath());
        } catch (RuntimeException e) {
            return "(unknown)";
        }
    }
}
