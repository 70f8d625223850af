/**
 * What a module's JSON resources use from the API base: the authenticated caller and the
 * request's locale ({@link cn.gannan.hpf.core.rest.ApiCallers}), strict query-parameter parsing
 * that answers 400 ({@link cn.gannan.hpf.core.rest.ApiParams}) and the summaries shown in the
 * OpenAPI description ({@link cn.gannan.hpf.core.rest.ApiDoc}).
 * <p>
 * A module's resource is a DS component in the default JAX-RS application (base {@code /api}):
 * <pre>
 * &#64;Component(service = MeetingsResource.class)
 * &#64;JaxrsResource &#64;JaxrsName("hpf.meetings") &#64;JSONRequired
 * &#64;Path("meetings") &#64;Produces(MediaType.APPLICATION_JSON) &#64;ApiDoc("Meetings")
 * public class MeetingsResource {
 *     &#64;GET &#64;ApiDoc("List meetings")
 *     public Page&lt;Meeting&gt; list(&#64;Context HttpServletRequest request, &#64;QueryParam("limit") String limit) {
 *         Caller caller = ApiCallers.caller(request);
 *         ...
 * </pre>
 * Errors are thrown, not built: services' {@link cn.gannan.hpf.core.api.HpfException}s become
 * problem+json with their status; the base maps everything else.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.core.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
