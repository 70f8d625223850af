package cn.gannan.hpf.shell.ui.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

public class MenuOrderingTest {

    private static MenuEntry e(String id, String category, int order, Set<String> roles) {
        return new MenuEntry(id, id + ".title", null, category, order, roles, 0, id.hashCode() & 0xffff, false);
    }

    private static List<String> ids(List<MenuEntry> l) {
        return l.stream().map(MenuEntry::id).toList();
    }

    @Test
    public void ordersByCategoryThenOrderThenTitle() {
        List<MenuEntry> entries = List.of(
                e("audit", "admin", 40, Set.of()),
                e("meetings", "party", 10, Set.of()),
                e("counter", "service", 10, Set.of()),
                e("zeta", "work", 20, Set.of()),
                e("alpha", "work", 20, Set.of()),
                e("first", "work", 5, Set.of()),
                e("odd", "custom", 1, Set.of()));
        Map<String, String> titles = Map.of("zeta", "A title", "alpha", "B title");
        List<MenuEntry> result = MenuOrdering.visible(entries, Set.of(), x -> titles.getOrDefault(x.id(), x.id()));
        assertEquals(List.of("first", "zeta", "alpha", "meetings", "counter", "audit", "odd"), ids(result));
    }

    @Test
    public void filtersByRoles() {
        List<MenuEntry> entries = List.of(
                e("everyone", "work", 1, Set.of()),
                e("admins", "admin", 1, Set.of("OFFICE_ADMIN", "CENTRAL_ADMIN")),
                e("audit", "admin", 2, Set.of("AUDITOR", "CENTRAL_ADMIN")));
        assertEquals(List.of("everyone"), ids(MenuOrdering.visible(entries, Set.of("STAFF"), MenuEntry::id)));
        assertEquals(List.of("everyone", "admins"),
                ids(MenuOrdering.visible(entries, Set.of("STAFF", "OFFICE_ADMIN"), MenuEntry::id)));
        assertEquals(List.of("everyone", "admins", "audit"),
                ids(MenuOrdering.visible(entries, Set.of("CENTRAL_ADMIN"), MenuEntry::id)));
        assertEquals(List.of("everyone"), ids(MenuOrdering.visible(entries, Set.of(), MenuEntry::id)));
    }

    @Test
    public void duplicateIdsResolveByRankingThenServiceId() {
        MenuEntry older = new MenuEntry("x", "old", null, "work", 1, Set.of(), 0, 5, false);
        MenuEntry newer = new MenuEntry("x", "new", null, "work", 1, Set.of(), 0, 9, false);
        MenuEntry ranked = new MenuEntry("x", "ranked", null, "work", 1, Set.of(), 10, 12, false);
        assertEquals("old", MenuOrdering.visible(List.of(newer, older), Set.of(), MenuEntry::id).get(0).titleKey());
        List<MenuEntry> r = MenuOrdering.visible(List.of(newer, older, ranked), Set.of(), MenuEntry::id);
        assertEquals(1, r.size());
        assertEquals("ranked", r.get(0).titleKey());
    }

    @Test
    public void defaultsForMissingProperties() {
        MenuEntry m = new MenuEntry("m", null, null, null, 100, null, 0, 1, false);
        assertEquals("work", m.category());
        assertEquals("m", m.titleKey());
        assertEquals(Set.of(), m.roles());
    }

    @Test
    public void entryFromServiceProperties() {
        MenuEntry m = ContributionRegistry.entryOf(Map.of("hpf.shell.id", "admin-audit", "hpf.shell.title", "t",
                "hpf.shell.order", 40, "hpf.shell.roles", new String[] { "AUDITOR", "CENTRAL_ADMIN" },
                "service.id", 77L), true);
        assertEquals("admin", m.category());
        assertEquals(40, m.order());
        assertEquals(Set.of("AUDITOR", "CENTRAL_ADMIN"), m.roles());
        assertEquals(77L, m.serviceId());
        MenuEntry single = ContributionRegistry.entryOf(Map.of("hpf.shell.id", "v", "hpf.shell.roles", "STAFF",
                "hpf.shell.order", "7"), false);
        assertEquals(Set.of("STAFF"), single.roles());
        assertEquals(7, single.order());
        assertEquals("work", single.category());
        assertEquals(null, ContributionRegistry.entryOf(Map.of("hpf.shell.title", "t"), false));
    }

    @Test
    public void registryNotifiesAndKeepsAdminPagesOnce() {
        ContributionRegistry r = new ContributionRegistry();
        int[] calls = { 0 };
        r.addListener(() -> calls[0]++);
        cn.gannan.hpf.shell.api.AdminPage page = org.mockito.Mockito.mock(cn.gannan.hpf.shell.api.AdminPage.class);
        Map<String, Object> props = Map.of("hpf.shell.id", "admin-people", "service.id", 3L);
        r.bindView(page, props);
        r.bindAdminPage(page, props);
        assertEquals(1, r.menuContributions().size());
        assertEquals(true, r.menuContributions().get(0).entry().admin());
        r.unbindAdminPage(page, props);
        r.unbindView(page, props);
        assertEquals(0, r.menuContributions().size());
        assertEquals(4, calls[0]);
    }
}
