package cn.gannan.hpf.counter.ui.internal;

import java.util.List;
import java.util.Optional;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.QueueService;
import cn.gannan.hpf.counter.api.RatingService;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.RatingDraft;
import cn.gannan.hpf.counter.api.Records.ServiceWindow;
import cn.gannan.hpf.counter.api.Records.Ticket;
import cn.gannan.hpf.counter.api.TicketStatus;

/** 窗口工作台: the clerk's page (call, recall, serve, finish, no-show, transfer, hand-over, rating) and the ticket desk. */
final class WindowView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient QueueService queue;
    private final transient RatingService ratings;
    private final ComboBox<ServiceWindow> window = new ComboBox<>();
    private final ComboBox<BusinessType> takeType = new ComboBox<>();
    private final Label current = new Label();
    private final Label lastTaken = new Label();
    private final Grid<Ticket> tickets = new Grid<>();
    private final List<BusinessType> types;
    private transient Ticket active;
    private transient Ticket lastFinished;

    WindowView(Ui ui, QueueService queue, CatalogService catalog, RatingService ratings) {
        this.ui = ui;
        this.queue = queue;
        this.ratings = ratings;
        setId("counter-window-view");
        setWidth("100%");
        types = catalog.types(ui.caller(), false);
        List<ServiceWindow> windows = catalog.windows(ui.caller(), null).stream().filter(ServiceWindow::active).toList();

        window.setId("counter-window-select");
        window.setCaption(ui.t("window.select"));
        window.setItems(windows);
        window.setItemCaptionGenerator(w -> ui.t("window.caption", w.number(), w.name()));
        window.setEmptySelectionAllowed(false);
        window.setTextInputAllowed(false);
        if (!windows.isEmpty()) {
            window.setValue(windows.get(0));
        }
        window.addValueChangeListener(e -> refresh());

        current.setId("counter-current");
        current.addStyleName(ValoTheme.LABEL_H1);
        Button call = Ui.button(ui.t("window.callNext"), "counter-call-next", e -> callNext());
        call.addStyleName(ValoTheme.BUTTON_PRIMARY);
        call.setIcon(VaadinIcons.BELL);
        Button recall = Ui.button(ui.t("window.recall"), "counter-recall", e -> act(t -> queue.recall(ui.caller(), t.id())));
        Button serve = Ui.button(ui.t("window.serve"), "counter-serve", e -> act(t -> queue.serve(ui.caller(), t.id())));
        Button finish = Ui.button(ui.t("window.finish"), "counter-finish", e -> act(t -> {
            Ticket done = queue.finish(ui.caller(), t.id());
            lastFinished = done;
            return done;
        }));
        finish.addStyleName(ValoTheme.BUTTON_FRIENDLY);
        Button noShow = Ui.button(ui.t("window.noShow"), "counter-no-show", e -> ifActive(t -> ui.confirm(ui.t("window.noShow"),
                ui.t("window.noShowConfirm", t.number()), () -> act(x -> queue.noShow(ui.caller(), t.id())))));
        Button transfer = Ui.button(ui.t("window.transfer"), "counter-transfer", e -> ifActive(this::openTransfer));
        Button handOver = Ui.button(ui.t("handover.action"), "counter-handover", e -> ifActive(this::openHandOver));
        Button rate = Ui.button(ui.t("rating.action"), "counter-rate", e -> openRating());
        Button toApplication = Ui.button(ui.t("window.newApplication"), "counter-new-application",
                e -> ui.ctx().navigate(CounterViews.APPLICATIONS + "/new" + (active == null ? "" : "?ticket=" + active.id())));

        Panel desk = new Panel(ui.t("window.desk"));
        VerticalLayout deskBody = new VerticalLayout(current, new HorizontalLayout(call, recall, serve, finish, noShow),
                new HorizontalLayout(transfer, handOver, rate, toApplication));
        desk.setContent(deskBody);

        takeType.setId("counter-take-type");
        takeType.setCaption(ui.t("take.type"));
        takeType.setItems(types);
        takeType.setItemCaptionGenerator(b -> b.name(ui.locale()));
        takeType.setEmptySelectionAllowed(false);
        takeType.setTextInputAllowed(false);
        if (!types.isEmpty()) {
            takeType.setValue(types.get(0));
        }
        CheckBox priority = new CheckBox(ui.t("take.priority"));
        priority.setId("counter-take-priority");
        Button take = Ui.button(ui.t("take.action"), "counter-take", e -> {
            BusinessType bt = takeType.getValue();
            ui.run(() -> {
                Ticket t = queue.take(ui.caller(), bt == null ? null : bt.code(), Boolean.TRUE.equals(priority.getValue()));
                lastTaken.setValue(ui.t("take.done", t.number(), bt.name(ui.locale())));
                priority.setValue(false);
                refresh();
            });
        });
        lastTaken.setId("counter-last-taken");
        Panel takePanel = new Panel(ui.t("take.title"));
        HorizontalLayout takeRow = new HorizontalLayout(takeType, priority, take, lastTaken);
        takeRow.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        takePanel.setContent(new VerticalLayout(takeRow));

        tickets.setId("counter-tickets");
        tickets.setCaption(ui.t("window.today"));
        tickets.setWidth("100%");
        tickets.setHeightByRows(8);
        tickets.addColumn(Ticket::number).setCaption(ui.t("field.ticket"));
        tickets.addColumn(t -> typeName(t.businessCode())).setCaption(ui.t("field.business"));
        tickets.addColumn(t -> t.priority() ? "★" : "").setCaption(ui.t("take.priority"));
        tickets.addColumn(t -> ui.label(t.status())).setCaption(ui.t("field.status"));
        tickets.addColumn(t -> Ui.s(t.windowNo())).setCaption(ui.t("field.window"));
        tickets.addColumn(Ticket::owner).setCaption(ui.t("field.owner"));
        tickets.addColumn(t -> ui.clock(t.takenAt())).setCaption(ui.t("field.takenAt"));
        tickets.addColumn(t -> t.waitSeconds() == null ? "" : ui.t("minutes", Math.round(t.waitSeconds() / 6.0) / 10.0))
                .setCaption(ui.t("field.wait"));
        tickets.addColumn(t -> t.handleSeconds() == null ? "" : ui.t("minutes", Math.round(t.handleSeconds() / 6.0) / 10.0))
                .setCaption(ui.t("field.handle"));

        addComponent(Ui.title(ui.t("window.title")));
        if (windows.isEmpty()) {
            Label empty = new Label(ui.t("window.none"));
            empty.setId("counter-window-empty");
            addComponent(empty);
        }
        addComponents(window, desk, takePanel, tickets);
        refresh();
    }

    private String typeName(String code) {
        return types.stream().filter(t -> t.code().equals(code)).map(t -> t.name(ui.locale())).findFirst().orElse(code);
    }

    private void refresh() {
        ui.run(() -> {
            List<Ticket> today = queue.tickets(ui.caller(), null, null);
            tickets.setItems(today);
            ServiceWindow w = window.getValue();
            Optional<Ticket> open = w == null ? Optional.empty()
                    : today.stream().filter(t -> t.windowNo() != null && t.windowNo() == w.number()
                            && (t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING)).findFirst();
            active = open.orElse(null);
            current.setValue(active == null ? ui.t("window.idle")
                    : ui.t("window.current", active.number(), typeName(active.businessCode()), ui.label(active.status()),
                            active.callCount()));
        });
    }

    private void callNext() {
        ServiceWindow w = window.getValue();
        if (w == null) {
            ui.ctx().notifySuccess(ui.t("window.none"));
            return;
        }
        ui.run(() -> {
            Optional<Ticket> t = queue.callNext(ui.caller(), w.number());
            if (t.isEmpty()) {
                ui.ctx().notifySuccess(ui.t("window.nobodyWaiting"));
            }
            refresh();
        });
    }

    private void ifActive(java.util.function.Consumer<Ticket> action) {
        if (active == null) {
            ui.ctx().notifySuccess(ui.t("window.idle"));
            return;
        }
        action.accept(active);
    }

    private void act(java.util.function.Function<Ticket, Ticket> action) {
        ifActive(t -> {
            ui.run(() -> action.apply(t));
            refresh();
        });
    }

    private void openTransfer(Ticket t) {
        ComboBox<BusinessType> to = new ComboBox<>(ui.t("window.transferTo"), types);
        to.setId("counter-transfer-to");
        to.setItemCaptionGenerator(b -> b.name(ui.locale()));
        Button ok = Ui.button(ui.t("window.transfer"), "counter-transfer-ok", null);
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = ui.dialog(ui.t("window.transfer") + " " + t.number(), new VerticalLayout(new Label(ui.t("window.transferHint")), to, ok));
        ok.addClickListener(e -> {
            if (ui.save(() -> queue.transfer(ui.caller(), t.id(), to.getValue() == null ? null : to.getValue().code()),
                    java.util.Map.of("businessCode", to))) {
                w.close();
                refresh();
            }
        });
    }

    private void openHandOver(Ticket t) {
        ui.handOverDialog(ui.t("handover.action") + " " + t.number(), "counter-handover",
                (to, note) -> queue.handOver(ui.caller(), t.id(), to, note), this::refresh);
    }

    private void openRating() {
        if (lastFinished == null) {
            ui.ctx().notifySuccess(ui.t("rating.nothing"));
            return;
        }
        Ticket t = lastFinished;
        RadioButtonGroup<Integer> score = new RadioButtonGroup<>(ui.t("rating.score"), List.of(5, 4, 3, 2, 1));
        score.setId("counter-rate-score");
        score.setItemCaptionGenerator(i -> ui.t("rating.level." + i));
        score.setValue(5);
        TextArea comment = new TextArea(ui.t("rating.comment"));
        comment.setRows(2);
        TextField name = new TextField(ui.t("rating.name"));
        TextField phone = new TextField(ui.t("rating.phone"));
        Button ok = Ui.button(ui.t("action.save"), "counter-rate-ok", null);
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = ui.dialog(ui.t("rating.action") + " " + t.number(), new FormLayout(score, comment, name, phone, ok));
        ok.addClickListener(e -> {
            if (ui.save(() -> ratings.rate(ui.caller(), new RatingDraft(t.id(), null, score.getValue() == null ? 0 : score.getValue(),
                    comment.getValue(), name.getValue(), phone.getValue())), java.util.Map.of("score", score, "comment", comment,
                            "raterName", name, "raterPhone", phone))) {
                w.close();
                lastFinished = null;
                ui.ctx().notifySuccess(ui.t("msg.saved"));
            }
        });
    }
}
