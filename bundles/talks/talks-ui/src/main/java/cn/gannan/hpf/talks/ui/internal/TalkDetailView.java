package cn.gannan.hpf.talks.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.talks.api.FollowUp;
import cn.gannan.hpf.talks.api.FollowUpDraft;
import cn.gannan.hpf.talks.api.Participant;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkStatus;

/**
 * One talk: what happened, with whom, who decided it; the content (topics, summary, follow-ups)
 * only when the service returned it; confirmations; edit, void (with confirmation), follow-ups.
 */
final class TalkDetailView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient TalkService talks;
    private final transient OfficeService offices;
    private final String id;

    TalkDetailView(Ui ui, TalkService talks, OfficeService offices, String id) {
        this.ui = ui;
        this.talks = talks;
        this.offices = offices;
        this.id = id;
        setId("talk-detail");
        setWidth("100%");
        reload();
    }

    private void reload() {
        removeAllComponents();
        Talk t;
        try {
            t = talks.get(ui.caller(), id);
        } catch (RuntimeException e) {
            ui.ctx().showError(e);
            addComponents(Ui.empty(ui.t("detail.unavailable")), backButton());
            return;
        }
        show(t);
    }

    private Button backButton() {
        Button back = new Button(ui.t("action.back"), VaadinIcons.ARROW_LEFT);
        back.setId("talk-back");
        back.addClickListener(e -> ui.ctx().navigate(TalksContribution.ID));
        return back;
    }

    private static Label value(String caption, String text, String id) {
        Label l = new Label(text == null || text.isBlank() ? "—" : text);
        l.setCaption(caption);
        l.setId(id);
        return l;
    }

    private void show(Talk t) {
        Label title = new Label(ui.kind(t.kind()) + " · " + Ui.date(t.date()));
        title.addStyleName(ValoTheme.LABEL_H2);
        title.setId("talk-title");
        FormLayout facts = new FormLayout();
        facts.setMargin(false);
        facts.addComponents(
                value(ui.t("field.office"), ui.office(offices, t.officeCode()), "talk-v-office"),
                value(ui.t("field.place"), t.place(), "talk-v-place"),
                value(ui.t("field.talkers"), names(t.talkers()), "talk-v-talkers"),
                value(ui.t("field.targets"), names(t.targets()), "talk-v-targets"),
                value(ui.t("field.personTimes"), String.valueOf(t.personTimes()), "talk-v-persontimes"),
                value(ui.t("field.body"), t.decidingUnitName(), "talk-v-body"),
                value(ui.t("field.decidedBy"), t.decidedBy(), "talk-v-decidedby"),
                value(ui.t("field.decision"), t.decision() == null ? null : t.decision().text()
                        + (t.decision().live() ? "" : " " + ui.t("detail.decisionOffline")), "talk-v-decision"),
                value(ui.t("field.trigger"), (t.trigger() == null ? "" : ui.t(t.trigger().messageKey()))
                        + (t.triggerNote() == null ? "" : "（" + t.triggerNote() + "）"), "talk-v-trigger"),
                value(ui.t("field.status"), t.status() == TalkStatus.VOID ? ui.t("status.VOID") + "：" + t.voidReason()
                        : ui.t(t.confirmedByAll() ? "value.confirmed" : "value.unconfirmed"), "talk-v-status"));
        addComponents(title, facts);

        if (t.contentVisible()) {
            Label topics = value(ui.t("field.topics"), t.topics(), "talk-v-topics");
            Label summary = value(ui.t("field.summary"), t.summary(), "talk-v-summary");
            summary.setWidth("640px");
            addComponents(topics, summary);
        } else {
            Label hidden = new Label(ui.t(t.kind().admonitory() ? "detail.confidentialAdmonitory" : "detail.confidential"));
            hidden.setId("talk-confidential");
            hidden.addStyleName(ValoTheme.LABEL_COLORED);
            addComponent(hidden);
        }

        Grid<Participant> people = new Grid<>();
        people.setId("talk-participants");
        people.setCaption(ui.t("detail.confirmations"));
        people.setWidth("640px");
        List<Participant> all = new ArrayList<>(t.talkers());
        all.addAll(t.targets());
        people.setItems(all);
        people.setHeightByRows(Math.max(1, Math.min(8, all.size())));
        people.addColumn(Participant::name).setCaption(ui.t("field.name"));
        people.addColumn(p -> ui.t("side." + p.side().name())).setCaption(ui.t("field.side"));
        people.addColumn(p -> p.confirmed() ? ui.t(p.confirmedOnBehalf() ? "value.confirmedOnBehalf" : "value.confirmed")
                + " " + p.confirmedAt().toString().substring(0, 10) : ui.t("value.unconfirmed")).setCaption(ui.t("field.confirmation"));
        addComponent(people);

        if (t.contentVisible()) {
            Grid<FollowUp> fus = new Grid<>();
            fus.setId("talk-followups");
            fus.setCaption(ui.t("detail.followUps"));
            fus.setWidth("640px");
            fus.setItems(t.followUps());
            fus.setHeightByRows(Math.max(1, Math.min(6, t.followUps().size())));
            fus.addColumn(FollowUp::action).setCaption(ui.t("field.followUp"));
            fus.addColumn(FollowUp::ownerName).setCaption(ui.t("field.owner"));
            fus.addColumn(f -> Ui.date(f.dueDate())).setCaption(ui.t("field.dueDate"));
            fus.addColumn(f -> f.open() ? (f.overdue(LocalDate.now()) ? ui.t("value.overdue") : ui.t("value.open"))
                    : ui.t("value.doneOn", Ui.date(f.doneOn()))).setCaption(ui.t("field.status"));
            fus.addComponentColumn(f -> {
                Button done = new Button(ui.t("action.done"));
                done.addStyleName(ValoTheme.BUTTON_SMALL);
                done.setVisible(f.open() && t.status() == TalkStatus.RECORDED);
                done.addClickListener(e -> openDone(t, f));
                return done;
            });
            addComponent(t.followUps().isEmpty() ? Ui.empty(ui.t("detail.noFollowUps")) : fus);
        } else if (t.openFollowUps() > 0) {
            addComponent(new Label(ui.t("detail.openFollowUps", t.openFollowUps())));
        }

        Button edit = new Button(ui.t("action.edit"), VaadinIcons.EDIT);
        edit.setId("talk-edit");
        edit.setVisible(t.canEdit());
        edit.addClickListener(e -> ui.ctx().navigate(TalksContribution.ID + "/" + t.id() + "/edit"));
        Button confirm = new Button(ui.t("action.confirmRecord"), VaadinIcons.CHECK);
        confirm.setId("talk-confirm");
        confirm.setVisible(t.status() == TalkStatus.RECORDED && (t.canEdit() || all.stream().anyMatch(p -> !p.confirmed())));
        confirm.addClickListener(e -> openConfirm(t, all));
        Button addFu = new Button(ui.t("action.addFollowUp"), VaadinIcons.PLUS);
        addFu.setId("talk-add-followup");
        addFu.setVisible(t.canEdit());
        addFu.addClickListener(e -> openFollowUp(t));
        Button voidIt = new Button(ui.t("action.void"), VaadinIcons.BAN);
        voidIt.setId("talk-void");
        voidIt.addStyleName(ValoTheme.BUTTON_DANGER);
        voidIt.setVisible(t.canEdit());
        voidIt.addClickListener(e -> ui.askReason(ui.t("void.title"), ui.t("void.reason"), reason -> {
            talks.voidTalk(ui.caller(), t.id(), t.meta().version(), reason);
            ui.ctx().notifySuccess(ui.t("msg.voided"));
            reload();
        }));
        addComponent(new HorizontalLayout(backButton(), edit, confirm, addFu, voidIt));
    }

    private static String names(List<Participant> ps) {
        return String.join("、", ps.stream().map(Participant::name).toList());
    }

    /** The caller confirms for themselves; a recorder may confirm on a participant's behalf. */
    private void openConfirm(Talk t, List<Participant> all) {
        if (!t.canEdit()) {
            ui.confirm(ui.t("confirm.title"), ui.t("confirm.self"), () -> {
                talks.confirm(ui.caller(), t.id(), null);
                ui.ctx().notifySuccess(ui.t("msg.confirmed"));
                reload();
            });
            return;
        }
        VerticalLayout body = new VerticalLayout(new Label(ui.t("confirm.onBehalf")));
        Window[] w = new Window[1];
        for (Participant p : all) {
            if (p.confirmed()) {
                continue;
            }
            Button b = new Button(p.name());
            b.setId("talk-confirm-" + p.personId());
            b.addClickListener(e -> {
                if (ui.run(() -> talks.confirm(ui.caller(), t.id(), p.personId()))) {
                    w[0].close();
                    ui.ctx().notifySuccess(ui.t("msg.confirmed"));
                    reload();
                }
            });
            body.addComponent(b);
        }
        if (body.getComponentCount() == 1) {
            body.addComponent(Ui.empty(ui.t("confirm.allDone")));
        }
        w[0] = ui.dialog(ui.t("confirm.title"), body);
    }

    private void openFollowUp(Talk t) {
        TextField action = new TextField(ui.t("field.followUp"));
        action.setId("followup-action");
        action.setWidth("360px");
        DateField due = new DateField(ui.t("field.dueDate"));
        due.setDateFormat("yyyy-MM-dd");
        Button save = new Button(ui.t("action.save"));
        save.setId("followup-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        Window w = ui.dialog(ui.t("action.addFollowUp"), new VerticalLayout(new FormLayout(action, due),
                new HorizontalLayout(save, cancel)));
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            if (ui.save(() -> talks.addFollowUp(ui.caller(), t.id(), new FollowUpDraft(action.getValue(), null, due.getValue())),
                    Map.of("followUp.action", action, "followUp.dueDate", due))) {
                w.close();
                reload();
            }
        });
    }

    private void openDone(Talk t, FollowUp f) {
        DateField done = new DateField(ui.t("field.doneOn"), LocalDate.now());
        done.setDateFormat("yyyy-MM-dd");
        TextField note = new TextField(ui.t("field.note"));
        Button save = new Button(ui.t("action.save"));
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        Window w = ui.dialog(ui.t("action.done"), new VerticalLayout(new FormLayout(done, note),
                new HorizontalLayout(save, cancel)));
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            if (ui.save(() -> talks.completeFollowUp(ui.caller(), t.id(), f.id(), f.version(), done.getValue(),
                    note.getValue()), Map.of("doneOn", done, "doneNote", note))) {
                w.close();
                reload();
            }
        });
    }
}
