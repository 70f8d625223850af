package cn.gannan.hpf.shell.ui.internal;

import java.util.Locale;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.shell.api.Contribution;
import cn.gannan.hpf.shell.api.ViewContext;

/** The {@link ViewContext} of one contribution in one UI. */
final class ShellViewContext implements ViewContext {

    private final ShellUI ui;
    private final Caller caller;
    private final Contribution contribution;

    ShellViewContext(ShellUI ui, Caller caller, Contribution contribution) {
        this.ui = ui;
        this.caller = caller;
        this.contribution = contribution;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Locale locale() {
        return ui.locale();
    }

    @Override
    public String msg(String key, Object... args) {
        return text(contribution, locale(), key, args);
    }

    /** A text of a contribution's bundle; the key itself when the bundle cannot be read. */
    static String text(Contribution c, Locale locale, String key, Object... args) {
        try {
            return new Msg(c.messagesBaseName(), c.messagesLoader(), key, args).format(locale);
        } catch (RuntimeException e) {
            return key;
        }
    }

    @Override
    public void navigate(String viewIdAndParameters) {
        if (ui.getNavigator() != null) {
            ui.getNavigator().navigateTo(viewIdAndParameters);
        }
    }

    @Override
    public void showError(Throwable error) {
        ui.showError(error);
    }

    @Override
    public void notifySuccess(String text) {
        ui.success(text);
    }
}
