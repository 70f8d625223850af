package cn.gannan.hpf.talks.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.TwinColSelect;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.OrgUnit;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.talks.api.FollowUpDraft;
import cn.gannan.hpf.talks.api.Participant;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkService;
import cn.gannan.hpf.talks.api.TalkTrigger;
import cn.gannan.hpf.talks.spi.DecisionSource;

/**
 * The talk form (new or edit). Checks are the service's: its field errors appear next to the
 * fields, all at once. The link to a meeting is offered only when a decision source is installed.
 */
final class TalkFormView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient Ui ui;
    private final transient TalkService talks;
    private final ComboBox<Office> office;
    private final ComboBox<TalkKind> kind = new ComboBox<>();
    private final DateField date = new DateField();
    private final TextField place = new TextField();
    private final TwinColSelect<Person> talkers = new TwinColSelect<>();
    private final TwinColSelect<Person> targets = new TwinColSelect<>();
    private final ComboBox<OrgUnit> body = new ComboBox<>();
    private final TextField decidedBy = new TextField();
    private final ComboBox<DecisionSource> decision = new ComboBox<>();
    private final ComboBox<TalkTrigger> trigger = new ComboBox<>();
    private final TextField triggerNote = new TextField();
    private final TextArea topics = new TextArea();
    private final TextArea summary = new TextArea();
    private final TextField followUp = new TextField();
    private final ComboBox<Person> followUpOwner = new ComboBox<>();
    private final DateField followUpDue = new DateField();

    TalkFormView(Ui ui, TalkService talks, PersonService people, OrgService org, OfficeService offices, String id) {
        this.ui = ui;
        this.talks = talks;
        setId("talk-form");
        setWidth("100%");
        Talk existing = null;
        if (id != null) {
            try {
                existing = talks.get(ui.caller(), id);
            } catch (RuntimeException e) {
                ui.ctx().showError(e);
            }
        }
        Talk ex = existing;
        Label title = new Label(ui.t(ex == null ? "form.newTitle" : "form.editTitle"));
        title.addStyleName(ValoTheme.LABEL_H2);
        if (id != null && (ex == null || !ex.canEdit())) {
            addComponents(title, Ui.empty(ui.t("form.cannotEdit")), back());
            office = null;
            return;
        }

        office = new ComboBox<>(ui.t("field.office"));
        office.setItems(offices.offices());
        office.setItemCaptionGenerator(o -> o.name(ui.locale()));
        office.setEmptySelectionAllowed(false);
        office.setValue(offices.find(ex == null ? ui.caller().officeCode() : ex.officeCode()).orElse(null));
        office.setEnabled(ui.caller().writesAllOffices());
        office.setId("talk-office");

        kind.setCaption(ui.t("field.kind"));
        kind.setId("talk-kind");
        List<TalkKind> kinds = new ArrayList<>(talks.kinds(false));
        if (ex != null && kinds.stream().noneMatch(k -> k.code().equals(ex.kind().code()))) {
            kinds.add(ex.kind());
        }
        kind.setItems(kinds);
        kind.setItemCaptionGenerator(ui::kind);
        kind.setEmptySelectionAllowed(false);
        date.setCaption(ui.t("field.date"));
        date.setId("talk-date");
        date.setDateFormat("yyyy-MM-dd");
        place.setCaption(ui.t("field.place"));
        place.setId("talk-place");
        place.setMaxLength(100);

        List<Person> directory = new ArrayList<>();
        ui.run(() -> directory.addAll(people.find(ui.caller(), new PersonQuery(null, null, null, null, Boolean.TRUE),
                new PageRequest(0, PageRequest.MAX_LIMIT)).items()));
        if (ex != null) { // people of the talk who are outside the caller's directory or no longer active
            Set<String> known = new LinkedHashSet<>();
            directory.forEach(p -> known.add(p.id()));
            for (Participant p : all(ex)) {
                if (known.add(p.personId())) {
                    directory.add(new Person(p.personId(), p.officeCode(), p.name(), null, null, null, null, null, null,
                            true, null));
                }
            }
        }
        directory.sort(Comparator.comparing(Person::officeCode).thenComparing(Person::name));
        for (TwinColSelect<Person> s : List.of(talkers, targets)) {
            s.setItems(directory);
            s.setItemCaptionGenerator(p -> p.name() + " · " + (p.jobTitle() == null ? p.officeCode() : p.jobTitle()));
            s.setRows(8);
            s.setWidth("640px");
            s.setLeftColumnCaption(ui.t("form.available"));
            s.setRightColumnCaption(ui.t("form.chosen"));
        }
        talkers.setCaption(ui.t("field.talkers"));
        talkers.setId("talk-talkers");
        targets.setCaption(ui.t("field.targets"));
        targets.setId("talk-targets");

        body.setCaption(ui.t("field.body"));
        body.setId("talk-body");
        List<OrgUnit> units = new ArrayList<>();
        ui.run(() -> units.addAll(org.units(ui.caller(), null)));
        body.setItems(units);
        body.setItemCaptionGenerator(OrgUnit::name);
        body.setPlaceholder(ui.t("form.bodyHint"));
        decidedBy.setCaption(ui.t("field.decidedBy"));
        decidedBy.setId("talk-decided-by");
        decidedBy.setMaxLength(200);
        decidedBy.setWidth("420px");
        decision.setCaption(ui.t("field.decision"));
        decision.setId("talk-decision");
        decision.setItemCaptionGenerator(DecisionSource::displayText);
        decision.setWidth("420px");
        int y = ex == null ? LocalDate.now().getYear() : ex.date().getYear();
        List<DecisionSource> sources = new ArrayList<>();
        ui.run(() -> sources.addAll(talks.decisionSources(ui.caller(), ex == null ? null : ex.officeCode(), y)));
        decision.setItems(sources);
        decision.setVisible(!sources.isEmpty() || (ex != null && ex.decision() != null));

        trigger.setCaption(ui.t("field.trigger"));
        trigger.setId("talk-trigger");
        trigger.setItems(TalkTrigger.values());
        trigger.setItemCaptionGenerator(t -> ui.t(t.messageKey()));
        triggerNote.setCaption(ui.t("field.triggerNote"));
        triggerNote.setMaxLength(200);
        topics.setCaption(ui.t("field.topics"));
        topics.setId("talk-topics");
        topics.setRows(2);
        topics.setWidth("640px");
        summary.setCaption(ui.t("field.summary"));
        summary.setId("talk-summary");
        summary.setRows(6);
        summary.setWidth("640px");
        summary.setDescription(ui.t("form.summaryHint"));

        followUp.setCaption(ui.t("field.followUp"));
        followUp.setId("talk-followup");
        followUp.setWidth("420px");
        followUpOwner.setCaption(ui.t("field.owner"));
        followUpOwner.setItems(directory);
        followUpOwner.setItemCaptionGenerator(Person::name);
        followUpDue.setCaption(ui.t("field.dueDate"));
        followUpDue.setDateFormat("yyyy-MM-dd");

        if (ex != null) {
            kind.setValue(ex.kind());
            date.setValue(ex.date());
            place.setValue(nz(ex.place()));
            talkers.setValue(select(directory, ex.talkers()));
            targets.setValue(select(directory, ex.targets()));
            units.stream().filter(u -> u.id().equals(ex.decidingUnitId())).findFirst().ifPresent(body::setValue);
            decidedBy.setValue(nz(ex.decidedBy()));
            if (ex.decision() != null) {
                Optional<DecisionSource> cur = sources.stream().filter(s -> s.refId().equals(ex.decision().refId())).findFirst();
                DecisionSource d = cur.orElse(new DecisionSource(ex.decision().sourceId(), ex.decision().refId(),
                        ex.officeCode(), null, null, ex.decision().text()));
                if (cur.isEmpty()) {
                    sources.add(d);
                    decision.setItems(sources);
                }
                decision.setValue(d);
            }
            trigger.setValue(ex.trigger());
            triggerNote.setValue(nz(ex.triggerNote()));
            topics.setValue(nz(ex.topics()));
            summary.setValue(nz(ex.summary()));
        } else {
            date.setValue(LocalDate.now());
            trigger.setValue(TalkTrigger.ROUTINE);
        }

        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("officeCode", office);
        fields.put("kindCode", kind);
        fields.put("date", date);
        fields.put("place", place);
        fields.put("talkerIds", talkers);
        fields.put("targetIds", targets);
        fields.put("decidingUnitId", body);
        fields.put("decidedBy", decidedBy);
        fields.put("decisionRefId", decision);
        fields.put("decisionText", decision);
        fields.put("trigger", trigger);
        fields.put("triggerNote", triggerNote);
        fields.put("topics", topics);
        fields.put("summary", summary);
        fields.put("followUps[0]", followUp);

        Button save = new Button(ui.t("action.save"));
        save.setId("talk-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        save.addClickListener(e -> {
            Talk[] saved = new Talk[1];
            if (ui.save(() -> saved[0] = ex == null ? talks.create(ui.caller(), draft())
                    : talks.update(ui.caller(), ex.id(), ex.meta().version(), draft()), fields)) {
                ui.ctx().notifySuccess(ui.t("msg.saved"));
                ui.ctx().navigate(TalksContribution.ID + "/" + saved[0].id());
            }
        });
        FormLayout form = new FormLayout(office, kind, date, place, talkers, targets, body, decidedBy, decision, trigger,
                triggerNote, topics, summary);
        if (ex != null && !ex.contentVisible()) { // the service keeps the content of a recorder not entitled to it
            topics.setVisible(false);
            summary.setVisible(false);
            form.addComponent(new Label(ui.t("detail.confidential")));
        }
        if (ex == null) {
            form.addComponents(followUp, followUpOwner, followUpDue);
        }
        form.setMargin(false);
        addComponents(title, form, new HorizontalLayout(save, back()));
    }

    private Button back() {
        Button cancel = new Button(ui.t("action.cancel"));
        cancel.setId("talk-cancel");
        cancel.addClickListener(e -> ui.ctx().navigate(TalksContribution.ID));
        return cancel;
    }

    private static List<Participant> all(Talk t) {
        List<Participant> l = new ArrayList<>(t.talkers());
        l.addAll(t.targets());
        return l;
    }

    private static Set<Person> select(List<Person> directory, List<Participant> ps) {
        Set<Person> out = new LinkedHashSet<>();
        for (Participant p : ps) {
            directory.stream().filter(d -> d.id().equals(p.personId())).findFirst().ifPresent(out::add);
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private TalkDraft draft() {
        Optional<DecisionSource> d = decision.getSelectedItem();
        List<FollowUpDraft> fus = new ArrayList<>();
        if (Ui.blankToNull(followUp.getValue()) != null) {
            fus.add(new FollowUpDraft(followUp.getValue(), followUpOwner.getSelectedItem().map(Person::id).orElse(null),
                    followUpDue.getValue()));
        }
        return new TalkDraft(office.getSelectedItem().map(Office::code).orElse(null),
                kind.getSelectedItem().map(TalkKind::code).orElse(null), date.getValue(), Ui.blankToNull(place.getValue()),
                talkers.getValue().stream().map(Person::id).toList(), targets.getValue().stream().map(Person::id).toList(),
                body.getSelectedItem().map(OrgUnit::id).orElse(null), Ui.blankToNull(decidedBy.getValue()),
                d.map(DecisionSource::sourceId).orElse(null), d.map(DecisionSource::refId).orElse(null),
                d.map(DecisionSource::displayText).orElse(null), trigger.getValue(), Ui.blankToNull(triggerNote.getValue()),
                Ui.blankToNull(topics.getValue()), Ui.blankToNull(summary.getValue()), fus);
    }
}
