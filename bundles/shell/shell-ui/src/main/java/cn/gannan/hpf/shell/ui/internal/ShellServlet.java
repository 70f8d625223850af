package cn.gannan.hpf.shell.ui.internal;

import java.util.List;
import java.util.ListIterator;

import javax.servlet.Servlet;
import javax.servlet.ServletException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.server.DeploymentConfiguration;
import com.vaadin.server.RequestHandler;
import com.vaadin.server.ServiceException;
import com.vaadin.server.VaadinServlet;
import com.vaadin.server.VaadinServletService;
import com.vaadin.server.VaadinSession;
import com.vaadin.server.communication.UidlRequestHandler;

import cn.gannan.hpf.core.api.AuthenticationService;
import cn.gannan.hpf.core.api.OfficeService;

/**
 * The shell's Vaadin servlet on {@code /hpf/*}. Themes and widgetsets come from vaadin-shared's
 * {@code /vaadin-8.14.3} context ({@code Resources}); UIs are created by {@link ShellUIProvider},
 * never loaded by class name.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/hpf/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=hpf-shell",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED + ":Boolean=true",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "productionMode=true",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "Resources=/vaadin-8.14.3",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "heartbeatInterval=60" })
public class ShellServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShellServlet.class);

    @Reference
    private transient AuthenticationService auth;
    @Reference
    private transient OfficeService offices;
    @Reference
    private transient ContributionRegistry registry;

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        ShellServices services = new ShellServices(auth, offices, registry);
        getService().addSessionInitListener(event -> {
            VaadinSession session = event.getSession();
            session.setLocale(Texts.ZH_CN);
            session.addUIProvider(new ShellUIProvider(services));
            session.setErrorHandler(new ShellErrorHandler());
            applyTimeout(session, services);
            SessionActivity.touch(session);
        });
    }

    /** Sets the HTTP session's max inactive interval from the core's setting. */
    static void applyTimeout(VaadinSession session, ShellServices services) {
        try {
            int minutes = services.auth().sessionTimeoutMinutes();
            if (minutes > 0 && session.getSession() != null) {
                session.getSession().setMaxInactiveInterval(minutes * 60);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not apply the session timeout", e);
        }
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            private static final long serialVersionUID = 1L;

            @Override
            protected List<RequestHandler> createRequestHandlers() throws ServiceException {
                List<RequestHandler> handlers = super.createRequestHandlers();
                for (ListIterator<RequestHandler> it = handlers.listIterator(); it.hasNext();) {
                    if (it.next().getClass() == UidlRequestHandler.class) {
                        it.set(new SessionActivity.TrackingUidlRequestHandler());
                    }
                }
                return handlers;
            }
        };
        service.init();
        return service;
    }
}
