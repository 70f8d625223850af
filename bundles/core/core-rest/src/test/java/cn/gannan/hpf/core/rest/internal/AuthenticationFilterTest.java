package cn.gannan.hpf.core.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.AuthenticationService;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.rest.ApiCallers;

public class AuthenticationFilterTest {

    private final AuthenticationService auth = mock(AuthenticationService.class);
    private final ContainerRequestContext ctx = mock(ContainerRequestContext.class);
    private final UriInfo uri = mock(UriInfo.class);
    private AuthenticationFilter filter;

    @Before
    public void setUp() {
        filter = new AuthenticationFilter(auth);
        when(ctx.getUriInfo()).thenReturn(uri);
        when(ctx.getMethod()).thenReturn("GET");
        when(uri.getPath()).thenReturn("people");
        when(ctx.getProperty(ApiCallers.LOCALE_ATTRIBUTE)).thenReturn(Locale.ENGLISH);
    }

    private Response aborted() {
        ArgumentCaptor<Response> r = ArgumentCaptor.forClass(Response.class);
        verify(ctx).abortWith(r.capture());
        return r.getValue();
    }

    @Test
    public void missingCredentialsAre401WithChallenge() {
        filter.filter(ctx);
        Response r = aborted();
        assertEquals(401, r.getStatus());
        assertTrue(r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE).startsWith("Basic realm=\"hpf\""));
        String body = new String((byte[]) r.getEntity(), StandardCharsets.UTF_8);
        assertTrue(body, body.contains("Sign in"));
    }

    @Test
    public void wrongCredentialsCarryTheServiceMessage() {
        when(ctx.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn(
                "Basic " + Base64.getEncoder().encodeToString("ghost:x".getBytes(StandardCharsets.UTF_8)));
        when(auth.login(eq("ghost"), any())).thenThrow(new AuthenticationException(Msg.core("error.login.failed")));
        filter.filter(ctx);
        Response r = aborted();
        assertEquals(401, r.getStatus());
        String body = new String((byte[]) r.getEntity(), StandardCharsets.UTF_8);
        assertTrue(body, body.contains("Wrong username or password."));
        assertFalse(body, body.contains("ghost"));
    }

    @Test
    public void malformedHeaderNeverReachesTheRealm() {
        when(ctx.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn("Basic !!!");
        filter.filter(ctx);
        assertEquals(401, aborted().getStatus());
        verify(auth, never()).login(any(), any());
    }

    @Test
    public void successPutsTheCallerOnTheRequest() {
        Caller caller = new Caller("u1", "zhang", "张三", "GN01", EnumSet.of(Role.STAFF));
        when(ctx.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn(
                "Basic " + Base64.getEncoder().encodeToString("zhang:secret12".getBytes(StandardCharsets.UTF_8)));
        when(auth.login(eq("zhang"), any())).thenReturn(caller);
        filter.servletRequest = mock(HttpServletRequest.class);
        filter.filter(ctx);
        verify(ctx, never()).abortWith(any());
        verify(ctx).setProperty(ApiCallers.CALLER_ATTRIBUTE, caller);
        verify(filter.servletRequest).setAttribute(ApiCallers.CALLER_ATTRIBUTE, caller);
    }

    @Test
    public void openApiIsPublic() {
        when(uri.getPath()).thenReturn("/openapi.json");
        filter.filter(ctx);
        verify(ctx, never()).abortWith(any());
        assertTrue(AuthenticationFilter.isPublic("GET", "openapi.json"));
        assertFalse(AuthenticationFilter.isPublic("POST", "openapi.json"));
        assertFalse(AuthenticationFilter.isPublic("GET", "people/openapi.json"));
    }

    @Test
    public void callerHelperRefusesAnUnauthenticatedRequest() {
        HttpServletRequest req = mock(HttpServletRequest.class);
        try {
            ApiCallers.caller(req);
            throw new AssertionError();
        } catch (AuthenticationException expected) {
            assertEquals(401, expected.httpStatus());
        }
        when(req.getHeader("Accept-Language")).thenReturn("en");
        assertEquals(Locale.ENGLISH, ApiCallers.locale(req));
    }
}
