package cn.gannan.hpf.rooms.ui.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.RoomsMsg;
import cn.gannan.hpf.shell.api.ViewContext;

/** What every rooms view shares: texts, enum labels, dialogs, saving with field errors, downloads. */
final class UiSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private final ViewContext ctx;

    /** Colours of satisfied / not satisfied cells, added once per page. */
    private static final String CSS = ".v-grid-cell.hpf-ok{color:#2e7d32}.v-grid-cell.hpf-bad{color:#b71c1c;font-weight:600}";

    UiSupport(ViewContext ctx) {
        this.ctx = ctx;
        UI ui = UI.getCurrent();
        if (ui != null && ui.getSession() != null && ui.getSession().getAttribute("hpf.rooms.css." + ui.getUIId()) == null) {
            ui.getPage().getStyles().add(CSS);
            ui.getSession().setAttribute("hpf.rooms.css." + ui.getUIId(), Boolean.TRUE);
        }
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

    /** The label of a module enum (from the API bundle). */
    String label(Enum<?> e) {
        return e == null ? "" : RoomsMsg.label(e).format(locale());
    }

    static String time(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZONE).toInstant();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + "%";
    }

    /** What a conformance line says, with the numbers: "3 / 4", "19.5 m² < 20 m²". */
    String explain(ConformanceLine l) {
        String unit = l.measure() == Measure.ROOM_AREA ? " m²" : "";
        String s = t("conformance.numbers", number(l.actual()) + unit, number(l.required()) + unit);
        if (l.unusable() > 0) {
            s += t("conformance.unusable", l.unusable());
        }
        return s;
    }

    static String statusStyle(ConformanceStatus s) {
        return s == ConformanceStatus.SATISFIED ? "hpf-ok" : "hpf-bad";
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

    /** Asks before something that cannot be undone (buttons {@code rooms-confirm-yes} / {@code -no}). */
    void confirm(String title, String text, Runnable onYes) {
        ctx.confirm("rooms-confirm", title, text, onYes);
    }

    static HorizontalLayout row(Component... c) {
        HorizontalLayout h = new HorizontalLayout(c);
        h.setSpacing(true);
        return h;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.addStyleName(ValoTheme.LABEL_H2);
        return l;
    }

    /** A line that says what to do when a list is empty. */
    static Label empty(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.addStyleName("hpf-empty");
        l.addStyleName(ValoTheme.LABEL_LIGHT);
        return l;
    }

    /** The office filter for callers that read every office; null for office-bound callers. */
    ComboBox<Office> officeFilter(OfficeService offices, String id) {
        if (!caller().readsAllOffices()) {
            return null;
        }
        ComboBox<Office> box = officeBox(offices, t("field.office"));
        box.setPlaceholder(t("filter.allOffices"));
        box.setId(id);
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
        return code == null ? "" : offices.find(code).map(o -> o.name(locale())).orElse(code);
    }

    /**
     * A lazy data provider over a paged service call: the grid asks for the rows it shows, and for the
     * total with a one-row page. A null filter stands for {@code defaultFilter}.
     */
    static <T, F> com.vaadin.data.provider.ConfigurableFilterDataProvider<T, Void, F> paged(F defaultFilter,
            java.util.function.BiFunction<F, cn.gannan.hpf.core.api.PageRequest, cn.gannan.hpf.core.api.Page<T>> find) {
        com.vaadin.data.provider.DataProvider<T, F> dp = com.vaadin.data.provider.DataProvider.fromFilteringCallbacks(
                q -> find.apply(q.getFilter().orElse(defaultFilter), new cn.gannan.hpf.core.api.PageRequest(q.getOffset(),
                        q.getLimit())).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, find.apply(q.getFilter().orElse(defaultFilter),
                        new cn.gannan.hpf.core.api.PageRequest(0, 1)).total()));
        return dp.withConfigurableFilter();
    }

    /** A button that downloads what the supplier makes, when clicked. */
    static void download(Button button, String fileName, String mimeType, Supplier<byte[]> bytes) {
        StreamResource res = new StreamResource(() -> new ByteArrayInputStream(bytes.get()), fileName);
        res.setMIMEType(mimeType);
        res.setCacheTime(0);
        new FileDownloader(res).extend(button);
    }
}
