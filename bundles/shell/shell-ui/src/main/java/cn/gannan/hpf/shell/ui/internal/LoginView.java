package cn.gannan.hpf.shell.ui.internal;

import java.util.Arrays;

import com.vaadin.event.ShortcutAction.KeyCode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;

/** The login page: username, password, Enter submits, language switch. */
final class LoginView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final ShellUI ui;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();

    LoginView(ShellUI ui) {
        this.ui = ui;
        setSizeFull();
        addStyleName("hpf-login");

        Label title = new Label(ui.t("app.title"));
        title.addStyleName("hpf-login-title");

        username.setCaption(ui.t("login.username"));
        username.setId("login-username");
        username.setWidth("100%");
        username.setMaxLength(64);
        password.setCaption(ui.t("login.password"));
        password.setId("login-password");
        password.setWidth("100%");

        error.setId("login-error");
        error.addStyleName("hpf-error-text");
        error.setWidth("100%");
        error.setVisible(false);

        Button submit = new Button(ui.t("login.submit"), e -> submit());
        submit.setId("login-submit");
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        submit.setClickShortcut(KeyCode.ENTER);
        submit.setWidth("100%");

        Button lang = new Button(ui.t("lang.switch"), e -> ui.toggleLanguage());
        lang.setId("lang-switch");
        lang.addStyleName(ValoTheme.BUTTON_LINK);

        VerticalLayout card = new VerticalLayout(title, username, password, error, submit, lang);
        card.setComponentAlignment(lang, Alignment.MIDDLE_RIGHT);
        card.addStyleName("hpf-login-card");
        card.setWidth("380px");
        card.setMargin(false);
        addComponent(card);
        setComponentAlignment(card, Alignment.MIDDLE_CENTER);
        username.focus();
    }

    private void submit() {
        String user = username.getValue() == null ? "" : username.getValue().strip();
        char[] pw = password.getValue() == null ? new char[0] : password.getValue().toCharArray();
        try {
            if (user.isEmpty() || pw.length == 0) {
                showError(Msg.core("error.login.empty").format(ui.locale()));
                return;
            }
            Caller caller = ui.services().auth().login(user, pw);
            ui.loggedIn(caller);
        } catch (AuthenticationException e) {
            password.clear();
            showError(e.localized(ui.locale()));
        } catch (HpfException e) {
            showError(e.localized(ui.locale()));
        } catch (RuntimeException e) {
            showError(ErrorMessages.toUserMessage(e, ui.locale()).text());
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private void showError(String text) {
        error.setValue(text);
        error.setVisible(true);
    }
}
