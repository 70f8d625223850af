package cn.gannan.hpf.shell.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gannan.hpf.shell.api.ShellConstants;

/**
 * The menu rules, as plain Java: entries a caller may see, one per id (highest
 * {@code service.ranking}, then lowest {@code service.id}), ordered by category (work, party,
 * service, admin, then unknown categories alphabetically), then order, then localized title.
 */
public final class MenuOrdering {

    static final List<String> CATEGORIES = List.of(ShellConstants.CATEGORY_WORK, ShellConstants.CATEGORY_PARTY,
            ShellConstants.CATEGORY_SERVICE, ShellConstants.CATEGORY_ADMIN);

    private MenuOrdering() {
    }

    /** Rank of a category; unknown categories sort after the known ones. */
    public static int categoryRank(String category) {
        int i = CATEGORIES.indexOf(category);
        return i < 0 ? CATEGORIES.size() : i;
    }

    /** The winning entry per id: higher ranking first, then the older service (lower id). */
    public static Comparator<MenuEntry> precedence() {
        return Comparator.comparingInt(MenuEntry::ranking).reversed().thenComparingLong(MenuEntry::serviceId);
    }

    /** One entry per id, the one with precedence. */
    public static List<MenuEntry> dedupe(Collection<MenuEntry> entries) {
        Map<String, MenuEntry> byId = new LinkedHashMap<>();
        entries.stream().sorted(precedence()).forEach(e -> byId.putIfAbsent(e.id(), e));
        return new ArrayList<>(byId.values());
    }

    /**
     * The entries a caller sees, in menu order.
     *
     * @param callerRoles the caller's role names
     * @param title       the localized title of an entry
     */
    public static List<MenuEntry> visible(Collection<MenuEntry> entries, Set<String> callerRoles,
            Function<MenuEntry, String> title) {
        List<MenuEntry> result = new ArrayList<>();
        for (MenuEntry e : dedupe(entries)) {
            if (e.visibleTo(callerRoles)) {
                result.add(e);
            }
        }
        Comparator<MenuEntry> byCategory = Comparator.comparingInt(e -> categoryRank(e.category()));
        result.sort(byCategory.thenComparing(MenuEntry::category)
                .thenComparingInt(MenuEntry::order)
                .thenComparing(e -> nullToEmpty(title.apply(e)))
                .thenComparing(MenuEntry::id));
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
