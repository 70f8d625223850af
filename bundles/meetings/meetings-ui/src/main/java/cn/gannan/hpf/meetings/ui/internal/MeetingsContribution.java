package cn.gannan.hpf.meetings.ui.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 会议纪要: the meeting list, and one meeting's detail at {@code meetings/<id>}. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=" + MeetingsContribution.ID,
        ShellConstants.TITLE + "=menu.meetings",
        ShellConstants.ICON + "=FILE_TEXT_O",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=10" })
public class MeetingsContribution implements ViewContribution {

    static final String ID = "meetings";

    @Reference
    private MeetingService meetings;
    @Reference
    private OrgService org;
    @Reference
    private OfficeService offices;
    private final AtomicReference<PdfService> pdf = new AtomicReference<>();

    /** PDF lights up when the hpf-docs feature is installed; the print view works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPdf(PdfService service) {
        pdf.set(service);
    }

    void unbindPdf(PdfService service) {
        pdf.compareAndSet(service, null);
    }

    @Override
    public String messagesBaseName() {
        return Ui.BASE_NAME;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        Ui ui = new Ui(context);
        if (parameters != null && !parameters.isBlank()) {
            return new MeetingDetailView(ui, meetings, org, pdf::get, parameters.strip());
        }
        return new MeetingListView(ui, meetings, org, offices);
    }
}
