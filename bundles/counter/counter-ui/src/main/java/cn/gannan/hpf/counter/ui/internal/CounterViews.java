package cn.gannan.hpf.counter.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.counter.api.ApplicationService;
import cn.gannan.hpf.counter.api.CalendarService;
import cn.gannan.hpf.counter.api.CatalogService;
import cn.gannan.hpf.counter.api.QueueService;
import cn.gannan.hpf.counter.api.RatingService;
import cn.gannan.hpf.counter.api.Records.Application;
import cn.gannan.hpf.counter.api.SmsOutbox;
import cn.gannan.hpf.counter.api.StatisticsService;
import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** The counter's contributions to the shell, each a DS component of the whiteboard. */
public final class CounterViews {

    static final String WINDOW = "counter-window";
    static final String APPLICATIONS = "counter-applications";

    private CounterViews() {
    }

    /** Base of the contributions: the module's messages. */
    abstract static class Base {
        public String messagesBaseName() {
            return Ui.BASE_NAME;
        }
    }

    @Component(service = ViewContribution.class, property = {ShellConstants.ID + "=" + WINDOW,
        ShellConstants.TITLE + "=menu.window", ShellConstants.ICON + "=DESKTOP",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_SERVICE, ShellConstants.ORDER + ":Integer=10",
        ShellConstants.ROLES + "=STAFF", ShellConstants.ROLES + "=BRANCH_SECRETARY", ShellConstants.ROLES + "=LEADER",
        ShellConstants.ROLES + "=OFFICE_ADMIN", ShellConstants.ROLES + "=CENTRAL_ADMIN"})
    public static class WindowPage extends Base implements ViewContribution {
        @Reference
        QueueService queue;
        @Reference
        CatalogService catalog;
        @Reference
        RatingService ratings;

        @Override
        public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
            return new WindowView(new Ui(context), queue, catalog, ratings);
        }
    }

    @Component(service = ViewContribution.class, property = {ShellConstants.ID + "=" + APPLICATIONS,
        ShellConstants.TITLE + "=menu.applications", ShellConstants.ICON + "=FILE_TEXT_O",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_SERVICE, ShellConstants.ORDER + ":Integer=20"})
    public static class ApplicationsPage extends Base implements ViewContribution {
        @Reference
        ApplicationService apps;
        @Reference
        CatalogService catalog;
        @Reference
        OfficeService offices;

        @Override
        public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
            return new ApplicationsView(new Ui(context), apps, catalog, offices, parameters);
        }
    }

    @Component(service = ViewContribution.class, property = {ShellConstants.ID + "=counter-supervision",
        ShellConstants.TITLE + "=menu.supervision", ShellConstants.ICON + "=CHART",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_SERVICE, ShellConstants.ORDER + ":Integer=30",
        ShellConstants.ROLES + "=LEADER", ShellConstants.ROLES + "=OFFICE_ADMIN", ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR"})
    public static class SupervisionPage extends Base implements ViewContribution {
        @Reference
        StatisticsService stats;
        @Reference
        RatingService ratings;
        @Reference
        OfficeService offices;

        @Override
        public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
            return new SupervisionView(new Ui(context), stats, ratings, offices);
        }
    }

    @Component(service = AdminPage.class, property = {ShellConstants.ID + "=counter-catalog",
        ShellConstants.TITLE + "=menu.catalog", ShellConstants.ICON + "=LIST",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN, ShellConstants.ORDER + ":Integer=60",
        ShellConstants.ROLES + "=OFFICE_ADMIN", ShellConstants.ROLES + "=CENTRAL_ADMIN"})
    public static class CatalogPage extends Base implements AdminPage {
        @Reference
        CatalogService catalog;

        @Override
        public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
            return new CatalogAdminView(new Ui(context), catalog);
        }
    }

    @Component(service = AdminPage.class, property = {ShellConstants.ID + "=counter-holidays",
        ShellConstants.TITLE + "=menu.holidays", ShellConstants.ICON + "=CALENDAR",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN, ShellConstants.ORDER + ":Integer=61",
        ShellConstants.ROLES + "=OFFICE_ADMIN", ShellConstants.ROLES + "=CENTRAL_ADMIN"})
    public static class HolidayPage extends Base implements AdminPage {
        @Reference
        CalendarService calendar;

        @Override
        public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
            return new HolidayAdminView(new Ui(context), calendar);
        }
    }

    @Component(service = AdminPage.class, property = {ShellConstants.ID + "=counter-sms",
        ShellConstants.TITLE + "=menu.sms", ShellConstants.ICON + "=ENVELOPE_O",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_ADMIN, ShellConstants.ORDER + ":Integer=62",
        ShellConstants.ROLES + "=OFFICE_ADMIN", ShellConstants.ROLES + "=CENTRAL_ADMIN"})
    public static class SmsPage extends Base implements AdminPage {
        @Reference
        SmsOutbox outbox;

        @Override
        public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
            return new SmsOutboxView(new Ui(context), outbox);
        }
    }

    /** 办件时限: due soon and overdue applications of the caller's scope. */
    @Component(service = DashboardWidget.class, property = {ShellConstants.ID + "=counter-deadlines",
        ShellConstants.TITLE + "=widget.deadlines", ShellConstants.ORDER + ":Integer=40"})
    public static class DeadlineWidget extends Base implements DashboardWidget {
        @Reference
        ApplicationService apps;

        @Override
        public com.vaadin.ui.Component createWidget(ViewContext context) {
            Ui ui = new Ui(context);
            VerticalLayout v = new VerticalLayout();
            v.setMargin(false);
            v.setId("counter-deadlines");
            try {
                var overdue = apps.overdue(context.caller(), null);
                var soon = apps.dueSoon(context.caller(), null);
                Label counts = new Label(ui.t("widget.counts", overdue.size(), soon.size()));
                counts.setId("counter-deadlines-counts");
                v.addComponent(counts);
                for (Application a : overdue.stream().limit(5).toList()) {
                    v.addComponent(link(ui, a, "widget.overdueLine"));
                }
                for (Application a : soon.stream().limit(5).toList()) {
                    v.addComponent(link(ui, a, "widget.soonLine"));
                }
                if (overdue.isEmpty() && soon.isEmpty()) {
                    v.addComponent(new Label(ui.t("widget.none")));
                }
            } catch (RuntimeException e) {
                v.addComponent(new Label(ui.t("widget.unavailable")));
            }
            return v;
        }

        private static com.vaadin.ui.Component link(Ui ui, Application a, String key) {
            com.vaadin.ui.Button b = new com.vaadin.ui.Button(ui.t(key, a.number(), a.applicantName(), Ui.s(a.promisedDue()), Ui.s(a.legalDue())),
                    e -> ui.ctx().navigate(APPLICATIONS + "/" + a.id()));
            b.addStyleName(com.vaadin.ui.themes.ValoTheme.BUTTON_LINK);
            return b;
        }
    }
}
