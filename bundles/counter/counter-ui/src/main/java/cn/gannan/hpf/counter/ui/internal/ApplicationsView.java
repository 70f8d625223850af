package cn.gannan.hpf.counter.ui.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.BrowserWindowOpener;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.counter.api.ApplicationService;
import cn.gannan.hpf.counter.api.ApplicationStatus;
import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.Records.AppDocument;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.Records.ApplicationDraft;
import cn.gannan.hpf.counter.api.Records.ApplicationQuery;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.HandOver;
import cn.gannan.hpf.counter.api.Records.Notice;
import cn.gannan.hpf.counter.api.rules.IdNumbers;

/** 办件: lazy list with filters, intake form, detail with checklist, notice, acceptance, decision, payment, closing. */
final class ApplicationsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient ApplicationService apps;
    private final transient OfficeService offices;
    private final List<BusinessType> types;
    private final ComboBox<Office> officeFilter = new ComboBox<>();
    private final ComboBox<Integer> yearFilter = new ComboBox<>();
    private final ComboBox<BusinessType> typeFilter = new ComboBox<>();
    private final ComboBox<ApplicationStatus> statusFilter = new ComboBox<>();
    private final TextField textFilter = new TextField();
    private final CheckBox overdueFilter = new CheckBox();
    private final Grid<Application> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<Application, Void, ApplicationQuery> provider;

    ApplicationsView(Ui ui, ApplicationService apps, CatalogService catalog, OfficeService offices, String parameters) {
        this.ui = ui;
        this.apps = apps;
        this.offices = offices;
        this.types = catalog.types(ui.caller(), true);
        setWidth("100%");
        String p = parameters == null ? "" : parameters;
        if (!p.isEmpty() && !p.startsWith("new")) {
            provider = null;
            setId("counter-application-detail");
            buildDetail(p);
            return;
        }
        setId("counter-applications");
        HorizontalLayout filters = new HorizontalLayout();
        if (ui.caller().readsAllOffices()) {
            officeFilter.setItems(offices.offices());
            officeFilter.setItemCaptionGenerator(o -> o.name(ui.locale()));
            officeFilter.setPlaceholder(ui.t("filter.allOffices"));
            filters.addComponent(officeFilter);
        }
        int year = LocalDate.now(Ui.ZONE).getYear();
        yearFilter.setItems(List.of(year, year - 1, year - 2, 2017));
        yearFilter.setPlaceholder(ui.t("filter.anyYear"));
        typeFilter.setItems(types);
        typeFilter.setItemCaptionGenerator(b -> b.name(ui.locale()));
        typeFilter.setPlaceholder(ui.t("filter.anyBusiness"));
        statusFilter.setItems(ApplicationStatus.values());
        statusFilter.setItemCaptionGenerator(ui::label);
        statusFilter.setPlaceholder(ui.t("filter.anyStatus"));
        textFilter.setPlaceholder(ui.t("filter.text"));
        textFilter.setId("counter-app-filter-text");
        overdueFilter.setCaption(ui.t("filter.overdue"));
        overdueFilter.setId("counter-app-filter-overdue");
        filters.addComponents(yearFilter, typeFilter, statusFilter, textFilter, overdueFilter);
        officeFilter.addValueChangeListener(e -> refresh());
        yearFilter.addValueChangeListener(e -> refresh());
        typeFilter.addValueChangeListener(e -> refresh());
        statusFilter.addValueChangeListener(e -> refresh());
        textFilter.addValueChangeListener(e -> refresh());
        overdueFilter.addValueChangeListener(e -> refresh());

        DataProvider<Application, ApplicationQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> apps.find(ui.caller(), q.getFilter().orElse(ApplicationQuery.all()), new PageRequest(q.getOffset(), q.getLimit()))
                        .items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, apps.find(ui.caller(), q.getFilter().orElse(ApplicationQuery.all()),
                        new PageRequest(0, 1)).total()));
        provider = dp.withConfigurableFilter();
        grid.setId("counter-app-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(Application::number).setCaption(ui.t("field.number"));
        grid.addColumn(a -> typeName(a.businessCode())).setCaption(ui.t("field.business"));
        grid.addColumn(Application::applicantName).setCaption(ui.t("field.applicant"));
        grid.addColumn(Application::idNumber).setCaption(ui.t("field.idNumber"));
        grid.addColumn(Application::phone).setCaption(ui.t("field.phone"));
        grid.addColumn(a -> ui.label(a.status())).setCaption(ui.t("field.status"));
        grid.addColumn(a -> Ui.s(a.promisedDue())).setCaption(ui.t("field.promisedDue"));
        grid.addColumn(a -> Ui.s(a.legalDue())).setCaption(ui.t("field.legalDue"));
        grid.addColumn(a -> ui.label(a.deadline())).setCaption(ui.t("field.deadline"));
        grid.addColumn(Application::owner).setCaption(ui.t("field.owner"));
        grid.setDataProvider(provider);
        grid.addItemClickListener(e -> {
            if (e.getMouseEventDetails().isDoubleClick()) {
                ui.ctx().navigate(CounterViews.APPLICATIONS + "/" + e.getItem().id());
            }
        });
        Button add = Ui.button(ui.t("app.new"), "counter-app-new", e -> openForm(null));
        add.setIcon(VaadinIcons.PLUS);
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button open = Ui.button(ui.t("action.open"), "counter-app-open",
                e -> grid.getSelectedItems().stream().findFirst().ifPresent(a -> ui.ctx().navigate(CounterViews.APPLICATIONS + "/" + a.id())));
        Label empty = new Label(ui.t("app.empty"));
        empty.setId("counter-app-empty");
        addComponents(Ui.title(ui.t("app.title")), filters, new HorizontalLayout(add, open), grid, empty);
        refresh();
        empty.setVisible(apps.find(ui.caller(), ApplicationQuery.all(), new PageRequest(0, 1)).total() == 0);
        if (p.startsWith("new")) {
            String ticket = p.contains("ticket=") ? p.substring(p.indexOf("ticket=") + 7) : null;
            openForm(ticket);
        }
    }

    private String typeName(String code) {
        return types.stream().filter(t -> t.code().equals(code)).map(t -> t.name(ui.locale())).findFirst().orElse(code);
    }

    private void refresh() {
        provider.setFilter(new ApplicationQuery(officeFilter.getValue() == null ? null : officeFilter.getValue().code(),
                yearFilter.getValue(), typeFilter.getValue() == null ? null : typeFilter.getValue().code(), statusFilter.getValue(),
                Ui.blankToNull(textFilter.getValue()), Boolean.TRUE.equals(overdueFilter.getValue())));
    }

    private void openForm(String ticketId) {
        ComboBox<BusinessType> type = new ComboBox<>(ui.t("field.business"), types.stream().filter(BusinessType::active).toList());
        type.setId("counter-app-type");
        type.setItemCaptionGenerator(b -> b.name(ui.locale()));
        type.setEmptySelectionAllowed(false);
        type.setTextInputAllowed(false);
        types.stream().filter(BusinessType::active).findFirst().ifPresent(type::setValue);
        TextField name = new TextField(ui.t("field.applicant"));
        name.setId("counter-app-name");
        TextField id = new TextField(ui.t("field.idNumber"));
        id.setId("counter-app-id");
        id.setMaxLength(18);
        Label idHint = new Label();
        id.addValueChangeListener(e -> {
            var problem = IdNumbers.check(e.getValue(), LocalDate.now(Ui.ZONE));
            idHint.setValue(e.getValue().isBlank() || problem.isEmpty() ? "" : cn.gannan.hpf.counter.api.CounterMessages.msg("error.idNumber." + problem.get().name()).format(ui.locale()));
        });
        TextField phone = new TextField(ui.t("field.phone"));
        phone.setId("counter-app-phone");
        CheckBox married = new CheckBox(ui.t("field.married"));
        married.setId("counter-app-married");
        CheckBox agent = new CheckBox(ui.t("field.agent"));
        TextField balance = new TextField(ui.t("field.balance"));
        balance.setId("counter-app-balance");
        TextField basis = new TextField(ui.t("field.basis"));
        basis.setId("counter-app-basis");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("businessCode", type);
        fields.put("applicantName", name);
        fields.put("idNumber", id);
        fields.put("phone", phone);
        fields.put("balance", balance);
        fields.put("basisAmount", basis);
        Button save = Ui.button(ui.t("app.takeIn"), "counter-app-save", null);
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        FormLayout form = new FormLayout(type, name, id, idHint, phone, married, agent, balance, basis, new HorizontalLayout(save, cancel));
        form.setMargin(true);
        form.setWidth("520px");
        Window w = ui.dialog(ui.t("app.new"), form);
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            BigDecimal bal = amount(balance);
            BigDecimal bas = amount(basis);
            if (bal == null && !balance.isEmpty() || bas == null && !basis.isEmpty()) {
                return;
            }
            Application[] created = new Application[1];
            if (ui.save(() -> created[0] = apps.create(ui.caller(), new ApplicationDraft(null, type.getValue() == null ? null
                    : type.getValue().code(), name.getValue(), id.getValue(), phone.getValue(), married.getValue(), agent.getValue(),
                    bal, bas, ticketId)), fields)) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                ui.ctx().navigate(CounterViews.APPLICATIONS + "/" + created[0].id());
            }
        });
    }

    private BigDecimal amount(TextField f) {
        f.setComponentError(null);
        if (f.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(f.getValue().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            f.setComponentError(new com.vaadin.server.UserError(ui.t("validation.amount")));
            return null;
        }
    }

    // ---------------------------------------------------------------- detail

    private void buildDetail(String id) {
        detailId = id;
        Application a;
        try {
            a = apps.get(ui.caller(), id);
        } catch (RuntimeException e) {
            ui.ctx().showError(e);
            addComponent(new Label(ui.t("app.notFound")));
            return;
        }
        Application app = a;
        Label head = Ui.title(ui.t("app.detailTitle", a.number(), typeName(a.businessCode())));
        FormLayout info = new FormLayout();
        info.addComponent(field("counter-detail-applicant", ui.t("field.applicant"), a.applicantName()));
        info.addComponent(field("counter-detail-id", ui.t("field.idNumber"), a.idNumber()));
        info.addComponent(field("counter-detail-phone", ui.t("field.phone"), Ui.s(a.phone())));
        info.addComponent(field("counter-detail-status", ui.t("field.status"), ui.label(a.status())));
        info.addComponent(field("counter-detail-owner", ui.t("field.owner"), a.owner()));
        info.addComponent(field("counter-detail-accepted", ui.t("field.acceptedOn"), Ui.s(a.acceptedOn())));
        info.addComponent(field("counter-detail-clock", ui.t("field.clockStart"), a.clockStart() == null && a.acceptedOn() != null
                ? ui.t("app.clockStopped") : Ui.s(a.clockStart())));
        info.addComponent(field("counter-detail-promised", ui.t("field.promisedDue"), Ui.s(a.promisedDue())));
        info.addComponent(field("counter-detail-legal", ui.t("field.legalDue"), Ui.s(a.legalDue())));
        info.addComponent(field("counter-detail-deadline", ui.t("field.deadline"), ui.label(a.deadline())));
        if (a.approved() != null) {
            info.addComponent(field("counter-detail-decision", ui.t("field.decision"), ui.t(a.approved() ? "app.approved" : "app.refused")
                    + (a.decisionReason() == null ? "" : "：" + a.decisionReason())));
        }
        info.addComponent(field("counter-detail-balance", ui.t("field.balance"), Ui.s(a.balance())));
        info.addComponent(field("counter-detail-basis", ui.t("field.basis"), Ui.s(a.basisAmount())));
        info.addComponent(field("counter-detail-paid", ui.t("field.paid"), Ui.s(a.paidAmount())));
        info.addComponent(field("counter-detail-notified", ui.t("field.notified"), ui.time(a.notifiedAt())));

        Grid<AppDocument> docs = new Grid<>();
        docs.setId("counter-detail-docs");
        docs.setCaption(ui.t("app.checklist", a.documents().size(), a.missing().size()));
        docs.setWidth("100%");
        docs.setHeightByRows(Math.max(1, a.documents().size()));
        docs.addColumn(AppDocument::name).setCaption(ui.t("field.document"));
        docs.addColumn(d -> d.received() ? "✓ " + Ui.s(d.receivedOn()) : ui.t("app.missing")).setCaption(ui.t("field.received"));
        docs.addComponentColumn(d -> {
            Button b = new Button(ui.t(d.received() ? "app.markMissing" : "app.markReceived"));
            b.setId("counter-doc-" + d.sortOrder());
            b.addStyleName(ValoTheme.BUTTON_SMALL);
            b.addClickListener(e -> reload(() -> apps.setDocument(ui.caller(), app.id(), app.meta().version(), d.id(), !d.received(), null)));
            return b;
        });
        docs.setItems(a.documents());

        Button notice = Ui.button(ui.t("app.issueNotice"), "counter-issue-notice", e -> reload(() -> apps.issueNotice(ui.caller(), app.id())));
        Button accept = Ui.button(ui.t("app.accept"), "counter-accept", e -> reload(() -> apps.accept(ui.caller(), app.id(),
                app.meta().version(), null)));
        accept.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button approve = Ui.button(ui.t("app.approve"), "counter-approve", e -> reload(() -> apps.decide(ui.caller(), app.id(),
                app.meta().version(), true, null)));
        Button refuse = Ui.button(ui.t("app.refuse"), "counter-refuse", e -> openRefuse(app));
        Button pay = Ui.button(ui.t("app.pay"), "counter-pay", e -> openPay(app));
        Button notify = Ui.button(ui.t("app.notify"), "counter-notify", e -> reload(() -> apps.notifyApplicant(ui.caller(), app.id(),
                app.meta().version())));
        Button close = Ui.button(ui.t("app.close"), "counter-close", e -> ui.confirm(ui.t("app.close"), ui.t("app.closeConfirm", app.number()),
                () -> reload(() -> apps.close(ui.caller(), app.id(), app.meta().version()))));
        Button handOver = Ui.button(ui.t("handover.action"), "counter-app-handover", e -> openHandOver(app));
        Button back = Ui.button(ui.t("action.back"), "counter-app-back", e -> ui.ctx().navigate(CounterViews.APPLICATIONS));

        List<Notice> notices = apps.notices(ui.caller(), a.id());
        HorizontalLayout noticeRow = new HorizontalLayout();
        for (Notice n : notices) {
            Button print = new Button(ui.t("app.printNotice", n.number(), n.items().size()), VaadinIcons.PRINT);
            print.setId("counter-print-" + n.number());
            StreamResource res = new StreamResource(() -> new java.io.ByteArrayInputStream(PrintHtml.render(
                    apps.noticeDocument(ui.caller(), n.id(), ui.locale()), ui.locale().toLanguageTag())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "notice-" + n.number() + ".html");
            res.setMIMEType("text/html; charset=UTF-8");
            new BrowserWindowOpener(res).extend(print);
            noticeRow.addComponent(print);
        }

        Grid<HandOver> owners = new Grid<>();
        owners.setCaption(ui.t("handover.history"));
        owners.setWidth("100%");
        owners.setHeightByRows(3);
        owners.addColumn(h -> ui.time(h.at())).setCaption(ui.t("field.time"));
        owners.addColumn(h -> Ui.s(h.fromUser())).setCaption(ui.t("handover.from"));
        owners.addColumn(HandOver::toUser).setCaption(ui.t("handover.to"));
        owners.addColumn(h -> Ui.s(h.note())).setCaption(ui.t("handover.note"));
        owners.setItems(apps.handOvers(ui.caller(), a.id()));

        addComponents(head, new HorizontalLayout(back, notice, accept, approve, refuse, pay, notify, close, handOver), info, docs,
                noticeRow, owners);
    }

    private Label field(String id, String caption, String value) {
        Label l = new Label(value);
        l.setCaption(caption);
        l.setId(id);
        return l;
    }

    /** Runs an action on the application and shows the detail again. */
    private void reload(Runnable action) {
        if (ui.run(action)) {
            ui.ctx().notifySuccess(ui.t("msg.saved"));
        }
        Application a = null;
        try {
            a = apps.get(ui.caller(), getDetailId());
        } catch (RuntimeException e) {
            ui.ctx().showError(e);
        }
        removeAllComponents();
        if (a != null) {
            buildDetail(a.id());
        }
    }

    private String detailId;

    private String getDetailId() {
        return detailId;
    }

    private void openRefuse(Application a) {
        TextArea reason = new TextArea(ui.t("app.reason"));
        reason.setId("counter-refuse-reason");
        reason.setRows(3);
        reason.setWidth("400px");
        Button ok = Ui.button(ui.t("app.refuse"), "counter-refuse-ok", null);
        ok.addStyleName(ValoTheme.BUTTON_DANGER);
        Window w = ui.dialog(ui.t("app.refuse"), new VerticalLayout(reason, ok));
        ok.addClickListener(e -> {
            if (ui.save(() -> apps.decide(ui.caller(), a.id(), a.meta().version(), false, reason.getValue()), Map.of("reason", reason))) {
                w.close();
                reload(() -> { });
            }
        });
    }

    private void openPay(Application a) {
        TextField amount = new TextField(ui.t("app.amount"));
        amount.setId("counter-pay-amount");
        if (a.basisAmount() != null && a.balance() != null) {
            amount.setValue(a.basisAmount().min(a.balance()).toPlainString());
        }
        Button ok = Ui.button(ui.t("app.pay"), "counter-pay-ok", null);
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Window w = ui.dialog(ui.t("app.pay"), new VerticalLayout(new Label(ui.t("app.payHint", Ui.s(a.balance()), Ui.s(a.basisAmount()))),
                amount, ok));
        ok.addClickListener(e -> {
            BigDecimal v = amount(amount);
            if (v == null) {
                return;
            }
            if (ui.save(() -> apps.pay(ui.caller(), a.id(), a.meta().version(), v), Map.of("amount", amount))) {
                w.close();
                reload(() -> { });
            }
        });
    }

    private void openHandOver(Application a) {
        ui.handOverDialog(ui.t("handover.action"), "counter-app-handover",
                (to, note) -> apps.handOver(ui.caller(), a.id(), a.meta().version(), to, note), () -> reload(() -> { }));
    }

}
