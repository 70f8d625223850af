package cn.gannan.hpf.itests.sample;

import com.vaadin.ui.Component;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** The sample module's only view. */
public class SampleView implements ViewContribution {

    private final String id;

    SampleView(String id) {
        this.id = id;
    }

    @Override
    public String messagesBaseName() {
        return "cn.gannan.hpf.itests.sample.Messages";
    }

    @Override
    public Component createView(ViewContext context, String parameters) {
        VerticalLayout layout = new VerticalLayout();
        layout.setId("sample-view-" + id);
        layout.addComponent(new Label(context.msg("sample.body")));
        return layout;
    }
}
