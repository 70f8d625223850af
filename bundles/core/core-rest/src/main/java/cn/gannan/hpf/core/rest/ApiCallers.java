package cn.gannan.hpf.core.rest;

import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.rest.internal.AcceptLanguage;

/**
 * The caller and locale of a JSON API request. The base's authentication filter puts them on the
 * request before any resource runs; a resource method takes {@code @Context HttpServletRequest}
 * and asks here (CXF does not inject {@code ContainerRequestContext} into resource methods).
 */
public final class ApiCallers {

    /** Request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "cn.gannan.hpf.rest.caller";

    /** Request attribute holding the {@link Locale} of the messages (from Accept-Language). */
    public static final String LOCALE_ATTRIBUTE = "cn.gannan.hpf.rest.locale";

    private ApiCallers() {
    }

    /**
     * The authenticated caller.
     *
     * @throws AuthenticationException (401) when the request was not authenticated, which only
     *         happens when the resource is not behind the base's filter (e.g. another application)
     */
    public static Caller caller(HttpServletRequest request) {
        Object c = request == null ? null : request.getAttribute(CALLER_ATTRIBUTE);
        if (c instanceof Caller caller) {
            return caller;
        }
        throw new AuthenticationException(Msg.core("error.login.empty"));
    }

    /** The locale of the request's messages: zh-CN unless Accept-Language prefers English. */
    public static Locale locale(HttpServletRequest request) {
        if (request == null) {
            return Msg.ZH_CN;
        }
        Object l = request.getAttribute(LOCALE_ATTRIBUTE);
        if (l instanceof Locale locale) {
            return locale;
        }
        return AcceptLanguage.parse(request.getHeader("Accept-Language"));
    }
}
