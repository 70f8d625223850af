package cn.gannan.hpf.fleet.internal.centre;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.internal.FleetJson;
import cn.gannan.hpf.fleet.internal.http.ByteRange;
import cn.gannan.hpf.fleet.internal.release.ManifestFormat;
import cn.gannan.hpf.fleet.internal.release.ReleaseLayout;

/**
 * The fleet endpoint under {@code /fleet/v1/} for county agents, each authenticated with its own bearer token:
 * <ul>
 * <li>{@code GET state} — the office's desired state;</li>
 * <li>{@code POST heartbeat} — the agent's report; answers the desired state;</li>
 * <li>{@code GET|HEAD releases/<version>/release.manifest}, {@code release.sig}, {@code repository/<path>} — the
 * files of a published release, with single byte ranges so that a broken download resumes.</li>
 * </ul>
 * Errors are {@code application/problem+json} in the language the agent asks for (Chinese by default).
 */
@Component(service = Servlet.class, configurationPid = CentreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/fleet/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=hpf-fleet" })
public class FleetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FleetServlet.class);
    static final int MAX_HEARTBEAT_BYTES = 64 * 1024;
    static final String PREFIX = "/v1/";

    private final transient CentreEndpoint endpoint;
    private final transient ObjectMapper json = FleetJson.mapper();

    @Activate
    public FleetServlet(@Reference CentreEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Locale locale = req.getHeader("Accept-Language") != null && req.getHeader("Accept-Language").startsWith("en")
                ? Locale.ENGLISH : Msg.ZH_CN;
        try {
            String auth = req.getHeader("Authorization");
            Optional<String> office = auth != null && auth.startsWith("Bearer ")
                    ? endpoint.authenticate(auth.substring(7).strip()) : Optional.empty();
            if (office.isEmpty()) {
                LOG.warn("Fleet request refused without a valid office token from {}", req.getRemoteAddr());
                resp.setHeader("WWW-Authenticate", "Bearer realm=\"hpf-fleet\"");
                problem(resp, 401, msg("error.endpoint.token"), locale);
                return;
            }
            String path = req.getPathInfo() == null ? "" : req.getPathInfo();
            String method = req.getMethod();
            if (!path.startsWith(PREFIX)) {
                problem(resp, 404, msg("error.endpoint.notFound", path), locale);
            } else if (path.equals(PREFIX + "state") && method.equals("GET")) {
                send(resp, endpoint.desired(office.get()));
            } else if (path.equals(PREFIX + "heartbeat") && method.equals("POST")) {
                Heartbeat hb = readHeartbeat(req);
                if (hb == null) {
                    problem(resp, 400, msg("error.endpoint.heartbeat"), locale);
                } else {
                    send(resp, endpoint.heartbeat(office.get(), hb));
                }
            } else if (path.startsWith(PREFIX + "releases/") && (method.equals("GET") || method.equals("HEAD"))) {
                release(req, resp, path.substring((PREFIX + "releases/").length()), locale);
            } else {
                problem(resp, 404, msg("error.endpoint.notFound", path), locale);
            }
        } catch (HpfException e) {
            problem(resp, e.httpStatus(), e.msg(), locale);
        }
    }

    private Heartbeat readHeartbeat(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_HEARTBEAT_BYTES) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_HEARTBEAT_BYTES + 1);
            if (body.length > MAX_HEARTBEAT_BYTES) {
                return null;
            }
            return json.readValue(body, Heartbeat.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null;
        }
    }

    private void release(HttpServletRequest req, HttpServletResponse resp, String rest, Locale locale) throws IOException {
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        String file = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<Path> dir = endpoint.releaseDir(version);
        if (dir.isEmpty()) {
            problem(resp, 404, msg("error.release.unknown", version), locale);
            return;
        }
        Path target;
        if (file.equals(ReleaseLayout.MANIFEST) || file.equals(ReleaseLayout.SIGNATURE)) {
            target = dir.get().resolve(file);
        } else if (file.startsWith(ReleaseLayout.REPOSITORY + "/") && ManifestFormat.safePath(file.substring(11))) {
            target = ReleaseLayout.artifact(ReleaseLayout.repository(dir.get()), file.substring(11));
        } else {
            target = null;
        }
        if (target == null || !Files.isRegularFile(target)) {
            problem(resp, 404, msg("error.endpoint.notFound", version + "/" + file), locale);
            return;
        }
        sendFile(req, resp, target);
    }

    /** Sends a file, or the one byte range asked for. */
    static void sendFile(HttpServletRequest req, HttpServletResponse resp, Path file) throws IOException {
        long size = Files.size(file);
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setContentType("application/octet-stream");
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(req.getHeader("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            resp.setStatus(416);
            resp.setHeader("Content-Range", "bytes */" + size);
            resp.setContentLengthLong(0);
            return;
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        if (range.isPresent()) {
            resp.setStatus(206);
            resp.setHeader("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
        } else {
            resp.setStatus(200);
        }
        resp.setContentLengthLong(length);
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = resp.getOutputStream();
            long done = 0;
            var target = Channels.newChannel(out);
            while (done < length) {
                long n = ch.transferTo(start + done, length - done, target);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
            out.flush();
        }
    }

    private void send(HttpServletResponse resp, DesiredState state) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        json.writeValue(resp.getOutputStream(), state);
    }

    private void problem(HttpServletResponse resp, int status, Msg message, Locale locale) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/problem+json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", message.key());
        body.put("detail", message.format(locale));
        json.writeValue(resp.getOutputStream(), body);
    }
}
