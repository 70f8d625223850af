package cn.gannan.hpf.fleet.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.ui.Component;
import com.vaadin.ui.Label;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.shell.api.ViewContext;

/** What the fleet's views share: texts, times, dialogs, confirmations, empty states. */
final class FleetUi {

    static final String BUNDLE = "cn.gannan.hpf.fleet.ui.internal.Messages";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final ViewContext ctx;

    FleetUi(ViewContext ctx) {
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

    /** An enum constant's label: {@code <prefix>.<NAME>}. */
    String label(String prefix, Enum<?> value) {
        return value == null ? "" : t(prefix + "." + value.name());
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    String modules(List<String> ids) {
        return ids == null ? t("fleet.modules.office") : ids.isEmpty() ? t("fleet.modules.none") : String.join(", ", ids);
    }

    boolean run(Runnable action) {
        return ctx.run(action);
    }

    Window dialog(String caption, Component body) {
        return ctx.dialog(caption, body);
    }

    /** Asks before something that cannot be undone (buttons {@code fleet-confirm-yes} / {@code -no}). */
    void confirm(String title, String text, Runnable onYes) {
        ctx.confirm("fleet-confirm", title, text, onYes);
    }

    static Label empty(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_LIGHT);
        l.addStyleName("hpf-empty");
        return l;
    }
}
