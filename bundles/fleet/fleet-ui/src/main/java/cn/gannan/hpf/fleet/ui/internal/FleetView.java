package cn.gannan.hpf.fleet.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.FleetService;
import cn.gannan.hpf.fleet.api.Release;
import cn.gannan.hpf.fleet.api.ReleaseService;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutDraft;
import cn.gannan.hpf.fleet.api.RolloutService;
import cn.gannan.hpf.fleet.api.RolloutTarget;
import cn.gannan.hpf.fleet.api.RolloutWave;
import cn.gannan.hpf.fleet.api.SigningKey;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveDraft;

/** The fleet at the centre, in four tabs: offices, rollouts, releases, history. Auditors see it without the actions. */
final class FleetView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final FleetUi ui;
    private final FleetService fleet;
    private final ReleaseService releases;
    private final RolloutService rollouts;
    private final boolean admin;

    private final Grid<FleetOffice> offices = new Grid<>();
    private final Grid<Rollout> plans = new Grid<>();
    private final Grid<Object[]> targets = new Grid<>();
    private final Label stopReason = new Label();
    private final Label noPlans;
    private final Grid<Release> published = new Grid<>();
    private final Label noReleases;
    private final Label keyInfo = new Label();
    private final Grid<AuditEntry> history = new Grid<>();
    private final ComboBox<FleetOffice> historyOffice = new ComboBox<>();

    FleetView(FleetUi ui, FleetService fleet, ReleaseService releases, RolloutService rollouts) {
        this.ui = ui;
        this.fleet = fleet;
        this.releases = releases;
        this.rollouts = rollouts;
        this.admin = ui.caller().has(Role.CENTRAL_ADMIN);
        noPlans = FleetUi.empty(ui.t("rollouts.empty"));
        noReleases = FleetUi.empty(ui.t("releases.empty"));
        setSizeFull();
        Label title = new Label(ui.t("fleet.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        Button refresh = new Button(ui.t("action.refresh"), e -> refresh());
        refresh.setId("fleet-refresh");
        TabSheet tabs = new TabSheet();
        tabs.setId("fleet-tabs");
        tabs.setSizeFull();
        tabs.addTab(officesTab(), ui.t("tab.offices")).setId("fleet-tab-offices");
        tabs.addTab(rolloutsTab(), ui.t("tab.rollouts")).setId("fleet-tab-rollouts");
        tabs.addTab(releasesTab(), ui.t("tab.releases")).setId("fleet-tab-releases");
        tabs.addTab(historyTab(), ui.t("tab.history")).setId("fleet-tab-history");
        addComponents(new HorizontalLayout(title, refresh), tabs);
        setExpandRatio(tabs, 1);
        refresh();
    }

    private void refresh() {
        ui.run(() -> {
            List<FleetOffice> all = fleet.offices(ui.caller());
            offices.setItems(all);
            historyOffice.setItems(all);
            List<Rollout> list = rollouts.rollouts(ui.caller());
            Optional<String> selected = plans.getSelectedItems().stream().findFirst().map(Rollout::id);
            plans.setItems(list);
            noPlans.setVisible(list.isEmpty());
            selected.flatMap(id -> list.stream().filter(r -> r.id().equals(id)).findFirst()).ifPresent(plans::select);
            showPlan(plans.getSelectedItems().stream().findFirst().orElse(null));
            List<Release> rel = releases.releases(ui.caller());
            published.setItems(rel);
            noReleases.setVisible(rel.isEmpty());
            Optional<SigningKey> key = releases.signingKey(ui.caller());
            keyInfo.setValue(key.map(k -> ui.t("releases.key", k.keyId(), k.publicKey())).orElse(ui.t("releases.noKey")));
            showHistory();
        });
    }

    // ---------------------------------------------------------------- offices

    private VerticalLayout officesTab() {
        offices.setId("fleet-offices");
        offices.setSizeFull();
        offices.addColumn(o -> o.officeCode() + " " + (ui.locale().getLanguage().equals("en") ? o.nameEn() : o.nameZh()))
                .setCaption(ui.t("col.office"));
        offices.addColumn(o -> FleetUi.text(o.runningRelease())).setCaption(ui.t("col.running"));
        offices.addColumn(o -> o.targetRelease() == null ? "" : o.targetRelease() + " #" + o.attempt()).setCaption(ui.t("col.target"));
        offices.addColumn(o -> ui.label("health", o.health())).setCaption(ui.t("col.health"))
                .setStyleGenerator(o -> o.health() == cn.gannan.hpf.fleet.api.Health.UNHEALTHY ? "hpf-warning" : null);
        offices.addColumn(o -> ui.label("phase", o.phase())).setCaption(ui.t("col.phase"));
        offices.addColumn(o -> FleetUi.time(o.lastSeen()) + (o.stale() ? " " + ui.t("fleet.stale") : "")).setCaption(ui.t("col.lastSeen"));
        offices.addColumn(o -> String.join(", ", o.modules())).setCaption(ui.t("col.modules"));
        offices.addColumn(o -> o.tokenIssued() ? ui.t("fleet.token.yes") : ui.t("fleet.token.no")).setCaption(ui.t("col.token"));
        offices.addColumn(o -> FleetUi.text(o.lastError())).setCaption(ui.t("col.lastError"));
        VerticalLayout tab = new VerticalLayout();
        tab.setSizeFull();
        if (admin) {
            Button issue = new Button(ui.t("action.issueToken"), e -> selectedOffice().ifPresent(this::issueToken));
            issue.setId("fleet-issue-token");
            Button revoke = new Button(ui.t("action.revokeToken"), e -> selectedOffice().ifPresent(o -> ui.confirm(ui.t("action.revokeToken"),
                    ui.t("confirm.revoke", o.officeCode()), () -> {
                        fleet.revokeToken(ui.caller(), o.officeCode());
                        ui.ctx().notifySuccess(ui.t("done.revoked", o.officeCode()));
                        refresh();
                    })));
            revoke.setId("fleet-revoke-token");
            Button modules = new Button(ui.t("action.modules"), e -> selectedOffice().ifPresent(this::editModules));
            modules.setId("fleet-modules");
            tab.addComponent(new HorizontalLayout(issue, revoke, modules));
        }
        tab.addComponent(offices);
        tab.setExpandRatio(offices, 1);
        return tab;
    }

    private Optional<FleetOffice> selectedOffice() {
        Optional<FleetOffice> o = offices.getSelectedItems().stream().findFirst();
        if (o.isEmpty()) {
            ui.ctx().notifySuccess(ui.t("hint.selectOffice"));
        }
        return o;
    }

    private void issueToken(FleetOffice o) {
        ui.confirm(ui.t("action.issueToken"), ui.t(o.tokenIssued() ? "confirm.reissue" : "confirm.issue", o.officeCode()), () -> {
            String token = fleet.issueToken(ui.caller(), o.officeCode());
            TextField shown = new TextField(ui.t("token.caption"), token);
            shown.setId("fleet-token-value");
            shown.setReadOnly(true);
            shown.setWidth("520px");
            Label how = new Label(ui.t("token.how", token));
            how.setWidth("520px");
            Button close = new Button(ui.t("action.close"));
            Window w = ui.dialog(ui.t("action.issueToken") + " " + o.officeCode(), new VerticalLayout(shown, how, close));
            close.addClickListener(e -> w.close());
            refresh();
        });
    }

    private void editModules(FleetOffice o) {
        TextField ids = new TextField(ui.t("modules.caption"), o.desiredModules() == null ? "" : String.join(",", o.desiredModules()));
        ids.setId("fleet-modules-ids");
        ids.setWidth("420px");
        ids.setPlaceholder(ui.t("modules.placeholder"));
        Button save = new Button(ui.t("action.save"));
        save.setId("fleet-modules-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button byOffice = new Button(ui.t("modules.byOffice"));
        byOffice.setId("fleet-modules-office");
        Window w = ui.dialog(ui.t("action.modules") + " " + o.officeCode(), new VerticalLayout(ids, new Label(ui.t("modules.help")),
                new HorizontalLayout(save, byOffice)));
        save.addClickListener(e -> {
            List<String> list = Arrays.stream(ids.getValue().split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
            if (ui.ctx().save(() -> fleet.setDesiredModules(ui.caller(), o.officeCode(), list), Map.of("modules", ids))) {
                w.close();
                refresh();
            }
        });
        byOffice.addClickListener(e -> {
            if (ui.run(() -> fleet.setDesiredModules(ui.caller(), o.officeCode(), null))) {
                w.close();
                refresh();
            }
        });
    }

    // ---------------------------------------------------------------- rollouts

    private VerticalLayout rolloutsTab() {
        plans.setId("fleet-rollouts");
        plans.setWidth("100%");
        plans.setHeight("220px");
        plans.addColumn(Rollout::name).setCaption(ui.t("col.name"));
        plans.addColumn(Rollout::release).setCaption(ui.t("col.release"));
        plans.addColumn(r -> ui.label("rolloutStatus", r.status())).setCaption(ui.t("col.status"));
        plans.addColumn(r -> r.currentWave() == null ? "" : ui.t("wave.of", r.currentWave().number(), r.waves().size()))
                .setCaption(ui.t("col.wave"));
        plans.addColumn(r -> r.errorThresholdPercent() + "%").setCaption(ui.t("col.errorThreshold"));
        plans.addColumn(r -> FleetUi.time(r.meta().createdAt())).setCaption(ui.t("col.created"));
        plans.addSelectionListener(e -> showPlan(e.getFirstSelectedItem().orElse(null)));
        targets.setId("fleet-rollout-targets");
        targets.setWidth("100%");
        targets.setHeight("360px");
        targets.addColumn(row -> ui.t("wave.label", ((RolloutWave) row[0]).number(), ui.label("waveStatus", ((RolloutWave) row[0]).status()),
                ((RolloutWave) row[0]).successPercent(), ui.t(((RolloutWave) row[0]).autoAdvance() ? "wave.auto" : "wave.approve")))
                .setCaption(ui.t("col.wave"));
        targets.addColumn(row -> ((RolloutTarget) row[1]).officeCode()).setCaption(ui.t("col.office"));
        targets.addColumn(row -> ui.label("targetStatus", ((RolloutTarget) row[1]).status())).setCaption(ui.t("col.status"))
                .setStyleGenerator(row -> ((RolloutTarget) row[1]).status() == TargetStatus.FAILED ? "hpf-warning" : null);
        targets.addColumn(row -> FleetUi.text(((RolloutTarget) row[1]).fromRelease())).setCaption(ui.t("col.from"));
        targets.addColumn(row -> ((RolloutTarget) row[1]).attempt()).setCaption(ui.t("col.attempt"));
        targets.addColumn(row -> FleetUi.text(((RolloutTarget) row[1]).lastError())).setCaption(ui.t("col.lastError"));
        stopReason.setId("fleet-stop-reason");
        stopReason.addStyleName(ValoTheme.LABEL_FAILURE);
        stopReason.setWidth("100%");
        // natural height: the plans, then the selected plan's offices right below (the view scrolls)
        VerticalLayout tab = new VerticalLayout();
        tab.setWidth("100%");
        if (admin) {
            Button create = new Button(ui.t("action.newRollout"), e -> createRollout());
            create.setId("fleet-new-rollout");
            create.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button start = action("fleet-rollout-start", "action.start", "confirm.start", r -> rollouts.start(ui.caller(), r.id()));
            Button approve = action("fleet-rollout-approve", "action.approve", "confirm.approve", r -> rollouts.approve(ui.caller(), r.id()));
            Button retry = action("fleet-rollout-retry", "action.retry", "confirm.retry", r -> rollouts.retry(ui.caller(), r.id(), null));
            Button cancel = action("fleet-rollout-cancel", "action.cancelRollout", "confirm.cancel", r -> rollouts.cancel(ui.caller(), r.id()));
            tab.addComponent(new HorizontalLayout(create, start, approve, retry, cancel));
        }
        tab.addComponents(noPlans, plans, stopReason, targets);
        return tab;
    }

    private Button action(String id, String caption, String confirm, java.util.function.Consumer<Rollout> act) {
        Button b = new Button(ui.t(caption), e -> {
            Optional<Rollout> r = plans.getSelectedItems().stream().findFirst();
            if (r.isEmpty()) {
                ui.ctx().notifySuccess(ui.t("hint.selectRollout"));
                return;
            }
            ui.confirm(ui.t(caption), ui.t(confirm, r.get().name(), r.get().release()), () -> {
                act.accept(r.get());
                ui.ctx().notifySuccess(ui.t("done.rollout", r.get().name()));
                refresh();
            });
        });
        b.setId(id);
        return b;
    }

    private void showPlan(Rollout r) {
        List<Object[]> rows = new ArrayList<>();
        if (r != null) {
            for (RolloutWave w : r.waves()) {
                for (RolloutTarget t : w.targets()) {
                    rows.add(new Object[] { w, t });
                }
            }
        }
        targets.setItems(rows);
        targets.setVisible(r != null);
        stopReason.setVisible(r != null && r.stopReason() != null);
        stopReason.setValue(r == null || r.stopReason() == null ? "" : r.stopReason().format(ui.locale()));
    }

    private void createRollout() {
        TextField name = new TextField(ui.t("field.name"));
        name.setId("fleet-rollout-name");
        name.setWidth("360px");
        ComboBox<String> release = new ComboBox<>(ui.t("field.release"));
        release.setId("fleet-rollout-release");
        release.setItems(releases.releases(ui.caller()).stream().map(Release::version).toList());
        release.setEmptySelectionAllowed(false);
        TextField threshold = new TextField(ui.t("field.errorThreshold"), "50");
        threshold.setId("fleet-rollout-threshold");
        TextArea waves = new TextArea(ui.t("field.waves"));
        waves.setId("fleet-rollout-waves");
        waves.setRows(4);
        waves.setWidth("420px");
        waves.setPlaceholder("GN01\nGN02,GN03,GN04/75/approve\nGN05,GN06,GN07,GN08");
        Label help = new Label(ui.t("field.waves.help"));
        help.setWidth("420px");
        Button save = new Button(ui.t("action.create"));
        save.setId("fleet-rollout-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        Window w = ui.dialog(ui.t("action.newRollout"), new VerticalLayout(name, release, threshold, waves, help,
                new HorizontalLayout(save, cancel)));
        cancel.addClickListener(e -> w.close());
        save.addClickListener(e -> {
            Map<String, com.vaadin.ui.AbstractComponent> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("release", release);
            fields.put("errorThresholdPercent", threshold);
            fields.put("waves", waves);
            int pct;
            try {
                pct = Integer.parseInt(threshold.getValue().strip().replace("%", ""));
            } catch (NumberFormatException ex) {
                pct = -1; // refused by the service with its rule
            }
            List<WaveDraft> drafts = waves.getValue().lines().filter(l -> !l.isBlank()).map(WaveDraft::parse).toList();
            RolloutDraft d = new RolloutDraft(name.getValue(), release.getValue(), pct, drafts);
            if (ui.ctx().save(() -> rollouts.create(ui.caller(), d), fields)) {
                w.close();
                ui.ctx().notifySuccess(ui.t("done.created", d.name()));
                refresh();
            }
        });
    }

    // ---------------------------------------------------------------- releases

    private VerticalLayout releasesTab() {
        published.setId("fleet-releases");
        published.setSizeFull();
        published.addColumn(Release::version).setCaption(ui.t("col.release"));
        published.addColumn(r -> FleetUi.time(r.publishedAt())).setCaption(ui.t("col.published"));
        published.addColumn(Release::publishedBy).setCaption(ui.t("col.by"));
        published.addColumn(Release::artifacts).setCaption(ui.t("col.artifacts"));
        published.addColumn(r -> String.format("%.1f MB", r.totalBytes() / 1048576.0)).setCaption(ui.t("col.size"));
        published.addColumn(Release::keyId).setCaption(ui.t("col.key"));
        keyInfo.setId("fleet-key");
        keyInfo.setWidth("100%");
        VerticalLayout tab = new VerticalLayout();
        tab.setSizeFull();
        if (admin) {
            Button keygen = new Button(ui.t("action.keygen"), e -> ui.confirm(ui.t("action.keygen"), ui.t("confirm.keygen"), () -> {
                boolean replace = releases.signingKey(ui.caller()).isPresent();
                releases.generateKey(ui.caller(), replace);
                refresh();
            }));
            keygen.setId("fleet-keygen");
            Button publish = new Button(ui.t("action.publish"), e -> publish());
            publish.setId("fleet-publish");
            publish.addStyleName(ValoTheme.BUTTON_PRIMARY);
            tab.addComponent(new HorizontalLayout(publish, keygen));
        }
        tab.addComponents(keyInfo, noReleases, published);
        tab.setExpandRatio(published, 1);
        return tab;
    }

    private void publish() {
        TextField version = new TextField(ui.t("field.version"));
        version.setId("fleet-publish-version");
        TextField from = new TextField(ui.t("field.sources"));
        from.setId("fleet-publish-sources");
        from.setWidth("420px");
        from.setPlaceholder(ui.t("field.sources.placeholder"));
        Button ok = new Button(ui.t("action.publish"));
        ok.setId("fleet-publish-ok");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(ui.t("action.cancel"));
        Window w = ui.dialog(ui.t("action.publish"), new VerticalLayout(version, from, new Label(ui.t("publish.help")),
                new HorizontalLayout(ok, cancel)));
        cancel.addClickListener(e -> w.close());
        ok.addClickListener(e -> {
            List<String> sources = Arrays.stream(from.getValue().split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            Release[] done = new Release[1];
            if (ui.ctx().save(() -> done[0] = releases.publish(ui.caller(), version.getValue().strip(), sources), Map.of("version", version))) {
                w.close();
                ui.ctx().notifySuccess(ui.t("done.published", done[0].version(), done[0].artifacts()));
                refresh();
            }
        });
    }

    // ---------------------------------------------------------------- history

    private VerticalLayout historyTab() {
        historyOffice.setId("fleet-history-office");
        historyOffice.setCaption(ui.t("col.office"));
        historyOffice.setPlaceholder(ui.t("history.all"));
        historyOffice.setItemCaptionGenerator(FleetOffice::officeCode);
        historyOffice.addValueChangeListener(e -> showHistory());
        history.setId("fleet-history");
        history.setSizeFull();
        history.addColumn(a -> FleetUi.time(a.at())).setCaption(ui.t("col.time"));
        history.addColumn(AuditEntry::username).setCaption(ui.t("col.by"));
        history.addColumn(AuditEntry::officeCode).setCaption(ui.t("col.office"));
        history.addColumn(a -> ui.t("entity." + a.entity())).setCaption(ui.t("col.entity"));
        history.addColumn(a -> FleetUi.text(a.changes()).replace("\n", "; ")).setCaption(ui.t("col.changes"));
        VerticalLayout tab = new VerticalLayout(historyOffice, history);
        tab.setSizeFull();
        tab.setExpandRatio(history, 1);
        return tab;
    }

    private void showHistory() {
        FleetOffice o = historyOffice.getValue();
        history.setItems(fleet.history(ui.caller(), o == null ? null : o.officeCode(), 200));
    }
}
