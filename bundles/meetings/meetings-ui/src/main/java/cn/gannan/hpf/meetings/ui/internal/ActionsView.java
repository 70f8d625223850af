package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDate;
import java.util.Map;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.meetings.api.ActionStatus;
import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.FollowUpQuery;
import cn.gannan.hpf.meetings.api.MeetingService;

/** 决定落实: follow-up actions, lazy, filtered by status or overdue. */
final class ActionsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final ComboBox<ActionStatus> status = new ComboBox<>();
    private final CheckBox overdue = new CheckBox();
    private final ConfigurableFilterDataProvider<FollowUp, Void, FollowUpQuery> provider;

    ActionsView(Ui ui, MeetingService meetings) {
        setId("meetings-actions-view");
        setWidth("100%");
        status.setItems(ActionStatus.values());
        status.setItemCaptionGenerator(s -> ui.api(s.messageKey()));
        status.setPlaceholder(ui.t("filter.anyStatus"));
        status.setValue(ActionStatus.OPEN);
        overdue.setCaption(ui.t("filter.overdueOnly"));
        overdue.setId("actions-overdue");
        DataProvider<FollowUp, FollowUpQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> meetings.followUps(ui.caller(), q.getFilter().orElse(null), LocalDate.now(),
                        new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) meetings.followUps(ui.caller(), q.getFilter().orElse(null), LocalDate.now(), new PageRequest(0, 1))
                        .total());
        provider = dp.withConfigurableFilter();
        Grid<FollowUp> grid = new Grid<>();
        grid.setId("actions-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(15);
        grid.addColumn(FollowUp::title).setCaption(ui.t("field.actionTitle"));
        grid.addColumn(FollowUp::topicTitle).setCaption(ui.t("field.topicTitle"));
        grid.addColumn(FollowUp::ownerName).setCaption(ui.t("field.owner"));
        grid.addColumn(f -> Ui.date(f.dueDate())).setCaption(ui.t("field.dueDate"));
        grid.addColumn(f -> ui.api(f.status().messageKey()) + (f.overdue() ? " · " + ui.t("value.overdue") : ""))
                .setCaption(ui.t("field.status"));
        grid.addColumn(f -> f.evidence() == null ? "" : f.evidence()).setCaption(ui.t("field.evidence"));
        grid.setDataProvider(provider);
        Button open = new Button(ui.t("action.openMeeting"), VaadinIcons.FOLDER_OPEN_O);
        open.addClickListener(e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(f -> ui.ctx().navigate(MeetingsContribution.ID + "/" + f.meetingId())));
        Button done = new Button(ui.t("action.complete"), VaadinIcons.CHECK);
        done.setId("actions-complete");
        done.addClickListener(e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(f -> completeDialog(ui, meetings, f, provider::refreshAll)));
        Button cancel = new Button(ui.t("action.cancelAction"), VaadinIcons.BAN);
        cancel.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(f -> {
            TextArea reason = new TextArea(ui.t("field.reason"));
            reason.setWidth("400px");
            Button ok = new Button(ui.t("action.confirm"));
            ok.addStyleName(ValoTheme.BUTTON_DANGER);
            Window w = ui.dialog(ui.t("action.cancelAction"), new VerticalLayout(reason, ok));
            ok.addClickListener(x -> {
                if (ui.save(() -> meetings.cancelFollowUp(ui.caller(), f.id(), f.meta().version(), reason.getValue()),
                        Map.of("reason", reason))) {
                    w.close();
                    provider.refreshAll();
                }
            });
        }));
        status.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        addComponents(Ui.h2(ui.t("actions.title")), new HorizontalLayout(status, overdue), new HorizontalLayout(open, done, cancel),
                grid);
        refresh();
    }

    private void refresh() {
        provider.setFilter(new FollowUpQuery(null, null, null, status.getValue(), overdue.getValue()));
    }

    /** Marks an action done, with its evidence. */
    static void completeDialog(Ui ui, MeetingService meetings, FollowUp f, Runnable after) {
        TextArea evidence = new TextArea(ui.t("field.evidence"));
        evidence.setId("action-evidence");
        evidence.setWidth("420px");
        evidence.setRows(3);
        DateField doneOn = new DateField(ui.t("field.doneOn"), LocalDate.now());
        doneOn.setDateFormat("yyyy-MM-dd");
        doneOn.setId("action-done-on");
        Button ok = new Button(ui.t("action.complete"));
        ok.setId("action-complete-ok");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(evidence, doneOn, ok);
        form.setMargin(true);
        Window w = ui.dialog(f.title(), form);
        ok.addClickListener(e -> {
            if (ui.save(() -> meetings.completeFollowUp(ui.caller(), f.id(), f.meta().version(), evidence.getValue(),
                    doneOn.getValue()), Map.of("evidence", evidence, "doneOn", doneOn))) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                after.run();
            }
        });
    }
}
