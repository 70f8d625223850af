package cn.gannan.hpf.shell.ui.internal.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Window;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.shell.api.ViewContext;

/** What the shell's admin pages share: texts, labels, dialogs and error display. */
final class AdminSupport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final ViewContext ctx;

    AdminSupport(ViewContext ctx) {
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

    /** A label of the core bundle (roles, enums). */
    String core(String key) {
        return Msg.core(key).format(locale());
    }

    String time(Instant i) {
        return i == null ? "" : TIME.format(i.atZone(ZoneId.systemDefault()));
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static Instant startOfDay(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    static Instant endOfDay(LocalDate d) {
        return d == null ? null : d.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
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

    /** Asks before something that cannot be undone (buttons {@code confirm-yes} / {@code -no}). */
    void confirm(String title, String text, Runnable onYes) {
        ctx.confirm("confirm", title, text, onYes);
    }

    HorizontalLayout buttons(Button... buttons) {
        HorizontalLayout h = new HorizontalLayout(buttons);
        h.setSpacing(true);
        return h;
    }

    /** The office filter: only for callers that read every office; null otherwise. */
    ComboBox<Office> officeFilter(OfficeService offices) {
        if (!caller().readsAllOffices()) {
            return null;
        }
        ComboBox<Office> box = officeBox(offices, t("field.office"));
        box.setPlaceholder(t("filter.allOffices"));
        return box;
    }

    ComboBox<Office> officeBox(OfficeService offices, String caption) {
        ComboBox<Office> box = new ComboBox<>(caption);
        List<Office> list = offices.offices();
        box.setItems(list);
        box.setItemCaptionGenerator(o -> o.name(locale()));
        return box;
    }

    static String code(Optional<Office> o) {
        return o.map(Office::code).orElse(null);
    }

    String officeName(OfficeService offices, String code) {
        if (code == null) {
            return "";
        }
        try {
            return offices.find(code).map(o -> o.name(locale())).orElse(code);
        } catch (RuntimeException e) {
            return code;
        }
    }

    <E extends Enum<E>> String labels(Collection<E> values, java.util.function.Function<E, String> key) {
        return values.stream().sorted().map(v -> core(key.apply(v))).collect(Collectors.joining("、"));
    }
}
