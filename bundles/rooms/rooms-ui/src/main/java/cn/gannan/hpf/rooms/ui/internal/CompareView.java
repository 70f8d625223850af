package cn.gannan.hpf.rooms.ui.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 九站对比: every standard item against the nine sites, side by side (central roles). */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=rooms-compare",
        ShellConstants.TITLE + "=compare.title",
        ShellConstants.ICON + "=TABLE",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=43",
        ShellConstants.ROLES + "=CENTRAL_ADMIN",
        ShellConstants.ROLES + "=AUDITOR" })
public class CompareView implements ViewContribution, RoomsContribution {

    @Reference
    private RoomService rooms;
    @Reference
    private StandardService standards;
    @Reference
    private OfficeService offices;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        UiSupport s = new UiSupport(context);
        List<ConformanceReport> reports = rooms.compare(s.caller());
        List<StandardItem> items = standards.current(s.caller()).items();
        Grid<StandardItem> grid = new Grid<>();
        grid.setId("compare-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(Math.min(items.size() + 1, 22));
        grid.addColumn(StandardItem::name).setCaption(s.t("field.item")).setWidth(180);
        grid.addColumn(i -> s.t(i.mandatory() ? "value.mandatory" : "value.optional")).setCaption(s.t("field.mandatory"));
        for (ConformanceReport r : reports) {
            String name = s.officeName(offices, r.officeCode()).replace("管理部", "").replace("甘南州住房公积金管理中心", "州中心");
            grid.addColumn(i -> cell(s, r, i.code())).setCaption(name)
                    .setStyleGenerator(i -> line(r, i.code()) != null && line(r, i.code()).status() == ConformanceStatus.SATISFIED
                            ? "hpf-ok" : "hpf-bad")
                    .setDescriptionGenerator(i -> {
                        ConformanceLine l = line(r, i.code());
                        return l == null ? "" : s.label(l.status()) + " · " + s.explain(l);
                    })
                    .setId("site-" + r.officeCode());
        }
        grid.setItems(items);
        StringBuilder rates = new StringBuilder();
        for (ConformanceReport r : reports) {
            rates.append(s.officeName(offices, r.officeCode())).append(' ').append(UiSupport.percent(r.rate()))
                    .append(r.roomId() == null ? " (" + s.t("compare.noRoom") + ")" : "").append("　");
        }
        Label rateLine = new Label(s.t("compare.rates", rates.toString().strip()));
        rateLine.setId("compare-rates");
        rateLine.setWidth("100%");
        VerticalLayout v = new VerticalLayout(UiSupport.title(s.t("compare.title")), new Label(s.t("compare.legend")), rateLine,
                grid);
        v.setId("rooms-compare");
        v.setWidth("100%");
        return v;
    }

    private static ConformanceLine line(ConformanceReport r, String code) {
        return r.lines().stream().filter(l -> l.itemCode().equals(code)).findFirst().orElse(null);
    }

    private static String cell(UiSupport s, ConformanceReport r, String code) {
        ConformanceLine l = line(r, code);
        if (l == null) {
            return "";
        }
        return switch (l.status()) {
            case SATISFIED -> "✓";
            case SHORT -> "△ " + UiSupport.number(l.actual()) + "/" + UiSupport.number(l.required());
            case NON_CONFORMANT -> "✗ " + s.label(l.status());
            case MISSING -> "— " + s.label(l.status());
        };
    }
}
