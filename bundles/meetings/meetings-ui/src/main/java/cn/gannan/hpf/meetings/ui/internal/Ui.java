package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Component;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.ViewContext;

/** What every view of the module shares: texts, error display, dialogs, confirmations. */
final class Ui {

    /** The UI's own texts. */
    static final String BASE_NAME = "cn.gannan.hpf.meetings.ui.internal.Messages";
    /** Labels shared with the service (enums, refusals), kept in the API bundle. */
    static final String API_BASE_NAME = "cn.gannan.hpf.meetings.api.Messages";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    String t(String key, Object... args) {
        return ctx.msg(key, args);
    }

    /** A label of the API bundle: meeting types, statuses … */
    String api(String key, Object... args) {
        return new Msg(API_BASE_NAME, MeetingService.class.getClassLoader(), key, args).format(locale());
    }

    String core(String key) {
        return Msg.core(key).format(locale());
    }

    static String dateTime(LocalDateTime t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Runs an action; a failure is shown (refusals in the user's language) and reported as false. */
    boolean run(Runnable action) {
        return ctx.run(action);
    }

    /** Runs a save; the service's field errors appear next to the fields. */
    boolean save(Runnable action, Map<String, ? extends AbstractComponent> fields) {
        return ctx.save(action, fields);
    }

    Window dialog(String caption, Component body) {
        return ctx.dialog(caption, body);
    }

    /** Asks before something that cannot be undone (buttons {@code meetings-confirm-yes} / {@code -no}). */
    void confirm(String title, String text, Runnable onYes) {
        ctx.confirm("meetings-confirm", title, text, onYes);
    }

    static Label h2(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_H2);
        return l;
    }

    static Label h3(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_H3);
        return l;
    }
}
