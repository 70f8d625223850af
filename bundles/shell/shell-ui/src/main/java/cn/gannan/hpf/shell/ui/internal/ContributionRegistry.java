package cn.gannan.hpf.shell.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.shell.api.AdminPage;
import cn.gannan.hpf.shell.api.DashboardWidget;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContribution;

/**
 * Tracks the shell's whiteboards ({@link ViewContribution}, {@link AdminPage},
 * {@link DashboardWidget}) and tells the live UIs when they change. The UIs rebuild inside
 * {@code ui.access(...)}; this component never touches Vaadin state itself.
 */
@Component(service = ContributionRegistry.class, immediate = true)
public class ContributionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionRegistry.class);

    /** Called after any contribution came or went; must not block. */
    @FunctionalInterface
    public interface Listener {
        void contributionsChanged();
    }

    /** A tracked service with what its properties say. */
    public record Registered<T>(MenuEntry entry, T service) {
    }

    private final Map<Long, Registered<ViewContribution>> views = new ConcurrentHashMap<>();
    private final Map<Long, Registered<ViewContribution>> adminPages = new ConcurrentHashMap<>();
    private final Map<Long, Registered<DashboardWidget>> widgets = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindView(ViewContribution view, Map<String, Object> props) {
        put(views, view, props, view instanceof AdminPage);
    }

    void unbindView(ViewContribution view, Map<String, Object> props) {
        remove(views, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAdminPage(AdminPage page, Map<String, Object> props) {
        put(adminPages, page, props, true);
    }

    void unbindAdminPage(AdminPage page, Map<String, Object> props) {
        remove(adminPages, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindWidget(DashboardWidget widget, Map<String, Object> props) {
        put(widgets, widget, props, false);
    }

    void unbindWidget(DashboardWidget widget, Map<String, Object> props) {
        remove(widgets, props);
    }

    private <T> void put(Map<Long, Registered<T>> map, T service, Map<String, Object> props, boolean admin) {
        MenuEntry entry = entryOf(props, admin);
        if (entry == null) {
            LOG.warn("Ignoring shell contribution {} without the property {}", service, ShellConstants.ID);
            return;
        }
        map.put(entry.serviceId(), new Registered<>(entry, service));
        fire();
    }

    private <T> void remove(Map<Long, Registered<T>> map, Map<String, Object> props) {
        if (map.remove(serviceId(props)) != null) {
            fire();
        }
    }

    /** Builds the entry from service properties; null without an id. */
    static MenuEntry entryOf(Map<String, Object> props, boolean admin) {
        Object id = props.get(ShellConstants.ID);
        if (id == null || id.toString().isBlank()) {
            return null;
        }
        String category = string(props.get(ShellConstants.CATEGORY));
        if (admin && category == null) {
            category = ShellConstants.CATEGORY_ADMIN;
        }
        return new MenuEntry(id.toString().trim(), string(props.get(ShellConstants.TITLE)),
                string(props.get(ShellConstants.ICON)), category,
                integer(props.get(ShellConstants.ORDER), ShellConstants.DEFAULT_ORDER), roles(props.get(ShellConstants.ROLES)),
                integer(props.get(Constants.SERVICE_RANKING), 0), serviceId(props), admin);
    }

    private static long serviceId(Map<String, Object> props) {
        Object v = props.get(Constants.SERVICE_ID);
        return v instanceof Number n ? n.longValue() : -1L;
    }

    private static String string(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static int integer(Object v, int fallback) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v != null) {
            try {
                return Integer.parseInt(v.toString().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static Set<String> roles(Object v) {
        Set<String> result = new LinkedHashSet<>();
        if (v instanceof String[] a) {
            result.addAll(Arrays.asList(a));
        } else if (v instanceof Collection<?> c) {
            c.forEach(o -> result.add(String.valueOf(o)));
        } else if (v != null) {
            for (String s : v.toString().split(",")) {
                result.add(s);
            }
        }
        result.removeIf(s -> s == null || s.isBlank());
        Set<String> trimmed = new LinkedHashSet<>();
        result.forEach(s -> trimmed.add(s.trim()));
        return trimmed;
    }

    private void fire() {
        for (Listener l : listeners) {
            try {
                l.contributionsChanged();
            } catch (RuntimeException e) {
                LOG.warn("A shell listener failed", e);
            }
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Menu contributions (views and admin pages), one per id. */
    public List<Registered<ViewContribution>> menuContributions() {
        // a service registered under both interfaces counts once, as an admin page
        List<Registered<ViewContribution>> all = new ArrayList<>(adminPages.values());
        views.forEach((sid, r) -> {
            if (!adminPages.containsKey(sid)) {
                all.add(r);
            }
        });
        return winners(all);
    }

    /** The menu contribution with this id, whoever may see it. */
    public Optional<Registered<ViewContribution>> menuContribution(String id) {
        return menuContributions().stream().filter(r -> r.entry().id().equals(id)).findFirst();
    }

    public List<Registered<DashboardWidget>> widgets() {
        return winners(new ArrayList<>(widgets.values()));
    }

    private static <T> List<Registered<T>> winners(List<Registered<T>> all) {
        List<MenuEntry> kept = MenuOrdering.dedupe(all.stream().map(Registered::entry).toList());
        List<Registered<T>> result = new ArrayList<>();
        for (MenuEntry e : kept) {
            all.stream().filter(r -> r.entry() == e).findFirst().ifPresent(result::add);
        }
        return result;
    }
}
