package cn.gannan.hpf.rooms.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.VerticalLayout;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.rooms.api.RoomStatisticsService;
import cn.gannan.hpf.rooms.api.SiteStatistics;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 阵地统计: conformance rate per site, rectification items, usage hours per month; Excel download. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=rooms-statistics",
        ShellConstants.TITLE + "=stats.title",
        ShellConstants.ICON + "=CHART",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=45" })
public class StatisticsView implements ViewContribution, RoomsContribution {

    @Reference
    private RoomStatisticsService stats;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        UiSupport s = new UiSupport(context);
        int thisYear = LocalDate.now(UiSupport.ZONE).getYear();
        ComboBox<Integer> year = new ComboBox<>(s.t("field.year"), List.of(thisYear, thisYear - 1, thisYear - 2));
        year.setItemCaptionGenerator(String::valueOf);
        year.setEmptySelectionAllowed(false);
        year.setValue(thisYear);
        year.setId("stats-year");
        ComboBox<Office> office = s.officeFilter(offices, "stats-office");
        Grid<SiteStatistics> grid = new Grid<>();
        grid.setId("stats-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(9);
        grid.addColumn(x -> s.officeName(offices, x.officeCode())).setCaption(s.t("field.office")).setWidth(170);
        grid.addColumn(x -> x.hasRoom() ? UiSupport.percent(x.conformanceRate()) : s.t("compare.noRoom"))
                .setCaption(s.t("stats.rate"));
        grid.addColumn(x -> x.mandatorySatisfied() + "/" + x.mandatoryTotal()).setCaption(s.t("stats.satisfied"));
        grid.addColumn(SiteStatistics::openRectifications).setCaption(s.t("stats.open"));
        grid.addColumn(SiteStatistics::overdueRectifications).setCaption(s.t("stats.overdue"));
        grid.addColumn(SiteStatistics::bookings).setCaption(s.t("stats.bookings"));
        for (int m = 0; m < 12; m++) {
            int month = m;
            grid.addColumn(x -> UiSupport.number(x.usageHoursByMonth().get(month))).setCaption(s.t("stats.month", month + 1))
                    .setWidth(70);
        }
        grid.addColumn(x -> UiSupport.number(Math.round(x.usageHours() * 100) / 100.0)).setCaption(s.t("stats.hours"));
        Runnable refresh = () -> s.run(() -> grid.setItems(new ArrayList<>(stats.statistics(s.caller(), year.getValue(),
                office == null ? null : UiSupport.code(office.getSelectedItem())).sites())));
        year.addValueChangeListener(e -> refresh.run());
        Button xlsx = new Button(s.t("stats.export"), VaadinIcons.FILE_TABLE);
        xlsx.setId("stats-export");
        UiSupport.download(xlsx, "rooms-statistics.xlsx", Xlsx.MEDIA_TYPE, () -> stats.exportXlsx(s.caller(),
                year.getValue(), office == null ? null : UiSupport.code(office.getSelectedItem()), s.locale()));
        com.vaadin.ui.HorizontalLayout filters = UiSupport.row(year);
        if (office != null) {
            filters.addComponent(office);
            office.addValueChangeListener(e -> refresh.run());
        }
        filters.addComponent(xlsx);
        filters.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        refresh.run();
        VerticalLayout v = new VerticalLayout(UiSupport.title(s.t("stats.title")), filters, grid);
        v.setId("rooms-statistics");
        v.setWidth("100%");
        return v;
    }
}
