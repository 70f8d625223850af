package cn.gannan.hpf.elections.ui.internal;

import java.util.Locale;

import com.vaadin.ui.Component;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.elections.api.rules.RuleMsg;
import cn.gannan.hpf.shell.api.ViewContext;

/** What the elections views share: texts, enum labels, error display, dialogs and confirmations. */
final class Ui {

    static final String BUNDLE = "cn.gannan.hpf.elections.ui.internal.Messages";

    private final ViewContext ctx;

    Ui(ViewContext ctx) {
        this.ctx = ctx;
    }

    ViewContext ctx() {
        return ctx;
    }

    Caller caller() {
        return ctx.caller();
    }

    Locale locale() {
        return ctx.locale();
    }

    /** A text of the UI bundle. */
    String t(String key, Object... args) {
        return ctx.msg(key, args);
    }

    /** A label of the module's API bundle (enums, rule messages). */
    String rule(String key) {
        return RuleMsg.of(key).format(locale());
    }

    String core(String key) {
        return Msg.core(key).format(locale());
    }

    String format(Msg m) {
        return m.format(locale());
    }

    /** Runs an action; a failure is shown (refusals in the user's language) and reported as false. */
    boolean run(Runnable action) {
        return ctx.run(action);
    }

    Window dialog(String caption, Component content, String id) {
        Window w = ctx.dialog(caption, content);
        w.setId(id);
        w.setWidth("640px");
        w.setResizable(true);
        w.center();
        return w;
    }

    /** Asks before a destructive or binding action (dialog {@code id}, buttons {@code id-yes} / {@code id-no}). */
    void confirm(String question, String id, Runnable onYes) {
        ctx.confirm(id, t("confirm.title"), question, onYes);
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_H2);
        return l;
    }

    static Label empty(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.addStyleName(ValoTheme.LABEL_LIGHT);
        return l;
    }

    static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
