package cn.gannan.hpf.shell.ui.internal;

import java.util.Locale;

import com.vaadin.server.ErrorEvent;
import com.vaadin.server.ErrorHandler;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.Notification;
import com.vaadin.ui.UI;

/** Session and UI error handler: a localized notification, never a stack trace. */
final class ShellErrorHandler implements ErrorHandler {

    private static final long serialVersionUID = 1L;

    @Override
    public void error(ErrorEvent event) {
        show(event.getThrowable());
    }

    /** Shows an error in the current UI (or only logs it when there is none). */
    static void show(Throwable error) {
        VaadinSession session = VaadinSession.getCurrent();
        Locale locale = Texts.normalize(session == null ? null : session.getLocale());
        UserMessage m = ErrorMessages.toUserMessage(error, locale);
        UI ui = UI.getCurrent();
        if (ui != null && ui.getPage() != null) {
            Notification n = new Notification(m.text(),
                    m.refusal() ? Notification.Type.WARNING_MESSAGE : Notification.Type.ERROR_MESSAGE);
            n.setHtmlContentAllowed(false);
            n.setDelayMsec(m.refusal() ? 4000 : -1);
            n.show(ui.getPage());
        }
    }
}
