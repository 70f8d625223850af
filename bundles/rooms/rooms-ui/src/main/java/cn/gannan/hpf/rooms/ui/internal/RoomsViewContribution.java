package cn.gannan.hpf.rooms.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.rooms.api.InventoryService;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.StandardService;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 党建阵地: the sites' rooms; with a room id, the room's detail (inventory, conformance, photos). */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=" + RoomsViewContribution.ID,
        ShellConstants.TITLE + "=rooms.title",
        ShellConstants.ICON + "=INSTITUTION",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=40" })
public class RoomsViewContribution implements ViewContribution, RoomsContribution {

    static final String ID = "rooms";

    @Reference
    private RoomService rooms;
    @Reference
    private InventoryService inventory;
    @Reference
    private StandardService standards;
    @Reference
    private OfficeService offices;
    @Reference
    private PersonService people;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        UiSupport s = new UiSupport(context);
        if (parameters != null && !parameters.isBlank()) {
            return new SiteDetailView(s, parameters.strip(), rooms, inventory, standards, offices, people);
        }
        return new SitesView(s, rooms, offices, people);
    }
}
