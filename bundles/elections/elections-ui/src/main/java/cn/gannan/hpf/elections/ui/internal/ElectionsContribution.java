package cn.gannan.hpf.elections.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.elections.api.ElectionService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 换届选举: the list of elections and, with an id after the view id, one election. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=elections",
        ShellConstants.TITLE + "=menu.elections",
        ShellConstants.ICON + "=CHECK_SQUARE_O",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=40" })
public class ElectionsContribution implements ViewContribution {

    @Reference
    private ElectionService elections;
    @Reference
    private OrgService org;
    @Reference
    private PersonService people;
    @Reference
    private OfficeService offices;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PdfService pdf;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        Ui ui = new Ui(context);
        if (parameters != null && !parameters.isBlank()) {
            return new ElectionDetailView(ui, elections, people, parameters.strip(), pdf);
        }
        return new ElectionListView(ui, elections, org, offices);
    }
}
