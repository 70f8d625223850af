package cn.gannan.hpf.counter.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.Label;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.counter.api.CounterMessages;
import cn.gannan.hpf.shell.api.ViewContext;

/** What the counter's views share: texts, labels of the API's enums, dialogs and error display. */
final class Ui {

    static final String BASE_NAME = "cn.gannan.hpf.counter.ui.internal.Messages";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

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

    /** The label of an API enum constant. */
    String label(Enum<?> e) {
        return e == null ? "" : CounterMessages.label(e).format(locale());
    }

    String time(Instant i) {
        return i == null ? "" : TIME.format(i.atZone(ZONE));
    }

    String clock(Instant i) {
        return i == null ? "" : CLOCK.format(i.atZone(ZONE));
    }

    static String s(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
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

    /** Asks before something that cannot be undone (buttons {@code counter-confirm-yes} / {@code -no}). */
    void confirm(String title, String text, Runnable onYes) {
        ctx.confirm("counter-confirm", title, text, onYes);
    }

    /** The hand-over dialog of tickets and applications: who takes over, with a note. */
    void handOverDialog(String caption, String idPrefix, java.util.function.BiConsumer<String, String> handOver, Runnable after) {
        com.vaadin.ui.TextField to = new com.vaadin.ui.TextField(t("handover.to"));
        to.setId(idPrefix + "-to");
        com.vaadin.ui.TextArea note = new com.vaadin.ui.TextArea(t("handover.note"));
        note.setRows(2);
        Button ok = button(t("handover.action"), idPrefix + "-ok", null);
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = dialog(caption, new com.vaadin.ui.FormLayout(to, note, ok));
        ok.addClickListener(e -> {
            if (save(() -> handOver.accept(to.getValue(), note.getValue()), Map.of("toUser", to))) {
                w.close();
                after.run();
            }
        });
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_H2);
        return l;
    }

    static Button button(String caption, String id, Button.ClickListener l) {
        Button b = new Button(caption, l);
        b.setId(id);
        return b;
    }
}
