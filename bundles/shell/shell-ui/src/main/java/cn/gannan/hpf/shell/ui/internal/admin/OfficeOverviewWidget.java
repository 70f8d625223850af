package cn.gannan.hpf.shell.ui.internal.admin;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Label;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.PersonQuery;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.ui.internal.Texts;

/** 本单位概况: office name, active staff and org units the caller can see. */
@Component(service = DashboardWidget.class, property = {
        ShellConstants.ID + "=office-overview",
        ShellConstants.TITLE + "=widget.overview.title",
        ShellConstants.ORDER + ":Integer=10" })
public class OfficeOverviewWidget implements DashboardWidget {

    @Reference
    private OfficeService offices;
    @Reference
    private PersonService people;
    @Reference
    private OrgService org;

    @Override
    public String messagesBaseName() {
        return Texts.BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createWidget(ViewContext ctx) {
        Label office = new Label(offices.current().name(ctx.locale()));
        office.setCaption(ctx.msg("field.office"));
        office.setId("overview-office");
        long staff = people.find(ctx.caller(), new PersonQuery(null, null, null, null, Boolean.TRUE), new PageRequest(0, 1)).total();
        Label staffLabel = new Label(String.valueOf(staff));
        staffLabel.setCaption(ctx.msg("widget.overview.staff"));
        staffLabel.setId("overview-staff");
        Label units = new Label(String.valueOf(org.units(ctx.caller(), null).size()));
        units.setCaption(ctx.msg("widget.overview.units"));
        units.setId("overview-units");
        FormLayout f = new FormLayout(office, staffLabel, units);
        f.setMargin(false);
        return f;
    }
}
