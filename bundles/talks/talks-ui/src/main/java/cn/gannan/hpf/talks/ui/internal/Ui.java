package cn.gannan.hpf.talks.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.talks.api.TalkKind;

/** What every talk view uses: texts, running actions with errors shown, dialogs, confirmations. */
final class Ui {

    static final String BUNDLE = "cn.gannan.hpf.talks.ui.internal.Messages";
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

    /** A text of the core bundle (enums of the core). */
    String core(String key) {
        return Msg.core(key).format(locale());
    }

    String kind(TalkKind k) {
        return k == null ? "" : k.name(locale());
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

    /** Asks before something that cannot be undone (buttons {@code talks-confirm-yes} / {@code -no}). */
    void confirm(String title, String text, Runnable onYes) {
        ctx.confirm("talks-confirm", title, text, onYes);
    }

    /** Asks for a reason, then acts; an empty reason is refused by the service. */
    void askReason(String title, String caption, java.util.function.Consumer<String> onOk) {
        TextArea reason = new TextArea(caption);
        reason.setId("talks-reason");
        reason.setRows(2);
        reason.setWidth("360px");
        Button ok = new Button(t("action.confirm"));
        ok.setId("talks-reason-ok");
        ok.addStyleName(ValoTheme.BUTTON_DANGER);
        Button cancel = new Button(t("action.cancel"));
        Window w = dialog(title, new VerticalLayout(reason, new HorizontalLayout(ok, cancel)));
        ok.addClickListener(e -> {
            if (save(() -> onOk.accept(reason.getValue()), Map.of("reason", reason))) {
                w.close();
            }
        });
        cancel.addClickListener(e -> w.close());
    }

    /** An empty state that says what to do. */
    static Label empty(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_LIGHT);
        l.addStyleName("hpf-empty");
        return l;
    }

    /** The office filter for callers that read every office; null otherwise. */
    ComboBox<Office> officeFilter(OfficeService offices) {
        if (!caller().readsAllOffices()) {
            return null;
        }
        ComboBox<Office> box = new ComboBox<>(t("field.office"));
        box.setItems(offices.offices());
        box.setItemCaptionGenerator(o -> o.name(locale()));
        box.setPlaceholder(t("filter.allOffices"));
        return box;
    }

    String office(OfficeService offices, String code) {
        return code == null ? "" : offices.find(code).map(o -> o.name(locale())).orElse(code);
    }

    ComboBox<Integer> yearBox(String caption, int from, int to, Integer value) {
        ComboBox<Integer> years = new ComboBox<>(caption);
        List<Integer> list = new java.util.ArrayList<>();
        for (int y = to; y >= from; y--) {
            list.add(y);
        }
        years.setItems(list);
        years.setItemCaptionGenerator(String::valueOf);
        years.setValue(value);
        return years;
    }
}
