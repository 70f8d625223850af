package cn.gannan.hpf.meetings.ui.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.BrowserWindowOpener;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.meetings.api.Attendee;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.Category;
import cn.gannan.hpf.meetings.api.FollowUp;
import cn.gannan.hpf.meetings.api.FollowUpDraft;
import cn.gannan.hpf.meetings.api.FollowUpQuery;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.meetings.api.QuorumCheck;
import cn.gannan.hpf.meetings.api.Revision;
import cn.gannan.hpf.meetings.api.Signature;
import cn.gannan.hpf.meetings.api.Topic;
import cn.gannan.hpf.meetings.api.VoteResult;

/** One meeting: header, quorum, attendance, topics, co-signatures, follow-up actions and the workflow buttons. */
final class MeetingDetailView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient MeetingService meetings;
    private final transient OrgService org;
    private final transient Supplier<PdfService> pdf;
    private final String id;

    MeetingDetailView(Ui ui, MeetingService meetings, OrgService org, Supplier<PdfService> pdf, String id) {
        this.ui = ui;
        this.meetings = meetings;
        this.org = org;
        this.pdf = pdf;
        this.id = id;
        setId("meeting-detail");
        setWidth("100%");
        reload();
    }

    private void reload() {
        removeAllComponents();
        Meeting[] holder = new Meeting[1];
        if (!ui.run(() -> holder[0] = meetings.get(ui.caller(), id))) {
            Button back = new Button(ui.t("action.back"), e -> ui.ctx().navigate(MeetingsContribution.ID));
            addComponent(back);
            return;
        }
        Meeting m = holder[0];
        Button back = new Button(ui.t("action.back"), VaadinIcons.ARROW_LEFT);
        back.setId("meeting-back");
        back.addStyleName(ValoTheme.BUTTON_LINK);
        back.addClickListener(e -> ui.ctx().navigate(MeetingsContribution.ID));
        Label title = Ui.h2(m.subject());
        Label status = new Label(ui.api(m.status().messageKey()) + (m.numberText() == null ? "" : " · " + m.numberText())
                + (m.revision() > 1 ? " · " + ui.t("meetings.revision", m.revision()) : ""));
        status.setId("meeting-status");
        status.addStyleName(ValoTheme.LABEL_BOLD);

        FormLayout head = new FormLayout();
        head.setMargin(false);
        head.addComponents(field("field.type", ui.api(m.type().messageKey())), field("field.body", m.bodyName()),
                field("field.startAt", Ui.dateTime(m.startAt()) + (m.endAt() == null ? "" : " – " + Ui.dateTime(m.endAt()))),
                field("field.place", nz(m.place())), field("field.chair", nz(m.chairName())),
                field("field.recorder", nz(m.recorderName())));
        if (m.correctionReason() != null) {
            head.addComponent(field("field.correctionReason", m.correctionReason()));
        }
        Label quorum = new Label(quorumText(m));
        quorum.setId("meeting-quorum");
        quorum.addStyleName(m.quorum().met() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
        quorum.setWidth("100%");

        Grid<Attendee> attendees = new Grid<>();
        attendees.setCaption(ui.t("field.attendance"));
        attendees.setId("meeting-attendees");
        attendees.setWidth("100%");
        attendees.setHeightByRows(Math.max(1, Math.min(8, m.attendees().size())));
        attendees.addColumn(Attendee::name).setCaption(ui.t("field.name"));
        attendees.addColumn(a -> ui.api(a.kind().messageKey())).setCaption(ui.t("field.kind"));
        attendees.addColumn(a -> a.leadership() ? ui.t("value.yes") : "").setCaption(ui.t("field.leadership"));
        attendees.addColumn(a -> ui.t(a.present() ? "value.present" : "value.absent")).setCaption(ui.t("field.present"));
        attendees.addColumn(a -> nz(a.absenceReason())).setCaption(ui.t("field.absenceReason"));
        attendees.setItems(m.attendees());

        List<Category> categories = meetings.categories(ui.caller(), false);
        Grid<Topic> topics = new Grid<>();
        topics.setCaption(ui.t("field.topics"));
        topics.setId("meeting-topic-grid");
        topics.setWidth("100%");
        topics.setHeightByRows(Math.max(1, Math.min(10, m.topics().size())));
        topics.addColumn(Topic::seq).setCaption("#").setWidth(60);
        topics.addColumn(Topic::title).setCaption(ui.t("field.topicTitle"));
        topics.addColumn(t -> categories.stream().filter(c -> c.code().equals(t.categoryCode())).findFirst()
                .map(c -> c.name(ui.locale())).orElse(t.categoryCode())).setCaption(ui.t("field.category"));
        topics.addColumn(t -> nz(t.submittedBy())).setCaption(ui.t("field.submittedBy"));
        topics.addColumn(t -> nz(t.decision())).setCaption(ui.t("field.decision"));
        topics.addColumn(t -> t.voteResult() == VoteResult.NONE ? "" : t.votesFor() + "/" + t.votesAgainst() + "/"
                + t.votesAbstain() + " " + ui.api(t.voteResult().messageKey())).setCaption(ui.t("field.vote"));
        topics.setItems(m.topics());

        String signed = m.signatures().stream().map(s -> s.name() + " " + Ui.date(s.signedAt()
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())).collect(Collectors.joining("，"));
        List<String> missing = m.attendees().stream().filter(a -> a.kind() == AttendeeKind.MEMBER && a.leadership()
                && a.present() && m.signatures().stream().noneMatch(s -> s.personId().equals(a.personId())))
                .map(Attendee::name).toList();
        Label signatures = new Label(ui.t("meetings.signed", signed.isEmpty() ? "—" : signed)
                + (m.status() == MinutesStatus.CIRCULATED && !missing.isEmpty()
                        ? "；" + ui.t("meetings.waitingFor", String.join("、", missing)) : ""));
        signatures.setId("meeting-signatures");
        signatures.setWidth("100%");

        addComponents(back, title, status, head, quorum, actionsBar(m), attendees, topics, signatures);
        addComponent(followUps(m));
        List<Revision> revisions = meetings.revisions(ui.caller(), id);
        if (!revisions.isEmpty()) {
            Grid<Revision> revs = new Grid<>();
            revs.setCaption(ui.t("meetings.revisions"));
            revs.setId("meeting-revisions");
            revs.setWidth("100%");
            revs.setHeightByRows(revisions.size());
            revs.addColumn(Revision::revision).setCaption(ui.t("field.revision"));
            revs.addColumn(Revision::numberText).setCaption(ui.t("field.number"));
            revs.addColumn(r -> Ui.date(r.issuedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()))
                    .setCaption(ui.t("field.issuedAt"));
            revs.addColumn(Revision::issuedBy).setCaption(ui.t("field.issuedBy"));
            revs.addColumn(r -> nz(r.reason())).setCaption(ui.t("field.correctionReason"));
            revs.setItems(revisions);
            revs.addItemClickListener(e -> {
                TextArea text = new TextArea(null, e.getItem().content());
                text.setReadOnly(true);
                text.setWidth("700px");
                text.setRows(24);
                ui.dialog(ui.t("meetings.revision", e.getItem().revision()), text);
            });
            addComponent(revs);
        }
    }

    private String quorumText(Meeting m) {
        QuorumCheck q = m.quorum();
        String base = ui.t("meetings.quorumLine", q.expected(), q.present(), q.rule().label(), q.required());
        if (q.met()) {
            return base + " " + ui.t("meetings.quorumMet");
        }
        return base + " " + ui.t(q.personnel() ? "meetings.quorumNotMetPersonnel" : "meetings.quorumNotMet");
    }

    private HorizontalLayout actionsBar(Meeting m) {
        HorizontalLayout bar = new HorizontalLayout();
        long v = m.meta().version();
        if (m.status() == MinutesStatus.DRAFT) {
            bar.addComponent(button("meeting-edit", "action.edit", VaadinIcons.EDIT,
                    () -> new MeetingForm(ui, meetings, org, m, saved -> reload()).open()));
            bar.addComponent(button("meeting-circulate", "action.circulate", VaadinIcons.PAPERPLANE,
                    () -> act(() -> meetings.circulate(ui.caller(), id, v), "msg.circulated")));
        }
        if (m.status() == MinutesStatus.CIRCULATED) {
            bar.addComponent(button("meeting-sign", "action.sign", VaadinIcons.PENCIL, () -> signDialog(m)));
            bar.addComponent(button("meeting-issue", "action.issue", VaadinIcons.CHECK,
                    () -> ui.confirm(ui.t("action.issue"), ui.t("meetings.issueConfirm"),
                            () -> act(() -> meetings.issue(ui.caller(), id, v), "msg.issued"))));
            bar.addComponent(button("meeting-recall", "action.recall", VaadinIcons.ARROW_BACKWARD,
                    () -> ui.confirm(ui.t("action.recall"), ui.t("meetings.recallConfirm"),
                            () -> act(() -> meetings.recall(ui.caller(), id, v), "msg.saved"))));
        }
        if (m.status() == MinutesStatus.ISSUED) {
            bar.addComponent(button("meeting-correct", "action.correct", VaadinIcons.EDIT,
                    () -> reasonDialog("action.correct", reason -> meetings.startCorrection(ui.caller(), id, v, reason))));
        }
        if ((m.status() == MinutesStatus.DRAFT || m.status() == MinutesStatus.CIRCULATED) && m.number() == null) {
            bar.addComponent(button("meeting-cancel", "action.cancelMeeting", VaadinIcons.BAN,
                    () -> reasonDialog("action.cancelMeeting", reason -> meetings.cancel(ui.caller(), id, v, reason))));
        }
        Button print = new Button(ui.t("action.print"), VaadinIcons.PRINT);
        print.setId("meeting-print");
        StreamResource html = new StreamResource(() -> new java.io.ByteArrayInputStream(PrintHtml.render(
                meetings.print(ui.caller(), id, ui.locale()), ui.locale().toLanguageTag()).getBytes(StandardCharsets.UTF_8)),
                "minutes-" + id + ".html");
        html.setMIMEType("text/html; charset=UTF-8");
        html.setCacheTime(0);
        new BrowserWindowOpener(html).extend(print);
        bar.addComponent(print);
        PdfService service = pdf.get();
        if (service != null) {
            Button pdfButton = new Button(ui.t("action.pdf"), VaadinIcons.FILE_TEXT_O);
            pdfButton.setId("meeting-pdf");
            StreamResource res = new StreamResource(() -> new java.io.ByteArrayInputStream(service.render(
                    meetings.print(ui.caller(), id, ui.locale()))), "minutes-" + id + ".pdf");
            res.setMIMEType(PdfService.MEDIA_TYPE);
            res.setCacheTime(0);
            new FileDownloader(res).extend(pdfButton);
            bar.addComponent(pdfButton);
        }
        return bar;
    }

    private VerticalLayout followUps(Meeting m) {
        Grid<FollowUp> grid = new Grid<>();
        grid.setId("meeting-actions");
        grid.setWidth("100%");
        grid.addColumn(FollowUp::topicTitle).setCaption(ui.t("field.topicTitle"));
        grid.addColumn(FollowUp::title).setCaption(ui.t("field.actionTitle"));
        grid.addColumn(FollowUp::ownerName).setCaption(ui.t("field.owner"));
        grid.addColumn(f -> Ui.date(f.dueDate())).setCaption(ui.t("field.dueDate"));
        grid.addColumn(f -> ui.api(f.status().messageKey()) + (f.overdue() ? " · " + ui.t("value.overdue") : ""))
                .setCaption(ui.t("field.status"));
        grid.addColumn(f -> nz(f.evidence())).setCaption(ui.t("field.evidence"));
        List<FollowUp> items = meetings.followUps(ui.caller(), new FollowUpQuery(null, id, null, null, false), LocalDate.now(),
                PageRequest.first(500)).items();
        grid.setItems(items);
        grid.setHeightByRows(Math.max(1, Math.min(6, items.size())));
        Button add = button("meeting-add-action", "action.addAction", VaadinIcons.PLUS, () -> addActionDialog(m));
        add.setEnabled(m.status() != MinutesStatus.CANCELLED && m.topics().stream().anyMatch(t -> t.decision() != null));
        Button done = button("meeting-action-done", "action.complete", VaadinIcons.CHECK,
                () -> grid.getSelectedItems().stream().findFirst().ifPresent(f -> ActionsView.completeDialog(ui, meetings, f,
                        this::reload)));
        Label caption = Ui.h3(ui.t("meetings.actions"));
        Label none = new Label(ui.t("meetings.noActions"));
        none.addStyleName(ValoTheme.LABEL_LIGHT);
        none.setVisible(items.isEmpty());
        return new VerticalLayout(caption, new HorizontalLayout(add, done), none, grid);
    }

    private void addActionDialog(Meeting m) {
        ComboBox<Topic> topic = new ComboBox<>(ui.t("field.topicTitle"),
                m.topics().stream().filter(t -> t.decision() != null).toList());
        topic.setItemCaptionGenerator(t -> t.seq() + ". " + t.title());
        topic.setId("action-topic");
        topic.setWidth("100%");
        TextField title = new TextField(ui.t("field.actionTitle"));
        title.setId("action-title");
        title.setWidth("100%");
        ComboBox<Attendee> owner = new ComboBox<>(ui.t("field.owner"),
                m.attendees().stream().filter(a -> a.personId() != null).toList());
        owner.setItemCaptionGenerator(Attendee::name);
        owner.setId("action-owner");
        DateField due = new DateField(ui.t("field.dueDate"), LocalDate.now().plusDays(30));
        due.setDateFormat("yyyy-MM-dd");
        due.setId("action-due");
        Button save = new Button(ui.t("action.save"));
        save.setId("action-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(topic, title, owner, due, save);
        form.setMargin(true);
        form.setWidth("560px");
        Window w = ui.dialog(ui.t("action.addAction"), form);
        save.addClickListener(e -> {
            if (ui.save(() -> meetings.addFollowUp(ui.caller(), id, new FollowUpDraft(
                    topic.getSelectedItem().map(Topic::id).orElse(null), title.getValue(),
                    owner.getSelectedItem().map(Attendee::personId).orElse(null), due.getValue())),
                    java.util.Map.of("topicId", topic, "title", title, "ownerId", owner, "dueDate", due))) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                reload();
            }
        });
    }

    private void signDialog(Meeting m) {
        List<Attendee> leaders = m.attendees().stream().filter(a -> a.leadership() && a.present()
                && m.signatures().stream().map(Signature::personId).noneMatch(p -> p.equals(a.personId()))).toList();
        ComboBox<Attendee> who = new ComboBox<>(ui.t("field.signer"), leaders);
        who.setItemCaptionGenerator(Attendee::name);
        who.setId("sign-person");
        who.setEmptySelectionAllowed(false);
        if (!leaders.isEmpty()) {
            who.setValue(leaders.get(0));
        }
        Button ok = new Button(ui.t("action.sign"));
        ok.setId("sign-ok");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Label hint = new Label(ui.t("meetings.signHint"));
        hint.setWidth("360px");
        VerticalLayout body = new VerticalLayout(hint, who, ok);
        Window w = ui.dialog(ui.t("action.sign"), body);
        ok.addClickListener(e -> {
            w.close();
            act(() -> meetings.sign(ui.caller(), id, m.meta().version(),
                    who.getSelectedItem().map(Attendee::personId).orElse(null)), "msg.signed");
        });
    }

    private void reasonDialog(String titleKey, java.util.function.Consumer<String> action) {
        TextArea reason = new TextArea(ui.t("field.reason"));
        reason.setId("reason-text");
        reason.setWidth("400px");
        reason.setRows(3);
        Button ok = new Button(ui.t("action.confirm"));
        ok.setId("reason-ok");
        ok.addStyleName(ValoTheme.BUTTON_DANGER);
        Window w = ui.dialog(ui.t(titleKey), new VerticalLayout(new Label(ui.t("meetings.reasonHint")), reason, ok));
        ok.addClickListener(e -> {
            if (ui.save(() -> action.accept(reason.getValue()), java.util.Map.of("reason", reason))) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                reload();
            }
        });
    }

    private void act(Runnable action, String successKey) {
        if (ui.run(action)) {
            ui.ctx().notifySuccess(ui.t(successKey));
            reload();
        }
    }

    private Button button(String buttonId, String key, VaadinIcons icon, Runnable onClick) {
        Button b = new Button(ui.t(key), icon);
        b.setId(buttonId);
        b.addClickListener(e -> onClick.run());
        return b;
    }

    private Label field(String key, String value) {
        Label l = new Label(value);
        l.setCaption(ui.t(key));
        return l;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
