package cn.gannan.hpf.elections.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.ItemCaptionGenerator;
import com.vaadin.ui.Grid;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.elections.api.RuleSetRecord;
import cn.gannan.hpf.elections.api.rules.Comparison;
import cn.gannan.hpf.elections.api.rules.Fraction;
import cn.gannan.hpf.elections.api.rules.MajorityBase;
import cn.gannan.hpf.elections.api.rules.OrgKind;
import cn.gannan.hpf.elections.api.rules.QuorumBase;
import cn.gannan.hpf.elections.api.rules.Rounding;
import cn.gannan.hpf.elections.api.rules.RuleSet;
import cn.gannan.hpf.elections.api.rules.WriteIns;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;

/** 选举规则: the rule set of each organisation type, viewed and changed by admins (each change a new, audited version). */
@Component(service = AdminPage.class, property = {
        ShellConstants.ID + "=admin-election-rules",
        ShellConstants.TITLE + "=admin.rules.title",
        ShellConstants.ICON + "=SCALE",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN,
        ShellConstants.ORDER + ":Integer=60",
        ShellConstants.ROLES + "=OFFICE_ADMIN",
        ShellConstants.ROLES + "=CENTRAL_ADMIN" })
public class RuleSetsAdminPage implements AdminPage {

    @Reference
    private ElectionService elections;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        Ui ui = new Ui(context);
        VerticalLayout v = new VerticalLayout();
        v.setId("admin-election-rules");
        Grid<RuleSetRecord> grid = new Grid<>();
        grid.setId("rules-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(4);
        grid.addColumn(r -> ui.rule(r.rules().kind().messageKey())).setCaption(ui.t("field.kind"));
        grid.addColumn(r -> r.rules().version()).setCaption(ui.t("field.version"));
        grid.addColumn(r -> ui.rule(r.rules().quorumComparison().messageKey()) + " " + r.rules().quorum() + " "
                + ui.rule(r.rules().quorumBase().messageKey())).setCaption(ui.t("rules.quorum"));
        grid.addColumn(r -> ">= " + ElectionServiceLabels.percent(r.rules().differentialRatio()) + " "
                + ui.rule(r.rules().differentialRounding().messageKey())).setCaption(ui.t("rules.differential"));
        grid.addColumn(r -> ui.rule(r.rules().majorityComparison().messageKey()) + " " + r.rules().majority() + " "
                + ui.rule(r.rules().majorityBase().messageKey())).setCaption(ui.t("rules.majority"));
        grid.addColumn(r -> ui.rule(r.rules().writeIns().messageKey())).setCaption(ui.t("rules.writeIns"));
        grid.addColumn(r -> ui.t(r.rules().proxiesAllowed() ? "value.yes" : "value.no")).setCaption(ui.t("rules.proxies"));
        grid.addColumn(r -> r.rules().termYears()).setCaption(ui.t("rules.termYears"));
        grid.addColumn(r -> r.rules().primaryCommitteeTermYears() > 0 ? String.valueOf(r.rules().primaryCommitteeTermYears()) : "—")
                .setCaption(ui.t("rules.primaryCommitteeTermYears"));
        grid.addColumn(r -> r.rules().maxDeviationMonths()).setCaption(ui.t("rules.maxDeviationMonths"));
        grid.addColumn(r -> r.savedBy() == null ? ui.t("rules.shipped") : r.savedBy()).setCaption(ui.t("rules.savedBy"));
        Runnable load = () -> ui.run(() -> grid.setItems(elections.ruleSets(ui.caller())));
        Button edit = new Button(ui.t("action.edit"), VaadinIcons.EDIT);
        edit.setId("rules-edit");
        edit.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(r -> editDialog(ui, r.rules(), load)));
        v.addComponents(Ui.title(ui.t("admin.rules.title")), edit, grid);
        load.run();
        return v;
    }

    private void editDialog(Ui ui, RuleSet r, Runnable after) {
        TextField quorum = new TextField(ui.t("rules.quorum"), r.quorum().toString());
        quorum.setId("rules-quorum");
        ComboBox<Comparison> quorumCmp = enumBox("rules-quorum-cmp", Comparison.values(), r.quorumComparison(), x -> ui.rule(x.messageKey()));
        ComboBox<QuorumBase> quorumBase = enumBox("rules-quorum-base", QuorumBase.values(), r.quorumBase(), x -> ui.rule(x.messageKey()));
        quorumBase.setCaption(ui.t("rules.quorumBase"));
        TextField ratio = new TextField(ui.t("rules.differential"), r.differentialRatio().toString());
        ratio.setId("rules-ratio");
        ComboBox<Rounding> rounding = enumBox("rules-rounding", Rounding.values(), r.differentialRounding(), x -> ui.rule(x.messageKey()));
        CheckBox moreThanSeats = new CheckBox(ui.t("rules.moreThanSeats"), r.differentialMoreThanSeats());
        CheckBox auditDiff = new CheckBox(ui.t("rules.auditDifferential"), r.auditCommitteeDifferential());
        TextField majority = new TextField(ui.t("rules.majority"), r.majority().toString());
        majority.setId("rules-majority");
        ComboBox<Comparison> majorityCmp = enumBox("rules-majority-cmp", Comparison.values(), r.majorityComparison(), x -> ui.rule(x.messageKey()));
        ComboBox<MajorityBase> base = enumBox("rules-majority-base", MajorityBase.values(), r.majorityBase(), x -> ui.rule(x.messageKey()));
        CheckBox overApproval = new CheckBox(ui.t("rules.overApprovalInvalid"), r.overApprovalInvalid());
        ComboBox<WriteIns> writeIns = enumBox("rules-write-ins", WriteIns.values(), r.writeIns(), x -> ui.rule(x.messageKey()));
        CheckBox proxies = new CheckBox(ui.t("rules.proxies"), r.proxiesAllowed());
        TextField term = new TextField(ui.t("rules.termYears"), String.valueOf(r.termYears()));
        term.setId("rules-term");
        TextField committeeTerm = new TextField(ui.t("rules.primaryCommitteeTermYears"), String.valueOf(r.primaryCommitteeTermYears()));
        committeeTerm.setId("rules-committee-term");
        committeeTerm.setVisible(r.kind() == OrgKind.PARTY); // only party organisations have primary-level committees
        TextField deviation = number("rules-deviation", ui.t("rules.maxDeviationMonths"), r.maxDeviationMonths());
        TextField warning = number("rules-warning", ui.t("rules.dueWarningMonths"), r.dueWarningMonths());
        CheckBox excusalApproval = new CheckBox(ui.t("rules.excusalNeedsApproval"), r.excusalNeedsApproval());
        TextField minMembers = number("rules-committee-min-members", ui.t("rules.committeeMinMembers"), r.committeeMinMembers());
        TextField minSeats = number("rules-committee-min-seats", ui.t("rules.committeeMinSeats"), r.committeeMinSeats());
        TextField maxSeats = number("rules-committee-max-seats", ui.t("rules.committeeMaxSeats"), r.committeeMaxSeats());
        TextField note = new TextField(ui.t("field.note"));
        note.setId("rules-note");
        Button save = new Button(ui.t("action.save"));
        save.setId("rules-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout f = new FormLayout(quorum, quorumCmp, quorumBase, ratio, rounding, moreThanSeats, auditDiff, majority, majorityCmp,
                base, overApproval, writeIns, proxies, term, committeeTerm, deviation, warning, excusalApproval, minMembers, minSeats,
                maxSeats, note, save);
        f.setMargin(true);
        Window w = ui.dialog(ui.rule(r.kind().messageKey()), f, "rules-dialog");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("quorum", quorum);
        fields.put("quorumBase", quorumBase);
        fields.put("differentialRatio", ratio);
        fields.put("majority", majority);
        fields.put("termYears", term);
        fields.put("primaryCommitteeTermYears", committeeTerm);
        fields.put("maxDeviationMonths", deviation);
        fields.put("dueWarningMonths", warning);
        fields.put("committeeMinMembers", minMembers);
        fields.put("committeeMinSeats", minSeats);
        fields.put("committeeMaxSeats", maxSeats);
        save.addClickListener(e -> {
            fields.values().forEach(c -> c.setComponentError(null));
            Fraction q = Fraction.parse(quorum.getValue());
            Fraction d = Fraction.parse(ratio.getValue());
            Fraction m = Fraction.parse(majority.getValue());
            Integer t = Ui.parseInt(term.getValue());
            Integer ct = Ui.parseInt(committeeTerm.getValue());
            Integer dev = Ui.parseInt(deviation.getValue());
            Integer warn = Ui.parseInt(warning.getValue());
            Integer minM = Ui.parseInt(minMembers.getValue());
            Integer minS = Ui.parseInt(minSeats.getValue());
            Integer maxS = Ui.parseInt(maxSeats.getValue());
            boolean bad = false;
            for (Object[] check : new Object[][] {{q, quorum}, {d, ratio}, {m, majority}, {t, term}, {ct, committeeTerm},
                    {dev, deviation}, {warn, warning}, {minM, minMembers}, {minS, minSeats}, {maxS, maxSeats}}) {
                if (check[0] == null) {
                    ((AbstractComponent) check[1]).setComponentError(new UserError(ui.t("rules.badNumber")));
                    bad = true;
                }
            }
            if (bad) {
                return;
            }
            RuleSet edited = new RuleSet(r.kind(), r.version(), q, quorumCmp.getValue(), quorumBase.getValue(), d, rounding.getValue(),
                    moreThanSeats.getValue(), auditDiff.getValue(), m, majorityCmp.getValue(), base.getValue(), overApproval.getValue(),
                    writeIns.getValue(), proxies.getValue(), t, ct, dev, warn, excusalApproval.getValue(), minM, minS, maxS);
            try {
                elections.updateRuleSet(ui.caller(), r.kind(), r.version(), edited, note.getValue());
                w.close();
                ui.ctx().notifySuccess(ui.t("saved"));
                after.run();
            } catch (ValidationException ex) {
                for (Map.Entry<String, Msg> fe : ex.fieldErrors().entrySet()) {
                    AbstractComponent c = fields.get(fe.getKey());
                    if (c != null) {
                        c.setComponentError(new UserError(ui.format(fe.getValue())));
                    }
                }
                ui.ctx().showError(ex);
            } catch (RuntimeException ex) {
                ui.ctx().showError(ex);
            }
        });
    }

    private static TextField number(String id, String caption, int value) {
        TextField f = new TextField(caption, String.valueOf(value));
        f.setId(id);
        return f;
    }

    private static <E extends Enum<E>> ComboBox<E> enumBox(String id, E[] values, E value, ItemCaptionGenerator<E> caption) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.setItems(values);
        box.setEmptySelectionAllowed(false);
        box.setItemCaptionGenerator(caption);
        box.setValue(value);
        return box;
    }

    /** Small formatting helpers. */
    static final class ElectionServiceLabels {
        private ElectionServiceLabels() {
        }

        static String percent(Fraction f) {
            return Math.round(f.numerator() * 1000.0 / f.denominator()) / 10.0 + "%";
        }
    }
}
