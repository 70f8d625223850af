package cn.gannan.hpf.shell.ui.internal.admin;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.AuditService;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PageRequest;

/** 审计日志: lazy grid with filters. */
final class AuditView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    AuditView(AdminSupport s, AuditService audit, OfficeService offices) {
        setId("admin-audit");
        setWidth("100%");
        Label title = new Label(s.t("admin.audit.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        ComboBox<Office> office = s.officeFilter(offices);
        TextField user = new TextField();
        user.setPlaceholder(s.t("field.username"));
        TextField module = new TextField();
        module.setPlaceholder(s.t("field.module"));
        TextField entity = new TextField();
        entity.setPlaceholder(s.t("field.entity"));
        ComboBox<AuditAction> action = new ComboBox<>();
        action.setPlaceholder(s.t("field.action"));
        action.setItems(AuditAction.values());
        action.setItemCaptionGenerator(a -> s.core(a.messageKey()));
        DateField from = new DateField();
        from.setPlaceholder(s.t("filter.from"));
        from.setDateFormat("yyyy-MM-dd");
        DateField to = new DateField();
        to.setPlaceholder(s.t("filter.to"));
        to.setDateFormat("yyyy-MM-dd");
        Button search = new Button(s.t("action.search"), VaadinIcons.SEARCH);
        search.setId("audit-search");
        search.addStyleName(ValoTheme.BUTTON_PRIMARY);

        DataProvider<AuditEntry, AuditQuery> dp = DataProvider.fromFilteringCallbacks(
                q -> audit.find(s.caller(), q.getFilter().orElse(AuditQuery.all()),
                        new PageRequest(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE,
                        audit.find(s.caller(), q.getFilter().orElse(AuditQuery.all()), new PageRequest(0, 1)).total()));
        ConfigurableFilterDataProvider<AuditEntry, Void, AuditQuery> provider = dp.withConfigurableFilter();

        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(15);
        grid.addColumn(e -> s.time(e.at())).setCaption(s.t("field.time"));
        grid.addColumn(AuditEntry::username).setCaption(s.t("field.username"));
        grid.addColumn(e -> s.officeName(offices, e.officeCode())).setCaption(s.t("field.office"));
        grid.addColumn(AuditEntry::module).setCaption(s.t("field.module"));
        grid.addColumn(AuditEntry::entity).setCaption(s.t("field.entity"));
        grid.addColumn(AuditEntry::entityId).setCaption(s.t("field.entityId"));
        grid.addColumn(e -> e.action() == null ? "" : s.core(e.action().messageKey())).setCaption(s.t("field.action"));
        grid.addColumn(AuditEntry::changes).setCaption(s.t("field.changes"))
                .setDescriptionGenerator(AuditEntry::changes);
        grid.setDataProvider(provider);

        search.addClickListener(e -> s.run(() -> provider.setFilter(new AuditQuery(
                office == null ? null : AdminSupport.code(office.getSelectedItem()),
                AdminSupport.blankToNull(user.getValue()), AdminSupport.blankToNull(module.getValue()),
                AdminSupport.blankToNull(entity.getValue()), null, action.getValue(),
                AdminSupport.startOfDay(from.getValue()), AdminSupport.endOfDay(to.getValue())))));

        HorizontalLayout filters = new HorizontalLayout();
        if (office != null) {
            filters.addComponent(office);
        }
        filters.addComponents(user, module, entity, action, from, to, search);
        addComponents(title, filters, grid);
    }
}
