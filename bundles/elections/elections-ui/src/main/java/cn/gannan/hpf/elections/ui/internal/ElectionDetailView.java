package cn.gannan.hpf.elections.ui.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.BrowserWindowOpener;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.Panel;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintHtml;
import cn.gannan.hpf.elections.api.Approval;
import cn.gannan.hpf.elections.api.Ballot;
import cn.gannan.hpf.elections.api.BallotDifference;
import cn.gannan.hpf.elections.api.BallotEntry;
import cn.gannan.hpf.elections.api.Contest;
import cn.gannan.hpf.elections.api.Election;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.ElectionStatus;
import cn.gannan.hpf.elections.api.ExcuseReason;
import cn.gannan.hpf.elections.api.Roll;
import cn.gannan.hpf.elections.api.RollExclusion;
import cn.gannan.hpf.elections.api.Round;
import cn.gannan.hpf.elections.api.RoundOpening;
import cn.gannan.hpf.elections.api.RoundStatus;
import cn.gannan.hpf.elections.api.Voter;
import cn.gannan.hpf.elections.api.VoterStatus;
import cn.gannan.hpf.elections.api.rules.Mark;
import cn.gannan.hpf.elections.api.rules.RoundKind;
import cn.gannan.hpf.elections.api.rules.RuleCheck;

/** One election: plan, candidates, roll and sign-in, rounds with ballot entry and tally, checks, report. */
final class ElectionDetailView extends VerticalLayout {

    private final Ui ui;
    private final ElectionService elections;
    private final PersonService people;
    private final String id;
    private final PdfService pdf;
    private Election e;
    private int selectedTab;

    ElectionDetailView(Ui ui, ElectionService elections, PersonService people, String id, PdfService pdf) {
        this.ui = ui;
        this.elections = elections;
        this.people = people;
        this.id = id;
        this.pdf = pdf;
        setId("election-detail");
        setWidth("100%");
        reload();
    }

    private void reload() {
        removeAllComponents();
        Button back = new Button(ui.t("action.back"), VaadinIcons.ARROW_LEFT);
        back.setId("election-back");
        back.addStyleName(ValoTheme.BUTTON_LINK);
        back.addClickListener(x -> ui.ctx().navigate("elections"));
        addComponent(back);
        if (!ui.run(() -> e = elections.get(ui.caller(), id))) {
            addComponent(Ui.empty(ui.t("detail.notFound"), "election-not-found"));
            return;
        }
        addComponents(Ui.title(e.title()), header(), actions());
        TabSheet tabs = new TabSheet();
        tabs.setId("election-tabs");
        tabs.setWidth("100%");
        tabs.addTab(candidatesTab(), ui.t("tab.candidates")).setId("tab-candidates");
        tabs.addTab(rollTab(), ui.t("tab.roll")).setId("tab-roll");
        tabs.addTab(votingTab(), ui.t("tab.voting")).setId("tab-voting");
        tabs.addTab(checksTab(), ui.t("tab.checks")).setId("tab-checks");
        tabs.setSelectedTab(Math.min(selectedTab, 3));
        tabs.addSelectedTabChangeListener(x -> selectedTab = tabs.getTabPosition(tabs.getTab(tabs.getSelectedTab())));
        addComponent(tabs);
    }

    private FormLayout header() {
        FormLayout f = new FormLayout();
        f.setMargin(false);
        f.addComponent(field("detail-body", ui.t("field.body"), e.orgUnitName() + "（" + ui.rule(e.kind().messageKey()) + "）"));
        f.addComponent(field("detail-status", ui.t("field.status"), ui.rule(e.status().messageKey())));
        f.addComponent(field("detail-planned", ui.t("field.plannedDate"), String.valueOf(e.plannedDate())));
        f.addComponent(field("detail-term", ui.t("field.term"), e.termStart() == null ? ui.t("value.firstElection")
                : ui.t("value.term", String.valueOf(e.termStart()), String.valueOf(e.termEnds()), e.bodyType() == null
                        ? ui.rule(e.kind().messageKey()) : ui.core(e.bodyType().messageKey()), e.termYears(),
                        ui.rule(e.timing().messageKey()))));
        f.addComponent(field("detail-seats", ui.t("field.seats"), ui.t("value.seats", e.committeeSeats(), e.auditSeats(), e.deputySeats())));
        f.addComponent(field("detail-rules", ui.t("field.ruleSet"), ui.t("value.ruleSet", e.ruleSetVersion())));
        f.addComponent(field("detail-plan-approval", ui.t("field.planApproval"), approval(e.planApproval())));
        f.addComponent(field("detail-result-approval", ui.t("field.resultApproval"), approval(e.resultApproval())));
        if (e.candidateProduction() != null) {
            f.addComponent(field("detail-production", ui.t("field.candidateProduction"), e.candidateProduction()));
        }
        if (e.cancelReason() != null) {
            f.addComponent(field("detail-cancel", ui.t("field.cancelReason"), e.cancelReason()));
        }
        return f;
    }

    private String approval(Approval a) {
        return a == null ? ui.t("value.none") : a.approvedBy() + " " + a.approvedOn() + " " + a.documentNo();
    }

    private static Label field(String id, String caption, String value) {
        Label l = new Label(value);
        l.setCaption(caption);
        l.setId(id);
        return l;
    }

    private HorizontalLayout actions() {
        HorizontalLayout h = new HorizontalLayout();
        if (e.status() == ElectionStatus.PLANNED) {
            Button approve = new Button(ui.t("action.approvePlan"), VaadinIcons.CHECK);
            approve.setId("election-approve-plan");
            approve.addStyleName(ValoTheme.BUTTON_PRIMARY);
            approve.addClickListener(x -> approvalDialog(false));
            h.addComponent(approve);
        }
        if (e.status() == ElectionStatus.ELECTED) {
            Button approve = new Button(ui.t("action.approveResult"), VaadinIcons.CHECK);
            approve.setId("election-approve-result");
            approve.addStyleName(ValoTheme.BUTTON_PRIMARY);
            approve.addClickListener(x -> approvalDialog(true));
            h.addComponent(approve);
        }
        Button print = new Button(ui.t("action.report"), VaadinIcons.PRINT);
        print.setId("election-report");
        StreamResource html = new StreamResource(() -> new ByteArrayInputStream(PrintHtml.render(elections.report(ui.caller(), id), "zh-CN")
                .getBytes(StandardCharsets.UTF_8)), "report-" + id + ".html");
        html.setMIMEType("text/html; charset=UTF-8");
        html.setCacheTime(0);
        new BrowserWindowOpener(html).extend(print);
        h.addComponent(print);
        if (pdf != null) {
            Button pdfButton = new Button(ui.t("action.pdf"), VaadinIcons.FILE_TEXT_O);
            pdfButton.setId("election-pdf");
            StreamResource res = new StreamResource(() -> new ByteArrayInputStream(pdf.render(elections.report(ui.caller(), id))),
                    "election-" + id + ".pdf");
            res.setMIMEType(PdfService.MEDIA_TYPE);
            res.setCacheTime(0);
            new FileDownloader(res).extend(pdfButton);
            h.addComponent(pdfButton);
        }
        if (e.status() != ElectionStatus.IN_EFFECT && e.status() != ElectionStatus.CANCELLED) {
            Button cancel = new Button(ui.t("action.cancelElection"), VaadinIcons.BAN);
            cancel.setId("election-cancel");
            cancel.addStyleName(ValoTheme.BUTTON_DANGER);
            cancel.addClickListener(x -> cancelDialog());
            h.addComponent(cancel);
        }
        return h;
    }

    private void approvalDialog(boolean result) {
        TextField by = new TextField(ui.t("field.approvedBy"));
        by.setId("approval-by");
        by.setWidth("100%");
        // the plan is approved before the election, the result after it: today unless that is out of order
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")); // the office's date, as the service's
        LocalDate day = e.plannedDate();
        DateField on = new DateField(ui.t("field.approvedOn"), result ? (today.isBefore(day) ? day : today)
                : (today.isAfter(day) ? day : today));
        on.setId("approval-on");
        on.setDateFormat("yyyy-MM-dd");
        TextField no = new TextField(ui.t("field.documentNo"));
        no.setId("approval-no");
        Button save = new Button(ui.t("action.save"));
        save.setId("approval-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Label note = new Label(ui.t(result ? "approval.resultNote" : "approval.planNote"));
        FormLayout f = new FormLayout(note, by, on, no, save);
        f.setMargin(true);
        Window w = ui.dialog(ui.t(result ? "action.approveResult" : "action.approvePlan"), f, "approval-dialog");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("approvedBy", by);
        fields.put("approvedOn", on);
        fields.put("documentNo", no);
        save.addClickListener(x -> {
            Approval a = new Approval(by.getValue(), on.getValue(), no.getValue());
            if (ui.ctx().save(() -> {
                if (result) {
                    elections.approveResult(ui.caller(), id, e.meta().version(), a);
                } else {
                    elections.approvePlan(ui.caller(), id, e.meta().version(), a);
                }
            }, fields)) {
                w.close();
                ui.ctx().notifySuccess(ui.t("saved"));
                reload();
            }
        });
    }

    private void cancelDialog() {
        TextField reason = new TextField(ui.t("field.cancelReason"));
        reason.setId("cancel-reason");
        reason.setWidth("100%");
        Button ok = new Button(ui.t("action.cancelElection"));
        ok.setId("cancel-save");
        ok.addStyleName(ValoTheme.BUTTON_DANGER);
        FormLayout f = new FormLayout(new Label(ui.t("confirm.cancelElection")), reason, ok);
        f.setMargin(true);
        Window w = ui.dialog(ui.t("action.cancelElection"), f, "cancel-dialog");
        ok.addClickListener(x -> {
            if (ui.run(() -> elections.cancel(ui.caller(), id, e.meta().version(), reason.getValue()))) {
                w.close();
                reload();
            }
        });
    }

    private static String contestTitle(Ui ui, Contest c) {
        String what = c.post() != null ? ui.core(c.post().messageKey()) : ui.rule(c.kind().messageKey());
        return ui.t("contest.title", what, c.seats(), ui.rule(c.roll().messageKey()));
    }

    // ------------------------------------------------------------------ candidates

    private VerticalLayout candidatesTab() {
        VerticalLayout v = new VerticalLayout();
        v.setId("candidates-tab");
        for (Contest c : e.contests()) {
            VerticalLayout body = new VerticalLayout();
            Grid<Contest.Candidate> grid = new Grid<>();
            grid.setId("candidates-" + key(c));
            grid.setWidth("100%");
            grid.setHeightByRows(Math.max(2, Math.min(8, c.candidates().size())));
            grid.addColumn(Contest.Candidate::personName).setCaption(ui.t("field.name"));
            grid.addColumn(x -> x.elected() ? ui.t("value.elected") : "").setCaption(ui.t("field.result"));
            grid.setItems(c.candidates());
            body.addComponent(c.candidates().isEmpty() ? Ui.empty(ui.t("candidates.empty"), "candidates-empty-" + key(c)) : grid);
            ComboBox<Person> person = personBox("candidate-person-" + key(c));
            Button add = new Button(ui.t("action.addCandidate"), VaadinIcons.PLUS);
            add.setId("candidate-add-" + key(c));
            add.addClickListener(x -> {
                if (person.getValue() != null && ui.run(() -> elections.addCandidate(ui.caller(), c.id(), person.getValue().id()))) {
                    reload();
                }
            });
            Button remove = new Button(ui.t("action.removeCandidate"), VaadinIcons.MINUS);
            remove.setId("candidate-remove-" + key(c));
            remove.addClickListener(x -> grid.getSelectedItems().stream().findFirst().ifPresent(cand -> ui.confirm(
                    ui.t("confirm.removeCandidate", cand.personName()), "confirm-remove", () -> {
                        if (ui.run(() -> elections.removeCandidate(ui.caller(), cand.id()))) {
                            reload();
                        }
                    })));
            body.addComponent(new HorizontalLayout(person, add, remove));
            Panel p = new Panel(contestTitle(ui, c), body);
            v.addComponent(p);
        }
        return v;
    }

    private static String key(Contest c) {
        return c.kind().name().toLowerCase() + (c.post() == null ? "" : "-" + c.post().name().toLowerCase());
    }

    private ComboBox<Person> personBox(String boxId) {
        ComboBox<Person> box = new ComboBox<>();
        box.setId(boxId);
        box.setPlaceholder(ui.t("candidates.search"));
        box.setWidth("280px");
        box.setItemCaptionGenerator(p -> p.name() + " " + (p.staffNo() == null ? "" : p.staffNo()) + " "
                + ui.core(p.politicalStatus().messageKey()));
        box.setDataProvider((String filter, int offset, int limit) -> people.find(ui.caller(),
                new PersonQuery(null, filter == null || filter.isBlank() ? null : filter, null, null, Boolean.TRUE),
                new PageRequest(offset, limit)).items().stream(),
                filter -> (int) people.find(ui.caller(), new PersonQuery(null, filter == null || filter.isBlank() ? null : filter, null,
                        null, Boolean.TRUE), new PageRequest(0, 1)).total());
        return box;
    }

    // ------------------------------------------------------------------ roll

    private VerticalLayout rollTab() {
        VerticalLayout v = new VerticalLayout();
        v.setId("roll-tab");
        Roll shown = e.plenary().entitled() > 0 && e.contests().stream().anyMatch(c -> c.roll() == Roll.GENERAL && c.complete())
                ? Roll.PLENARY : Roll.GENERAL;
        RadioButtonGroup<Roll> which = new RadioButtonGroup<>();
        which.setId("roll-which");
        which.setItems(Roll.values());
        which.setItemCaptionGenerator(r -> ui.rule(r.messageKey()));
        which.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        which.setValue(shown);
        Label quorum = new Label();
        quorum.setId("roll-quorum");
        quorum.setWidth("100%");
        Grid<Voter> grid = new Grid<>();
        grid.setId("roll-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(Voter::personName).setCaption(ui.t("field.name")).setId("name");
        grid.addColumn(x -> ui.rule(x.status().messageKey())).setCaption(ui.t("field.status"));
        grid.addColumn(x -> x.excuseReason() == null ? "" : ui.rule(x.excuseReason().messageKey())).setCaption(ui.t("field.excuseReason"));
        grid.addColumn(x -> x.excuseApprovedBy() == null ? "" : x.excuseApprovedBy()).setCaption(ui.t("field.approvedBy"));
        Label empty = Ui.empty(ui.t("roll.empty"), "roll-empty");
        Grid<RollExclusion> excluded = new Grid<>();
        excluded.setId("roll-exclusions");
        excluded.setCaption(ui.t("roll.exclusions"));
        excluded.setWidth("100%");
        excluded.setSelectionMode(Grid.SelectionMode.NONE);
        excluded.addColumn(RollExclusion::personName).setCaption(ui.t("field.name")).setWidth(140);
        excluded.addColumn(x -> x.status() == null ? "" : ui.core(x.status().messageKey())).setCaption(ui.t("field.politicalStatus"))
                .setWidth(220);
        excluded.addColumn(x -> ui.format(x.reason())).setCaption(ui.t("field.reason"));
        Runnable load = () -> ui.run(() -> {
            List<Voter> voters = elections.roll(ui.caller(), id, which.getValue());
            grid.setItems(voters);
            empty.setVisible(voters.isEmpty());
            grid.setVisible(!voters.isEmpty());
            List<RollExclusion> out = which.getValue() == Roll.GENERAL ? elections.rollExclusions(ui.caller(), id) : List.of();
            excluded.setItems(out);
            excluded.setHeightByRows(Math.max(1, Math.min(6, out.size())));
            excluded.setVisible(!out.isEmpty());
            RuleCheck q = elections.quorum(ui.caller(), id, which.getValue());
            quorum.setValue((q.passed() ? "✔ " : "✘ ") + ui.format(q.message()));
        });
        which.addValueChangeListener(x -> load.run());
        Button build = new Button(ui.t("action.buildRoll"), VaadinIcons.USERS);
        build.setId("roll-build");
        build.addClickListener(x -> {
            if (ui.run(() -> elections.buildRoll(ui.caller(), id))) {
                reload();
            }
        });
        Button sign = new Button(ui.t("action.signIn"), VaadinIcons.SIGN_IN);
        sign.setId("roll-sign-in");
        sign.addStyleName(ValoTheme.BUTTON_PRIMARY);
        sign.addClickListener(x -> {
            for (Voter vt : grid.getSelectedItems()) {
                if (vt.status() == VoterStatus.EXPECTED && !ui.run(() -> elections.signIn(ui.caller(), vt.id(), vt.version()))) {
                    break;
                }
            }
            reload();
        });
        Button excuse = new Button(ui.t("action.excuse"), VaadinIcons.CLIPBOARD_CROSS);
        excuse.setId("roll-excuse");
        excuse.addClickListener(x -> grid.getSelectedItems().stream().findFirst().ifPresent(this::excuseDialog));
        Button reset = new Button(ui.t("action.resetVoter"), VaadinIcons.ROTATE_LEFT);
        reset.setId("roll-reset");
        reset.addClickListener(x -> {
            for (Voter vt : grid.getSelectedItems()) {
                ui.run(() -> elections.reset(ui.caller(), vt.id(), vt.version()));
            }
            reload();
        });
        v.addComponents(which, quorum, new HorizontalLayout(build, sign, excuse, reset), empty, grid, excluded);
        load.run();
        return v;
    }

    private void excuseDialog(Voter voter) {
        ComboBox<ExcuseReason> reason = new ComboBox<>(ui.t("field.excuseReason"));
        reason.setId("excuse-reason");
        reason.setItems(ExcuseReason.values());
        reason.setItemCaptionGenerator(r -> ui.rule(r.messageKey()));
        reason.setWidth("100%");
        TextField note = new TextField(ui.t("field.note"));
        note.setId("excuse-note");
        TextField by = new TextField(ui.t("field.approvedBy"));
        by.setId("excuse-approved-by");
        Button save = new Button(ui.t("action.save"));
        save.setId("excuse-save");
        FormLayout f = new FormLayout(new Label(voter.personName()), reason, note, by, save);
        f.setMargin(true);
        Window w = ui.dialog(ui.t("action.excuse"), f, "excuse-dialog");
        save.addClickListener(x -> {
            if (ui.run(() -> elections.excuse(ui.caller(), voter.id(), voter.version(), reason.getValue(), note.getValue(), by.getValue()))) {
                w.close();
                reload();
            }
        });
    }

    // ------------------------------------------------------------------ voting

    private VerticalLayout votingTab() {
        VerticalLayout v = new VerticalLayout();
        v.setId("voting-tab");
        if (e.status() == ElectionStatus.PLANNED) {
            v.addComponent(Ui.empty(ui.t("voting.notApproved"), "voting-not-approved"));
        }
        for (Contest c : e.contests()) {
            VerticalLayout body = new VerticalLayout();
            for (Round r : c.rounds()) {
                body.addComponent(roundPanel(c, r));
            }
            Optional<Round> open = c.rounds().stream().filter(r -> r.status() == RoundStatus.OPEN).findFirst();
            if (!c.complete() && open.isEmpty() && e.status() == ElectionStatus.APPROVED) {
                body.addComponent(openRoundForm(c));
                boolean shortfall = c.rounds().stream().anyMatch(r -> r.status() == RoundStatus.COUNTED)
                        && c.candidates().stream().anyMatch(Contest.Candidate::elected);
                if (shortfall) {
                    TextField consent = new TextField(ui.t("field.consenting"));
                    consent.setId("reduce-consent-" + key(c));
                    Button reduce = new Button(ui.t("action.reduceSeats"));
                    reduce.setId("reduce-seats-" + key(c));
                    reduce.addClickListener(x -> ui.confirm(ui.t("confirm.reduceSeats"), "confirm-reduce", () -> {
                        Integer n = Ui.parseInt(consent.getValue());
                        if (ui.run(() -> elections.reduceSeats(ui.caller(), c.id(), n == null ? -1 : n))) {
                            reload();
                        }
                    }));
                    body.addComponent(new HorizontalLayout(consent, reduce));
                }
            }
            if (c.complete()) {
                body.addComponent(new Label(ui.t("contest.complete", String.join("、", c.candidates().stream()
                        .filter(Contest.Candidate::elected).map(Contest.Candidate::personName).toList()))));
            }
            v.addComponent(new Panel(contestTitle(ui, c), body));
        }
        return v;
    }

    private FormLayout openRoundForm(Contest c) {
        boolean counted = c.rounds().stream().anyMatch(r -> r.status() == RoundStatus.COUNTED);
        ComboBox<RoundKind> kind = new ComboBox<>(ui.t("field.roundKind"));
        kind.setId("round-kind-" + key(c));
        kind.setItems(RoundKind.values());
        kind.setItemCaptionGenerator(k -> ui.rule(k.messageKey()));
        kind.setEmptySelectionAllowed(false);
        kind.setValue(counted ? RoundKind.FURTHER : RoundKind.REGULAR);
        TextField issued = new TextField(ui.t("field.issued"));
        issued.setId("round-issued-" + key(c));
        TextField scrutineers = new TextField(ui.t("field.scrutineers"));
        scrutineers.setId("round-scrutineers-" + key(c));
        TextField tellers = new TextField(ui.t("field.tellers"));
        tellers.setId("round-tellers-" + key(c));
        CheckBox dbl = new CheckBox(ui.t("field.doubleEntry"));
        dbl.setId("round-double-" + key(c));
        Button open = new Button(ui.t("action.openRound"), VaadinIcons.PLAY);
        open.setId("round-open-" + key(c));
        open.addStyleName(ValoTheme.BUTTON_PRIMARY);
        open.addClickListener(x -> {
            Integer n = Ui.parseInt(issued.getValue());
            if (ui.run(() -> elections.openRound(ui.caller(), c.id(), new RoundOpening(kind.getValue(), n == null ? -1 : n,
                    scrutineers.getValue(), tellers.getValue(), dbl.getValue())))) {
                reload();
            }
        });
        FormLayout f = new FormLayout(kind, issued, scrutineers, tellers, dbl, open);
        f.setCaption(ui.t("round.openCaption"));
        return f;
    }

    private VerticalLayout roundPanel(Contest c, Round r) {
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        v.addComponent(new Label(ui.t("round.summary", r.number(), ui.rule(r.kind().messageKey()), r.seats(), r.issued(),
                r.returned() == null ? "-" : r.returned(), ui.rule(r.status().messageKey()), r.present(), r.expected(), r.entered())));
        if (r.status() == RoundStatus.OPEN) {
            v.addComponent(ballotForm(r));
        } else if (r.status() == RoundStatus.COUNTED) {
            Grid<Round.Result> g = new Grid<>();
            g.setId("results-" + r.id());
            g.addStyleName("election-results");
            g.setWidth("100%");
            g.setHeightByRows(Math.max(1, Math.min(10, r.results().size())));
            g.addColumn(x -> x.personName() + (x.writeIn() ? ui.t("value.writeIn") : "")).setCaption(ui.t("field.name"));
            g.addColumn(Round.Result::approvals).setCaption(ui.rule("mark.APPROVE"));
            g.addColumn(Round.Result::disapprovals).setCaption(ui.rule("mark.DISAPPROVE"));
            g.addColumn(Round.Result::abstentions).setCaption(ui.rule("mark.ABSTAIN"));
            g.addColumn(x -> ui.rule(x.outcome().messageKey())).setCaption(ui.t("field.result"));
            g.setItems(r.results());
            v.addComponents(new Label(ui.t("round.counted", r.validBallots(), r.invalidBallots(), r.majorityRequired())), g);
        }
        return v;
    }

    private VerticalLayout ballotForm(Round r) {
        VerticalLayout v = new VerticalLayout();
        v.setId("ballot-form");
        v.setMargin(false);
        TextField serial = new TextField(ui.t("field.serial"), String.valueOf(r.entered() + 1));
        serial.setId("ballot-serial");
        ComboBox<Integer> entry = new ComboBox<>(ui.t("field.entry"));
        entry.setId("ballot-entry");
        entry.setItems(r.doubleEntry() ? List.of(1, 2) : List.of(1));
        entry.setValue(1);
        entry.setEmptySelectionAllowed(false);
        FormLayout marks = new FormLayout();
        Map<String, RadioButtonGroup<Mark>> groups = new LinkedHashMap<>();
        for (int i = 0; i < r.candidates().size(); i++) {
            RadioButtonGroup<Mark> g = new RadioButtonGroup<>(r.names().get(i));
            g.setId("mark-" + i);
            g.setItems(Mark.values());
            g.setItemCaptionGenerator(m -> ui.rule(m.messageKey()));
            g.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
            groups.put(r.candidates().get(i), g);
            marks.addComponent(g);
        }
        List<Person> writeIns = new ArrayList<>();
        Label writeInList = new Label();
        ComboBox<Person> writeIn = personBox("ballot-write-in");
        Button addWriteIn = new Button(ui.t("action.addWriteIn"));
        addWriteIn.setId("ballot-add-write-in");
        addWriteIn.addClickListener(x -> {
            if (writeIn.getValue() != null) {
                writeIns.add(writeIn.getValue());
                writeInList.setValue(String.join("、", writeIns.stream().map(Person::name).toList()));
                writeIn.clear();
            }
        });
        CheckBox spoiled = new CheckBox(ui.t("field.spoiled"));
        spoiled.setId("ballot-spoiled");
        Button enter = new Button(ui.t("action.enterBallot"), VaadinIcons.PLUS);
        enter.setId("ballot-enter");
        enter.addStyleName(ValoTheme.BUTTON_PRIMARY);
        enter.addClickListener(x -> {
            Map<String, Mark> m = new HashMap<>();
            groups.forEach((cand, g) -> {
                if (g.getValue() != null) {
                    m.put(cand, g.getValue());
                }
            });
            Integer s = Ui.parseInt(serial.getValue());
            ui.run(() -> {
                Ballot b = elections.enterBallot(ui.caller(), r.id(), new BallotEntry(s == null ? -1 : s, entry.getValue(), m,
                        writeIns.stream().map(Person::id).toList(), spoiled.getValue()));
                Notification.show(b.valid() ? ui.t("ballot.valid", b.serial())
                        : ui.t("ballot.invalid", b.serial(), String.join(" ", b.reasons().stream().map(ui::format).toList())),
                        b.valid() ? Notification.Type.TRAY_NOTIFICATION : Notification.Type.WARNING_MESSAGE);
                reload();
            });
        });
        Button diffs = new Button(ui.t("action.differences"), VaadinIcons.SPLIT);
        diffs.setId("ballot-differences");
        diffs.setVisible(r.doubleEntry());
        diffs.addClickListener(x -> ui.run(() -> {
            List<BallotDifference> d = elections.differences(ui.caller(), r.id());
            Grid<BallotDifference> g = new Grid<>();
            g.setId("differences-grid");
            g.setWidth("100%");
            g.addColumn(BallotDifference::serial).setCaption(ui.t("field.serial"));
            g.addColumn(bd -> nameOrSubject(r, bd.subject())).setCaption(ui.t("field.subject"));
            g.addColumn(BallotDifference::first).setCaption(ui.t("field.first"));
            g.addColumn(BallotDifference::second).setCaption(ui.t("field.second"));
            g.setItems(d);
            ui.dialog(ui.t("action.differences"), d.isEmpty() ? new Label(ui.t("differences.none")) : g, "differences-dialog");
        }));
        TextField returned = new TextField(ui.t("field.returned"));
        returned.setId("round-returned");
        Button close = new Button(ui.t("action.closeRound"), VaadinIcons.CALC);
        close.setId("round-close");
        close.addStyleName(ValoTheme.BUTTON_FRIENDLY);
        close.addClickListener(x -> ui.confirm(ui.t("confirm.closeRound"), "confirm-close", () -> {
            Integer n = Ui.parseInt(returned.getValue());
            ui.run(() -> {
                Round done = elections.closeRound(ui.caller(), r.id(), n == null ? -1 : n);
                if (done.status() == RoundStatus.VOID) {
                    Notification.show(ui.t("round.void"), Notification.Type.WARNING_MESSAGE);
                }
                reload();
            });
        }));
        v.addComponents(new HorizontalLayout(serial, entry), marks, new HorizontalLayout(writeIn, addWriteIn, writeInList), spoiled,
                new HorizontalLayout(enter, diffs), new HorizontalLayout(returned, close));
        return v;
    }

    private static String nameOrSubject(Round r, String subject) {
        int i = r.candidates().indexOf(subject);
        return i >= 0 ? r.names().get(i) : subject;
    }

    // ------------------------------------------------------------------ checks

    private VerticalLayout checksTab() {
        VerticalLayout v = new VerticalLayout();
        v.setId("checks-tab");
        ui.run(() -> {
            for (RuleCheck c : elections.checks(ui.caller(), id)) {
                Label l = new Label((c.passed() ? "✔ " : "✘ ") + ui.format(c.message()));
                l.setWidth("100%");
                l.addStyleName(c.passed() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
                v.addComponent(l);
            }
        });
        return v;
    }
}
