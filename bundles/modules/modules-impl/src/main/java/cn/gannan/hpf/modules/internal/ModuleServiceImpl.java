package cn.gannan.hpf.modules.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.modules.api.ModuleExport;
import cn.gannan.hpf.modules.api.ModuleInfo;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModulePlan.Action;
import cn.gannan.hpf.modules.api.ModuleProfile;
import cn.gannan.hpf.modules.api.ModuleService;
import cn.gannan.hpf.modules.api.ModuleState;

/**
 * Module management on a {@link Node} with a {@link DesiredStore}. Plain Java: the DS component
 * {@link ModuleServiceComponent} wires it to Karaf and the database. Changes are serialized; each one first
 * stores the desired set (audited), then installs or uninstalls, so a crash in between is repaired by
 * {@link #reconcile} at the next start.
 */
class ModuleServiceImpl implements ModuleService {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleServiceImpl.class);

    static final String MARKER_PROFILE = "profile";
    static final String MARKER_EXPORTED = "exported.";

    private final Node node;
    private final DesiredStore store;
    private final ModuleData data;
    private final Map<String, List<String>> profiles;
    private final String firstStartProfile;
    /** Errors of the last attempt to install a module, by module id. */
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** Reconciliations scheduled or running (the start-up one counts from when it is scheduled). */
    private final AtomicInteger reconciling = new AtomicInteger();
    /** How long a reconciliation waits for the modules to come up before it reports failures. */
    private final Duration startupSettle;
    /** How long an enable waits for a module whose problems still change (components activate asynchronously). */
    private final Duration enableSettle;
    private final Sleeper sleeper;

    /** Waiting, replaceable in unit tests. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    ModuleServiceImpl(Node node, DesiredStore store, ModuleData data, Map<String, List<String>> profiles,
            String firstStartProfile) {
        this(node, store, data, profiles, firstStartProfile, Duration.ofSeconds(120), Duration.ofSeconds(60), Thread::sleep);
    }

    ModuleServiceImpl(Node node, DesiredStore store, ModuleData data, Map<String, List<String>> profiles,
            String firstStartProfile, Duration startupSettle, Duration enableSettle, Sleeper sleeper) {
        this.startupSettle = startupSettle;
        this.enableSettle = enableSettle;
        this.sleeper = sleeper;
        this.node = node;
        this.store = store;
        this.data = data;
        this.profiles = new LinkedHashMap<>(profiles);
        this.firstStartProfile = firstStartProfile == null || firstStartProfile.isBlank() ? null
                : firstStartProfile.trim();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public List<ModuleInfo> catalogue(Caller caller) {
        requireReader(caller);
        return graph().infos();
    }

    @Override
    public ModuleInfo module(Caller caller, String id) {
        requireReader(caller);
        return graph().info(id);
    }

    @Override
    public List<ModuleProfile> profiles(Caller caller) {
        requireReader(caller);
        Graph g = graph();
        List<ModuleProfile> out = new ArrayList<>();
        profiles.forEach((pid, ids) -> out.add(profile(g, pid, ids)));
        return out;
    }

    // ---------------------------------------------------------------- dry runs

    @Override
    public ModulePlan planEnable(Caller caller, String id) {
        requireAdmin(caller);
        return planEnable(graph(), id);
    }

    @Override
    public ModulePlan planDisable(Caller caller, String id) {
        requireAdmin(caller);
        return planDisable(graph(), id);
    }

    @Override
    public ModulePlan planProfile(Caller caller, String profileId) {
        requireAdmin(caller);
        return planProfile(graph(), profileId);
    }

    private ModulePlan planEnable(Graph g, String id) {
        g.feature(id);
        List<String> enable = g.closure(List.of(id)).stream().filter(m -> !g.installed(m)).collect(Collectors.toList());
        List<String> install = new ArrayList<>();
        for (String m : enable) {
            node.bundlesToInstall(g.feature(m).feature()).stream().filter(b -> !install.contains(b)).forEach(install::add);
        }
        return new ModulePlan(Action.ENABLE, id, enable, List.of(), install, install, List.of(), List.of(), List.of());
    }

    private ModulePlan planDisable(Graph g, String id) {
        g.feature(id);
        List<String> needing = g.enabledDependents(id, Set.of(id));
        if (!needing.isEmpty()) {
            throw new ValidationException(Texts.msg("error.module.required", g.label(id),
                    needing.stream().map(g::label).collect(Collectors.joining("、"))));
        }
        boolean on = g.installed(id) || g.desired.containsKey(id);
        List<String> stop = g.installed(id) ? node.bundlesToRemove(g.feature(id).feature(), Set.of()) : List.of();
        return new ModulePlan(Action.DISABLE, id, List.of(), on ? List.of(id) : List.of(), List.of(), List.of(), stop,
                List.of(), List.of());
    }

    private ModulePlan planProfile(Graph g, String profileId) {
        List<String> ids = profiles.get(profileId);
        if (ids == null) {
            throw new NotFoundException(Texts.msg("error.profile.unknown", profileId, String.join(", ", profiles.keySet())));
        }
        ModuleProfile p = profile(g, profileId, ids);
        List<String> target = g.closure(p.modules());
        List<String> enable = target.stream().filter(m -> !g.installed(m)).collect(Collectors.toList());
        List<String> disable = new ArrayList<>();
        List<String> order = new ArrayList<>(g.order);
        java.util.Collections.reverse(order); // dependents first
        for (String m : order) {
            if ((g.installed(m) || g.desired.containsKey(m)) && !target.contains(m)) {
                disable.add(m);
            }
        }
        List<String> install = new ArrayList<>();
        for (String m : enable) {
            node.bundlesToInstall(g.feature(m).feature()).stream().filter(b -> !install.contains(b)).forEach(install::add);
        }
        Set<String> removedFeatures = disable.stream().map(m -> g.feature(m).feature()).collect(Collectors.toSet());
        List<String> stop = new ArrayList<>();
        for (String m : disable) {
            if (g.installed(m)) {
                node.bundlesToRemove(g.feature(m).feature(), removedFeatures).stream().filter(b -> !stop.contains(b))
                        .forEach(stop::add);
            }
        }
        return new ModulePlan(Action.PROFILE, profileId, enable, disable, install, install, stop, List.of(),
                p.unavailable());
    }

    // ---------------------------------------------------------------- changes

    @Override
    public ModulePlan enable(Caller caller, String id) {
        requireAdmin(caller);
        synchronized (lock) {
            Graph g = graph();
            ModulePlan plan = planEnable(g, id);
            Map<String, String> desired = new LinkedHashMap<>(g.desired);
            for (String m : g.closure(List.of(id))) {
                desired.put(m, g.feature(m).feature());
            }
            if (!desired.equals(g.desired) || !store.load().isPresent()) {
                store.save(caller, desired, "enable " + id);
            }
            apply(g, plan.enable(), List.of());
            return plan;
        }
    }

    @Override
    public ModulePlan disable(Caller caller, String id) {
        requireAdmin(caller);
        synchronized (lock) {
            Graph g = graph();
            ModulePlan plan = planDisable(g, id);
            Map<String, String> desired = new LinkedHashMap<>(g.desired);
            desired.remove(id);
            store.save(caller, desired, "disable " + id);
            store.setMarker(caller, MARKER_EXPORTED + id, null); // a purge needs an export made after this
            apply(g, List.of(), g.installed(id) ? List.of(id) : List.of());
            return plan;
        }
    }

    @Override
    public ModulePlan applyProfile(Caller caller, String profileId) {
        requireAdmin(caller);
        synchronized (lock) {
            Graph g = graph();
            ModulePlan plan = planProfile(g, profileId);
            Map<String, String> desired = new LinkedHashMap<>();
            for (String m : g.closure(profile(g, profileId, profiles.get(profileId)).modules())) {
                desired.put(m, g.feature(m).feature());
            }
            store.save(caller, desired, "profile " + profileId);
            store.setMarker(caller, MARKER_PROFILE, profileId);
            apply(g, plan.enable(), plan.disable().stream().filter(g::installed).collect(Collectors.toList()));
            return plan;
        }
    }

    /** Uninstalls, then installs; an install failure is remembered for the catalogue and thrown. */
    private void apply(Graph g, List<String> enable, List<String> disable) {
        if (!disable.isEmpty()) {
            Set<String> features = disable.stream().map(m -> g.feature(m).feature())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            try {
                node.uninstall(features);
                LOG.info("Modules disabled: {}", disable);
            } catch (Exception e) {
                LOG.error("Disabling modules {} failed", disable, e);
                throw new HpfException(Texts.msg("error.module.disableFailed", String.join(", ", disable), reason(e)), e);
            }
            disable.forEach(lastErrors::remove);
        }
        if (!enable.isEmpty()) {
            Map<String, String> failed = install(g, enable);
            if (!failed.isEmpty()) {
                String first = failed.keySet().iterator().next();
                throw new HpfException(Texts.msg("error.module.enableFailed", g.label(first), failed.get(first)));
            }
            LOG.info("Modules enabled: {}", enable);
        }
    }

    /** Installs the modules together, or one by one when that fails; returns the errors by module id. */
    private Map<String, String> install(Graph g, List<String> modules) {
        Map<String, String> failed = new LinkedHashMap<>();
        try {
            node.install(modules.stream().map(m -> g.feature(m).feature())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        } catch (Exception together) {
            LOG.warn("Installing modules {} together failed ({}); trying one by one", modules, reason(together));
            for (String m : modules) {
                try {
                    node.install(Set.of(g.feature(m).feature()));
                } catch (Exception e) {
                    failed.put(m, reason(e));
                }
            }
        }
        List<String> placed = modules.stream().filter(m -> !failed.containsKey(m) && node.installed(g.feature(m).feature()))
                .collect(Collectors.toList());
        Map<String, String> problems = settle(g, placed, enableSettle, true);
        for (String m : modules) {
            String f = failed.containsKey(m) ? failed.get(m) : node.installed(g.feature(m).feature())
                    ? problems.get(m) : "not installed";
            if (f == null) {
                lastErrors.remove(m);
            } else {
                failed.put(m, f);
                lastErrors.put(m, f);
                LOG.error("Module {} failed to start: {}", m, f);
            }
        }
        return failed;
    }

    @Override
    public boolean reconciling(Caller caller) {
        requireReader(caller);
        return reconciling.get() > 0;
    }

    /** The node's start-up reconciliation is scheduled: {@link #reconciling} is true until it has run. */
    void startupScheduled() {
        reconciling.incrementAndGet();
    }

    /** Runs the reconciliation {@link #startupScheduled} announced. */
    List<ModuleInfo> startupReconcile(Caller caller) {
        try {
            return reconcile(caller);
        } finally {
            reconciling.decrementAndGet();
        }
    }

    @Override
    public List<ModuleInfo> reconcile(Caller caller) {
        requireAdmin(caller);
        reconciling.incrementAndGet();
        try {
            return reconcileNow(caller);
        } finally {
            reconciling.decrementAndGet();
        }
    }

    private List<ModuleInfo> reconcileNow(Caller caller) {
        Graph after;
        List<String> present;
        Set<String> desiredIds;
        synchronized (lock) {
            Graph g = graph();
            Optional<Map<String, String>> stored = store.load();
            Map<String, String> desired;
            if (stored.isEmpty()) {
                // first start: the configured profile, plus whatever modules are already installed
                desired = new LinkedHashMap<>();
                List<String> wanted = new ArrayList<>();
                if (firstStartProfile != null && profiles.containsKey(firstStartProfile)) {
                    wanted.addAll(profile(g, firstStartProfile, profiles.get(firstStartProfile)).modules());
                    store.setMarker(caller, MARKER_PROFILE, firstStartProfile);
                } else if (firstStartProfile != null) {
                    LOG.warn("Unknown first-start profile {} (known: {}); keeping the installed modules",
                            firstStartProfile, profiles.keySet());
                }
                g.order.stream().filter(g::installed).forEach(wanted::add);
                for (String m : g.closure(wanted)) {
                    desired.put(m, g.feature(m).feature());
                }
                store.save(caller, desired, "first start" + (firstStartProfile == null ? "" : " " + firstStartProfile));
                LOG.info("First start: desired module set {} (profile {})", desired.keySet(), firstStartProfile);
            } else {
                desired = stored.get();
            }
            Graph now = graph();
            List<String> missing = now.order.stream().filter(m -> desired.containsKey(m) && !now.installed(m))
                    .collect(Collectors.toList());
            List<String> unwanted = new ArrayList<>();
            for (int i = now.order.size() - 1; i >= 0; i--) {
                String m = now.order.get(i);
                if (now.installed(m) && !desired.containsKey(m)) {
                    unwanted.add(m);
                }
            }
            desired.keySet().stream().filter(m -> !now.byId.containsKey(m)).forEach(m -> {
                lastErrors.put(m, "no feature on this node");
                LOG.error("Module {} is in the desired set but this node has no feature for it", m);
            });
            if (!missing.isEmpty() || !unwanted.isEmpty()) {
                LOG.info("Reconciling modules: enabling {}, disabling {}", missing, unwanted);
            }
            if (!unwanted.isEmpty()) {
                try {
                    node.uninstall(unwanted.stream().map(m -> now.feature(m).feature())
                            .collect(Collectors.toCollection(LinkedHashSet::new)));
                } catch (Exception e) {
                    LOG.error("Reconcile: disabling {} failed: {}", unwanted, reason(e));
                }
            }
            if (!missing.isEmpty()) {
                install(now, missing);
            }
            // bundles left installed but not started (the node stopped in the middle of an install) are started;
            // then the modules get time to come up (their components activate after the boot) before any is reported
            after = graph();
            present = new ArrayList<>();
            for (String m : after.order) {
                if (desired.containsKey(m) && after.installed(m)) {
                    present.add(m);
                    node.start(after.feature(m).feature());
                }
            }
            desiredIds = new java.util.LinkedHashSet<>(desired.keySet());
        }
        // outside the lock: an admin's enable or disable need not wait for the start-up to settle
        settle(after, present, startupSettle, false);
        List<ModuleInfo> failed = graph().infos().stream().filter(i -> i.state() == ModuleState.FAILED)
                .collect(Collectors.toList());
        for (ModuleInfo f : failed) {
            LOG.error("Module {} ({}) failed: {}", f.id(), f.feature(), f.failure());
        }
        LOG.info("Modules reconciled with the desired set {}: {} failed", desiredIds, failed.size());
        return failed;
    }

    /**
     * Waits until the installed modules run, or the time is up; with {@code untilStable}, also stops waiting once
     * the problems have not changed for 5 seconds (a failed activation or migration does not heal by itself).
     *
     * @return the problems left, by module id (modules that run are absent)
     */
    private Map<String, String> settle(Graph g, List<String> modules, Duration max, boolean untilStable) {
        long end = System.nanoTime() + max.toNanos();
        Map<String, String> last = null;
        long stableSince = System.nanoTime();
        while (true) {
            Map<String, String> now = new LinkedHashMap<>();
            for (String m : modules) {
                String f = node.failure(g.feature(m).feature());
                if (f != null) {
                    now.put(m, f);
                }
            }
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
            boolean stable = untilStable && System.nanoTime() - stableSince >= 5_000_000_000L;
            if (now.isEmpty() || stable || System.nanoTime() >= end) {
                return now;
            }
            try {
                sleeper.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }

    // ---------------------------------------------------------------- data

    @Override
    public ModuleExport exportData(Caller caller, String id) {
        requireAdmin(caller);
        ModuleInfo m = graph().info(id);
        if (m.tables() == null) {
            throw new ValidationException(Texts.msg("error.module.noData", m.name(Locale.SIMPLIFIED_CHINESE)));
        }
        synchronized (lock) {
            ModuleExport export = data.export(caller, m);
            store.setMarker(caller, MARKER_EXPORTED + id, java.time.Instant.now().toString());
            return export;
        }
    }

    @Override
    public List<String> purgeData(Caller caller, String id, String confirmation) {
        requireAdmin(caller);
        synchronized (lock) {
            Graph g = graph();
            ModuleInfo m = g.info(id);
            String label = g.label(id);
            if (m.tables() == null) {
                throw new ValidationException(Texts.msg("error.module.noData", label));
            }
            if (m.state() != ModuleState.DISABLED || m.desired()) {
                throw new ValidationException(Texts.msg("error.purge.enabled", label));
            }
            if (store.marker(MARKER_EXPORTED + id).isEmpty()) {
                throw new ValidationException(Texts.msg("error.purge.notExported", label));
            }
            if (confirmation == null || !confirmation.trim().equals(id)) {
                throw ValidationException.field("confirm", Texts.msg("error.purge.confirm", id));
            }
            List<String> dropped = data.purge(caller, m);
            store.setMarker(caller, MARKER_EXPORTED + id, null);
            LOG.info("Module {}: data purged by {} (tables {})", id, caller.username(), dropped);
            return dropped;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void requireReader(Caller caller) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
    }

    private static void requireAdmin(Caller caller) {
        caller.requireAnyRole(Role.OFFICE_ADMIN);
    }

    private ModuleProfile profile(Graph g, String id, List<String> ids) {
        List<String> ok = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String m : ids) {
            (g.byId.containsKey(m) ? ok : missing).add(m);
        }
        return new ModuleProfile(id, ok, missing);
    }

    static String reason(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = new java.util.HashSet<>();
        while (t != null && seen.add(t)) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m.strip());
            }
            t = t.getCause();
        }
        String s = sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
        return s.length() > 900 ? s.substring(0, 900) + "…" : s;
    }

    Graph graph() {
        return new Graph(node.moduleFeatures(), store.load().orElse(Map.of()));
    }

    /** The module features, their requirements and states at one moment. */
    final class Graph {
        final Map<String, Node.ModuleFeature> byId = new LinkedHashMap<>();
        final Map<String, List<String>> requires = new HashMap<>();
        final Map<String, Boolean> installed = new HashMap<>();
        final Map<String, String> desired;
        /** Module ids, each after what it requires. */
        final List<String> order = new ArrayList<>();

        Graph(List<Node.ModuleFeature> features, Map<String, String> desired) {
            this.desired = desired;
            Map<String, String> idByFeature = new HashMap<>();
            for (Node.ModuleFeature f : new TreeMap<>(features.stream()
                    .collect(Collectors.toMap(x -> x.capability().id(), x -> x, (a, b) -> a))).values()) {
                byId.put(f.capability().id(), f);
                idByFeature.put(f.feature(), f.capability().id());
            }
            for (Node.ModuleFeature f : byId.values()) {
                requires.put(f.capability().id(), f.dependencies().stream().map(idByFeature::get)
                        .filter(java.util.Objects::nonNull).distinct().collect(Collectors.toList()));
                installed.put(f.capability().id(), node.installed(f.feature()));
            }
            Set<String> done = new LinkedHashSet<>();
            for (String id : byId.keySet()) {
                visit(id, done, new LinkedHashSet<>());
            }
            order.addAll(done);
        }

        private void visit(String id, Set<String> done, Set<String> path) {
            if (done.contains(id) || !path.add(id)) {
                return; // a cycle is cut where it closes
            }
            for (String r : requires.getOrDefault(id, List.of())) {
                visit(r, done, path);
            }
            done.add(id);
        }

        Node.ModuleFeature feature(String id) {
            Node.ModuleFeature f = id == null ? null : byId.get(id);
            if (f == null) {
                throw new NotFoundException(Texts.msg("error.module.unknown", id, String.join(", ", byId.keySet())));
            }
            return f;
        }

        boolean installed(String id) {
            return installed.getOrDefault(id, false);
        }

        /** The modules and everything they require, each after its requirements. */
        List<String> closure(Collection<String> ids) {
            Set<String> want = new LinkedHashSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(ids);
            while (!todo.isEmpty()) {
                String m = todo.pop();
                feature(m);
                if (want.add(m)) {
                    todo.addAll(requires.getOrDefault(m, List.of()));
                }
            }
            return order.stream().filter(want::contains).collect(Collectors.toList());
        }

        /** Enabled (installed or desired) modules outside {@code leaving} that need {@code id}, directly or not. */
        List<String> enabledDependents(String id, Set<String> leaving) {
            List<String> out = new ArrayList<>();
            for (String m : order) {
                if (leaving.contains(m) || !(installed(m) || desired.containsKey(m))) {
                    continue;
                }
                if (!m.equals(id) && closure(List.of(m)).contains(id)) {
                    out.add(m);
                }
            }
            return out;
        }

        String label(String id) {
            Node.ModuleFeature f = byId.get(id);
            String zh = f == null ? null : f.capability().nameZh();
            return zh == null ? id : zh + "（" + id + "）";
        }

        ModuleInfo info(String id) {
            Node.ModuleFeature f = feature(id);
            ModuleCapability c = f.capability();
            ModuleState state;
            String failure = null;
            if (installed(id)) {
                failure = node.failure(f.feature());
                state = failure == null ? ModuleState.ENABLED : ModuleState.FAILED;
            } else if (desired.containsKey(id)) {
                state = ModuleState.FAILED;
                failure = lastErrors.getOrDefault(id, "desired but not installed (a restart reconciles it)");
            } else {
                state = ModuleState.DISABLED;
            }
            List<String> requiredBy = order.stream().filter(m -> requires.getOrDefault(m, List.of()).contains(id))
                    .collect(Collectors.toList());
            return new ModuleInfo(id, f.feature(), f.version(), c.nameZh(), c.nameEn(), c.descZh(), c.descEn(), state,
                    failure, desired.containsKey(id), requires.getOrDefault(id, List.of()), requiredBy, c.tables(),
                    c.schema());
        }

        List<ModuleInfo> infos() {
            return order.stream().map(this::info).collect(Collectors.toList());
        }
    }
}
