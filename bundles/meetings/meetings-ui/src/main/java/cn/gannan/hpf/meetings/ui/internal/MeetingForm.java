package cn.gannan.hpf.meetings.ui.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.meetings.api.Attendee;
import cn.gannan.hpf.meetings.api.AttendeeDraft;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.Category;
import cn.gannan.hpf.meetings.api.ExpectedAttendee;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MeetingDraft;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingType;
import cn.gannan.hpf.meetings.api.Topic;
import cn.gannan.hpf.meetings.api.TopicDraft;
import cn.gannan.hpf.meetings.spi.MeetingPlaceProvider;

/** The meeting form: header, attendance of the body's members, invited guests, topics. */
final class MeetingForm {

    /** One editable topic. */
    static final class TopicRow {
        String id;
        String title = "";
        String category;
        String submittedBy = "";
        String presenter = "";
        String summary = "";
        String decision = "";
        boolean personnel;
        String votesFor = "";
        String votesAgainst = "";
        String votesAbstain = "";
    }

    /** One attendance line of a member. */
    private record MemberRow(ExpectedAttendee member, CheckBox present, TextField reason) {
    }

    private final Ui ui;
    private final MeetingService meetings;
    private final OrgService org;
    private final Meeting existing;
    private final Consumer<Meeting> onSaved;

    private final ComboBox<OrgUnit> body = new ComboBox<>();
    private final ComboBox<MeetingType> type = new ComboBox<>();
    private final DateTimeField start = new DateTimeField();
    private final DateTimeField end = new DateTimeField();
    private final ComboBox<MeetingPlaceProvider.Place> bookable = new ComboBox<>();
    private final TextField place = new TextField();
    private final ComboBox<ExpectedAttendee> chair = new ComboBox<>();
    private final ComboBox<ExpectedAttendee> recorder = new ComboBox<>();
    private final TextField subject = new TextField();
    private final TextArea notes = new TextArea();
    private final VerticalLayout memberRows = new VerticalLayout();
    private final TextField invited = new TextField();
    private final Grid<TopicRow> topicGrid = new Grid<>();
    private final List<TopicRow> topics = new ArrayList<>();
    private final List<MemberRow> rows = new ArrayList<>();
    private List<Category> categories = List.of();

    MeetingForm(Ui ui, MeetingService meetings, OrgService org, Meeting existing, Consumer<Meeting> onSaved) {
        this.ui = ui;
        this.meetings = meetings;
        this.org = org;
        this.existing = existing;
        this.onSaved = onSaved;
    }

    void open() {
        body.setCaption(ui.t("field.body"));
        body.setId("meeting-body");
        body.setItemCaptionGenerator(OrgUnit::name);
        body.setEmptySelectionAllowed(false);
        String office = existing != null ? existing.officeCode() : ui.caller().officeCode();
        ui.run(() -> body.setItems(org.units(ui.caller(), office)));
        type.setCaption(ui.t("field.type"));
        type.setId("meeting-type");
        type.setItems(MeetingType.values());
        type.setItemCaptionGenerator(x -> ui.api(x.messageKey()));
        type.setEmptySelectionAllowed(false);
        start.setCaption(ui.t("field.startAt"));
        start.setId("meeting-start");
        start.setDateFormat("yyyy-MM-dd HH:mm");
        end.setCaption(ui.t("field.endAt"));
        end.setId("meeting-end");
        end.setDateFormat("yyyy-MM-dd HH:mm");
        place.setCaption(ui.t("field.place"));
        place.setId("meeting-place");
        place.setWidth("100%");
        bookable.setCaption(ui.t("field.bookPlace"));
        bookable.setId("meeting-book-place");
        bookable.setItemCaptionGenerator(p -> p.name() + " (" + p.capacity() + ")");
        List<MeetingPlaceProvider.Place> places = new ArrayList<>();
        ui.run(() -> places.addAll(meetings.places(ui.caller(), office)));
        bookable.setItems(places);
        bookable.setVisible(!places.isEmpty());
        bookable.setPlaceholder(ui.t("field.bookPlaceHint"));
        chair.setCaption(ui.t("field.chair"));
        chair.setId("meeting-chair");
        chair.setItemCaptionGenerator(ExpectedAttendee::name);
        recorder.setCaption(ui.t("field.recorder"));
        recorder.setId("meeting-recorder");
        recorder.setItemCaptionGenerator(ExpectedAttendee::name);
        subject.setCaption(ui.t("field.subject"));
        subject.setId("meeting-subject");
        subject.setWidth("100%");
        subject.setMaxLength(200);
        notes.setCaption(ui.t("field.notes"));
        notes.setId("meeting-notes");
        notes.setWidth("100%");
        notes.setRows(3);
        invited.setCaption(ui.t("field.invited"));
        invited.setId("meeting-invited");
        invited.setWidth("100%");
        invited.setPlaceholder(ui.t("field.invitedHint"));
        memberRows.setMargin(false);
        memberRows.setSpacing(false);
        memberRows.setCaption(ui.t("field.members"));
        ui.run(() -> categories = meetings.categories(ui.caller(), true));

        topicGrid.setId("meeting-topics");
        topicGrid.setCaption(ui.t("field.topics"));
        topicGrid.setWidth("100%");
        topicGrid.setHeightByRows(4);
        topicGrid.addColumn(r -> r.title).setCaption(ui.t("field.topicTitle"));
        topicGrid.addColumn(r -> categoryName(r.category)).setCaption(ui.t("field.category"));
        topicGrid.addColumn(r -> r.decision).setCaption(ui.t("field.decision"));
        Button addTopic = new Button(ui.t("action.addTopic"), VaadinIcons.PLUS);
        addTopic.setId("meeting-add-topic");
        addTopic.addClickListener(e -> editTopic(null));
        Button editTopic = new Button(ui.t("action.edit"), VaadinIcons.EDIT);
        editTopic.setId("meeting-edit-topic");
        editTopic.addClickListener(e -> topicGrid.getSelectedItems().stream().findFirst().ifPresent(this::editTopic));
        Button removeTopic = new Button(ui.t("action.remove"), VaadinIcons.TRASH);
        removeTopic.setId("meeting-remove-topic");
        removeTopic.addClickListener(e -> topicGrid.getSelectedItems().stream().findFirst().ifPresent(r -> {
            topics.remove(r);
            topicGrid.setItems(topics);
        }));

        body.addValueChangeListener(e -> loadMembers(e.getValue(), null));
        if (existing != null) {
            fill();
        } else {
            start.setValue(LocalDateTime.now().withSecond(0).withNano(0));
        }
        topicGrid.setItems(topics);

        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("bodyId", body);
        fields.put("type", type);
        fields.put("startAt", start);
        fields.put("endAt", end);
        fields.put("place", place);
        fields.put("placeId", bookable);
        fields.put("chairId", chair);
        fields.put("recorderId", recorder);
        fields.put("subject", subject);
        fields.put("notes", notes);
        fields.put("attendees", memberRows);
        fields.put("topics", topicGrid);

        Button save = new Button(ui.t("action.save"));
        save.setId("meeting-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        cancel.setId("meeting-cancel-form");
        FormLayout head = new FormLayout(body, type, start, end, bookable, place, chair, recorder, subject, notes);
        head.setMargin(false);
        Panel members = new Panel(memberRows);
        members.setHeight("220px");
        members.setCaption(ui.t("field.members"));
        VerticalLayout content = new VerticalLayout(head, members, invited, topicGrid,
                new HorizontalLayout(addTopic, editTopic, removeTopic), new HorizontalLayout(save, cancel));
        content.setWidth("860px");
        Panel scroll = new Panel(content);
        scroll.setHeight("640px");
        scroll.addStyleName(ValoTheme.PANEL_BORDERLESS);
        Window w = ui.dialog(ui.t(existing == null ? "meetings.new" : "meetings.edit"), scroll);
        w.setId("meeting-form");
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            Meeting[] saved = new Meeting[1];
            if (ui.save(() -> saved[0] = existing == null ? meetings.create(ui.caller(), draft())
                    : meetings.update(ui.caller(), existing.id(), existing.meta().version(), draft()), fields)) {
                w.close();
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                onSaved.accept(saved[0]);
            }
        });
    }

    private void fill() {
        Meeting m = existing;
        type.setValue(m.type());
        start.setValue(m.startAt());
        end.setValue(m.endAt());
        place.setValue(m.place() == null ? "" : m.place());
        subject.setValue(m.subject());
        notes.setValue(m.notes() == null ? "" : m.notes());
        invited.setValue(String.join("，", m.attendees().stream().filter(a -> a.kind() == AttendeeKind.INVITED)
                .map(Attendee::name).toList()));
        for (Topic t : m.topics()) {
            TopicRow r = new TopicRow();
            r.id = t.id();
            r.title = t.title();
            r.category = t.categoryCode();
            r.submittedBy = nz(t.submittedBy());
            r.presenter = nz(t.presenter());
            r.summary = nz(t.summary());
            r.decision = nz(t.decision());
            r.personnel = t.personnel();
            r.votesFor = t.votesFor() == null ? "" : String.valueOf(t.votesFor());
            r.votesAgainst = t.votesAgainst() == null ? "" : String.valueOf(t.votesAgainst());
            r.votesAbstain = t.votesAbstain() == null ? "" : String.valueOf(t.votesAbstain());
            topics.add(r);
        }
        ui.run(() -> {
            OrgUnit unit = org.unit(ui.caller(), m.bodyId());
            body.setValue(unit); // loads the members
            loadMembers(unit, m);
        });
    }

    private void loadMembers(OrgUnit unit, Meeting m) {
        memberRows.removeAllComponents();
        rows.clear();
        if (unit == null) {
            return;
        }
        List<ExpectedAttendee> members = new ArrayList<>();
        ui.run(() -> members.addAll(meetings.expectedAttendees(ui.caller(), unit.id())));
        chair.setItems(members);
        recorder.setItems(members);
        if (m != null) {
            members.stream().filter(x -> x.personId().equals(m.chairId())).findFirst().ifPresent(chair::setValue);
            members.stream().filter(x -> x.personId().equals(m.recorderId())).findFirst().ifPresent(recorder::setValue);
        } else if (!members.isEmpty()) {
            chair.setValue(members.get(0));
        }
        int i = 0;
        for (ExpectedAttendee x : members) {
            Attendee before = m == null ? null : m.attendees().stream()
                    .filter(a -> Objects.equals(a.personId(), x.personId())).findFirst().orElse(null);
            CheckBox present = new CheckBox(x.name() + (x.leadership() ? " ★" : ""), before == null || before.present());
            present.setId("attendee-present-" + i);
            TextField reason = new TextField();
            reason.setPlaceholder(ui.t("field.absenceReason"));
            reason.setId("attendee-reason-" + i);
            reason.setValue(before == null || before.absenceReason() == null ? "" : before.absenceReason());
            reason.setEnabled(!present.getValue());
            present.addValueChangeListener(e -> reason.setEnabled(!e.getValue()));
            HorizontalLayout line = new HorizontalLayout(present, reason);
            memberRows.addComponent(line);
            rows.add(new MemberRow(x, present, reason));
            i++;
        }
        if (members.isEmpty()) {
            memberRows.addComponent(new Label(ui.t("meetings.noMembers")));
        }
    }

    private MeetingDraft draft() {
        List<AttendeeDraft> attendees = new ArrayList<>();
        for (MemberRow r : rows) {
            attendees.add(new AttendeeDraft(r.member().personId(), r.member().name(), AttendeeKind.MEMBER,
                    r.present().getValue(), Ui.blankToNull(r.reason().getValue())));
        }
        for (String name : nz(invited.getValue()).split("[,，、;；]")) {
            if (!name.isBlank()) {
                attendees.add(new AttendeeDraft(null, name.strip(), AttendeeKind.INVITED, true, null));
            }
        }
        List<TopicDraft> list = new ArrayList<>();
        for (TopicRow r : topics) {
            list.add(new TopicDraft(r.id, r.title, r.category, Ui.blankToNull(r.submittedBy), Ui.blankToNull(r.presenter),
                    Ui.blankToNull(r.summary), Ui.blankToNull(r.decision), r.personnel, number(r.votesFor),
                    number(r.votesAgainst), number(r.votesAbstain)));
        }
        return new MeetingDraft(body.getSelectedItem().map(OrgUnit::id).orElse(null), type.getValue(), start.getValue(),
                end.getValue(), Ui.blankToNull(place.getValue()), bookable.getSelectedItem().map(MeetingPlaceProvider.Place::id)
                        .orElse(null), chair.getSelectedItem().map(ExpectedAttendee::personId).orElse(null),
                recorder.getSelectedItem().map(ExpectedAttendee::personId).orElse(null), subject.getValue(),
                Ui.blankToNull(notes.getValue()), attendees, list);
    }

    /** A vote count: blank is none; anything else not a whole number becomes a negative count the service refuses. */
    private static Integer number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String categoryName(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.name(ui.locale()))
                .orElse(code == null ? "" : code);
    }

    private void editTopic(TopicRow existingRow) {
        TopicRow r = existingRow == null ? new TopicRow() : existingRow;
        TextField title = new TextField(ui.t("field.topicTitle"), r.title);
        title.setId("topic-title");
        title.setWidth("100%");
        ComboBox<Category> category = new ComboBox<>(ui.t("field.category"), categories);
        category.setId("topic-category");
        category.setItemCaptionGenerator(c -> c.name(ui.locale()));
        categories.stream().filter(c -> c.code().equals(r.category)).findFirst().ifPresent(category::setValue);
        TextField submittedBy = new TextField(ui.t("field.submittedBy"), r.submittedBy);
        TextField presenter = new TextField(ui.t("field.presenter"), r.presenter);
        TextArea summary = new TextArea(ui.t("field.summary"), r.summary);
        summary.setWidth("100%");
        summary.setRows(3);
        TextArea decision = new TextArea(ui.t("field.decision"), r.decision);
        decision.setId("topic-decision");
        decision.setWidth("100%");
        decision.setRows(2);
        CheckBox personnel = new CheckBox(ui.t("field.personnel"), r.personnel);
        personnel.setId("topic-personnel");
        TextField yes = new TextField(ui.t("field.votesFor"), r.votesFor);
        yes.setId("topic-votes-for");
        TextField no = new TextField(ui.t("field.votesAgainst"), r.votesAgainst);
        TextField abstain = new TextField(ui.t("field.votesAbstain"), r.votesAbstain);
        Label hint = new Label(ui.t("meetings.voteHint"));
        hint.addStyleName(ValoTheme.LABEL_LIGHT);
        Button ok = new Button(ui.t("action.ok"));
        ok.setId("topic-ok");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        FormLayout form = new FormLayout(title, category, submittedBy, presenter, summary, decision, personnel,
                new HorizontalLayout(yes, no, abstain), hint, new HorizontalLayout(ok, cancel));
        form.setWidth("640px");
        form.setMargin(true);
        Window w = ui.dialog(ui.t("action.addTopic"), form);
        cancel.addClickListener(e -> w.close());
        ok.addClickListener(e -> {
            if (title.getValue().isBlank() || category.getValue() == null) {
                (title.getValue().isBlank() ? title : category)
                        .setComponentError(new com.vaadin.server.UserError(ui.t("validation.required")));
                return;
            }
            r.title = title.getValue().strip();
            r.category = category.getValue().code();
            r.submittedBy = submittedBy.getValue();
            r.presenter = presenter.getValue();
            r.summary = summary.getValue();
            r.decision = decision.getValue();
            r.personnel = personnel.getValue();
            r.votesFor = yes.getValue();
            r.votesAgainst = no.getValue();
            r.votesAbstain = abstain.getValue();
            if (existingRow == null) {
                topics.add(r);
            }
            topicGrid.setItems(topics);
            w.close();
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
