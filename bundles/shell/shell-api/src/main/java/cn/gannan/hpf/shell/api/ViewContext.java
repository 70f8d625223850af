package cn.gannan.hpf.shell.api;

import java.util.Locale;
import java.util.Map;

import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;

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
}
