package cn.gannan.hpf.shell.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import com.vaadin.server.VaadinServlet;

/**
 * Works around Pax Web 8.0.34 answering 404 for vaadin-server's exact-pattern whiteboard
 * resources (STACK.md gotcha 1): serves {@code /VAADIN/vaadinBootstrap.js} and its {@code .gz} in
 * the {@code com.vaadin} context ({@code /vaadin-8.14.3}) from the vaadin-server bundle, which
 * holds them.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=com.vaadin)",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/VAADIN/vaadinBootstrap.js",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/VAADIN/vaadinBootstrap.js.gz",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=hpf-vaadin-bootstrap",
        "service.ranking:Integer=1000" })
public class BootstrapResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        boolean gz = path.endsWith(".gz");
        boolean wantsGzip = !gz && accepts(req) && resource("VAADIN/vaadinBootstrap.js.gz") != null;
        String name = gz || wantsGzip ? "VAADIN/vaadinBootstrap.js.gz" : "VAADIN/vaadinBootstrap.js";
        URL url = resource(name);
        if (url == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(gz ? "application/gzip" : "application/javascript");
        if (wantsGzip) {
            resp.setHeader("Content-Encoding", "gzip");
            resp.setHeader("Vary", "Accept-Encoding");
        }
        resp.setHeader("Cache-Control", "max-age=3600");
        try (InputStream in = url.openStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static boolean accepts(HttpServletRequest req) {
        String ae = req.getHeader("Accept-Encoding");
        return ae != null && ae.contains("gzip");
    }

    /** From the vaadin-server bundle (its class loader searches the bundle's own content for VAADIN/). */
    static URL resource(String name) {
        return VaadinServlet.class.getClassLoader().getResource(name);
    }
}
