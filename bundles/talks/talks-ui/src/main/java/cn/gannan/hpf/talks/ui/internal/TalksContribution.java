package cn.gannan.hpf.talks.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.OrgService;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;
import cn.gannan.hpf.talks.api.TalkService;

/**
 * 谈心谈话: the list ({@code talks}), a talk ({@code talks/<id>}), the form ({@code talks/new},
 * {@code talks/<id>/edit}).
 */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=" + TalksContribution.ID,
        ShellConstants.TITLE + "=menu.talks",
        ShellConstants.ICON + "=COMMENTS",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=20" })
public class TalksContribution implements ViewContribution {

    static final String ID = "talks";

    @Reference
    private TalkService talks;
    @Reference
    private PersonService people;
    @Reference
    private OrgService org;
    @Reference
    private OfficeService offices;

    @Override
    public String messagesBaseName() {
        return Ui.BUNDLE;
    }

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        Ui ui = new Ui(context);
        String p = parameters == null ? "" : parameters.strip();
        if (p.isEmpty()) {
            return new TalkListView(ui, talks, org, offices);
        }
        if (p.equals("new")) {
            return new TalkFormView(ui, talks, people, org, offices, null);
        }
        if (p.endsWith("/edit")) {
            return new TalkFormView(ui, talks, people, org, offices, p.substring(0, p.length() - "/edit".length()));
        }
        return new TalkDetailView(ui, talks, offices, p);
    }
}
