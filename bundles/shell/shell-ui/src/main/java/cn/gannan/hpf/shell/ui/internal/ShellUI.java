package cn.gannan.hpf.shell.ui.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.annotations.Theme;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.Notification;
import com.vaadin.ui.UI;

import cn.gannan.hpf.core.api.Caller;

/**
 * One browser tab of the shell: the login page, or the main layout once a caller is in the
 * session. The language and the caller live in the {@link VaadinSession}; every tab follows them.
 */
@Theme("valo")
public class ShellUI extends UI {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShellUI.class);
    static final String CALLER = ShellUI.class.getName() + ".caller";
    static final int POLL_MILLIS = 3000;

    private final transient ShellServices services;
    private final ContributionRegistry.Listener registryListener = this::contributionsChanged;
    private MainLayout main;

    ShellUI(ShellServices services) {
        this.services = services;
    }

    @Override
    protected void init(VaadinRequest request) {
        setErrorHandler(new ShellErrorHandler());
        getPage().getStyles().add(Styles.CSS);
        setPollInterval(POLL_MILLIS);
        addPollListener(e -> checkIdle());
        render(null);
    }

    @Override
    public void attach() {
        super.attach();
        services.registry().addListener(registryListener);
    }

    @Override
    public void detach() {
        services.registry().removeListener(registryListener);
        super.detach();
    }

    ShellServices services() {
        return services;
    }

    /** The session's language: zh-CN unless English was chosen. */
    public Locale locale() {
        VaadinSession s = getSession();
        return Texts.normalize(s == null ? null : s.getLocale());
    }

    public String t(String key, Object... args) {
        return Texts.get(locale(), key, args);
    }

    public Caller caller() {
        VaadinSession s = getSession();
        return s == null ? null : (Caller) s.getAttribute(CALLER);
    }

    /** Builds the content for the session's state; keeps the navigation state when given. */
    void render(String state) {
        setLocale(locale());
        getPage().setTitle(t("app.title"));
        if (main != null) {
            main.dispose();
            main = null;
        }
        Caller caller = caller();
        if (caller == null) {
            setContent(new LoginView(this));
        } else {
            main = new MainLayout(this, caller);
            setContent(main);
            main.start(state);
        }
    }

    /** Switches the session to the other language and re-renders this tab. */
    void toggleLanguage() {
        Locale next = Texts.EN.equals(locale()) ? Texts.ZH_CN : Texts.EN;
        getSession().setLocale(next);
        render(main == null ? null : main.currentState());
    }

    void loggedIn(Caller caller) {
        try {
            VaadinService.reinitializeSession(VaadinService.getCurrentRequest()); // new session id after login
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the session id after login", e);
        }
        ShellServlet.applyTimeout(getSession(), services);
        getSession().setAttribute(CALLER, caller);
        SessionActivity.touch(getSession());
        render(getPage().getUriFragment() == null ? null : stripBang(getPage().getUriFragment()));
    }

    private static String stripBang(String fragment) {
        return fragment.startsWith("!") ? fragment.substring(1) : fragment;
    }

    /**
     * Ends the login: every tab of the session shows the login page (the others at their next
     * poll); the session id is renewed at the next login.
     */
    void logout(String noticeKey) {
        getSession().setAttribute(CALLER, null);
        getPage().setUriFragment("", false);
        render(null);
        if (noticeKey != null) {
            notice(t(noticeKey));
        }
    }

    private void checkIdle() {
        if (caller() == null) {
            if (main != null) {
                render(null); // logged out in another tab
            }
            return;
        }
        int minutes;
        try {
            minutes = services.auth().sessionTimeoutMinutes();
        } catch (RuntimeException e) {
            return;
        }
        if (minutes > 0 && SessionActivity.idleMillis(getSession()) > minutes * 60_000L) {
            logout("session.expired");
        }
    }

    /** Called from the registry's thread: only ever touch this UI inside access(). */
    private void contributionsChanged() {
        if (!isAttached()) {
            return;
        }
        access(() -> {
            if (main != null && caller() != null) {
                main.contributionsChanged();
            }
        });
    }

    /** Shows an error: a refusal in the user's language, anything else as a generic message. */
    public void showError(Throwable error) {
        ShellErrorHandler.show(error);
    }

    public void notice(String text) {
        Notification n = new Notification(text, Notification.Type.WARNING_MESSAGE);
        n.setDelayMsec(5000);
        n.show(getPage());
    }

    public void success(String text) {
        Notification n = new Notification(text, Notification.Type.TRAY_NOTIFICATION);
        n.setDelayMsec(3000);
        n.show(getPage());
    }
}
