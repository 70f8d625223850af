package cn.gannan.hpf.shell.api;

import java.util.Locale;

import cn.gannan.hpf.core.api.Caller;

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
}
