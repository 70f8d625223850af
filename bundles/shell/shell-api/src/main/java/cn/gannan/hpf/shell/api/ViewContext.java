package cn.gannan.hpf.shell.api;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.ValidationException;

import org.osgi.annotation.versioning.ProviderType;

/** What the shell hands a contribution when it builds a component for one UI. */
@ProviderType
public interface ViewContext {

    Caller caller();

    Locale locale();

    /** A text from the contribution's own resource bundle. */
    String msg(String key, Object... args);

    /** Navigates the UI to another view by its id (with optional parameters after a '/'). */
    void navigate(String viewIdAndParameters);

    /** Shows an error to the user: a refusal in the user's language, anything else as a generic message. */
    void showError(Throwable error);

    /** Shows a short confirmation. */
    void notifySuccess(String text);

    /** Runs a UI action; a failure is shown with {@link #showError} and reported as false. */
    default boolean run(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            showError(e);
            return false;
        }
    }

    /**
     * Runs a save: the service's field errors appear next to the fields, keyed by field name (a nested name such
     * as {@code topics[2].title} or {@code address.city} falls back to its root field), the summary with
     * {@link #showError}; other failures as in {@link #run}. Earlier field errors are cleared first.
     */
    default boolean save(Runnable action, Map<String, ? extends AbstractComponent> fields) {
        fields.values().forEach(f -> f.setComponentError(null));
        try {
            action.run();
            return true;
        } catch (ValidationException e) {
            e.fieldErrors().forEach((name, msg) -> {
                AbstractComponent c = fields.get(name);
                if (c == null) {
                    int cut = name.replace('[', '.').indexOf('.');
                    c = cut > 0 ? fields.get(name.substring(0, cut)) : null;
                }
                if (c != null) {
                    c.setComponentError(new UserError(msg.format(locale())));
                }
            });
            showError(e);
            return false;
        } catch (RuntimeException e) {
            showError(e);
            return false;
        }
    }

    /** A modal dialog, centred in the current UI; the caller closes it. */
    default Window dialog(String caption, Component body) {
        Window w = new Window(caption, body);
        w.setModal(true);
        w.setResizable(false);
        w.center();
        UI.getCurrent().addWindow(w);
        return w;
    }

    /**
     * Asks before something that cannot be undone: the text with a confirm and a cancel button, captioned in the
     * user's language; the dialog's id is {@code id}, the buttons' {@code id + "-yes"} and {@code id + "-no"}.
     * {@code onYes} runs as in {@link #run}, after the dialog closes.
     */
    default Window confirm(String id, String title, String text, Runnable onYes) {
        ResourceBundle texts = ResourceBundle.getBundle(ViewContext.class.getPackageName() + ".Dialogs", locale(),
                ViewContext.class.getClassLoader());
        Label question = new Label(text);
        question.setWidth("400px");
        Button yes = new Button(texts.getString("confirm.yes"));
        yes.setId(id + "-yes");
        yes.addStyleName(ValoTheme.BUTTON_DANGER);
        Button no = new Button(texts.getString("confirm.no"));
        no.setId(id + "-no");
        Window w = dialog(title, new VerticalLayout(question, new HorizontalLayout(yes, no)));
        w.setId(id);
        yes.addClickListener(e -> {
            w.close();
            run(onYes);
        });
        no.addClickListener(e -> w.close());
        return w;
    }
}
