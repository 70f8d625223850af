package cn.gannan.hpf.counter.ui.internal;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.counter.api.Records.SmsMessage;
import cn.gannan.hpf.counter.api.SmsOutbox;
import cn.gannan.hpf.counter.api.SmsStatus;

/** 短信发件箱: every SMS with its delivery status; failed ones can be retried. */
final class SmsOutboxView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    SmsOutboxView(Ui ui, SmsOutbox outbox) {
        setId("counter-sms");
        ComboBox<SmsStatus> status = new ComboBox<>();
        status.setItems(SmsStatus.values());
        status.setItemCaptionGenerator(ui::label);
        status.setPlaceholder(ui.t("filter.anyStatus"));
        DataProvider<SmsMessage, SmsStatus> dp = DataProvider.fromFilteringCallbacks(
                q -> outbox.find(ui.caller(), null, q.getFilter().orElse(null), new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) outbox.find(ui.caller(), null, q.getFilter().orElse(null), new PageRequest(0, 1)).total());
        ConfigurableFilterDataProvider<SmsMessage, Void, SmsStatus> provider = dp.withConfigurableFilter();
        Grid<SmsMessage> grid = new Grid<>();
        grid.setId("counter-sms-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.addColumn(m -> ui.time(m.createdAt())).setCaption(ui.t("field.time"));
        grid.addColumn(SmsMessage::phone).setCaption(ui.t("field.phone"));
        grid.addColumn(SmsMessage::text).setCaption(ui.t("field.text")).setExpandRatio(1);
        grid.addColumn(m -> ui.label(m.status())).setCaption(ui.t("field.status"));
        grid.addColumn(SmsMessage::attempts).setCaption(ui.t("field.attempts"));
        grid.addColumn(m -> Ui.s(m.lastError())).setCaption(ui.t("field.error"));
        grid.addColumn(SmsMessage::gateway).setCaption(ui.t("field.gateway"));
        grid.setDataProvider(provider);
        status.addValueChangeListener(e -> provider.setFilter(e.getValue()));
        Button retry = Ui.button(ui.t("sms.retry"), "counter-sms-retry", e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(m -> {
                    if (ui.run(() -> outbox.retry(ui.caller(), m.id()))) {
                        provider.refreshAll();
                    }
                }));
        Label gateway = new Label(ui.t("sms.gateway", outbox.gatewayName()));
        gateway.setId("counter-sms-gateway");
        addComponents(Ui.title(ui.t("sms.title")), gateway, new HorizontalLayout(status, retry), grid);
    }
}
