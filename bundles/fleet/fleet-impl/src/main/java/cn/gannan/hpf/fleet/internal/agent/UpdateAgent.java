package cn.gannan.hpf.fleet.internal.agent;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.AgentStatus;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.api.ReleaseManifest;
import cn.gannan.hpf.fleet.internal.agent.Journal.Stage;
import cn.gannan.hpf.fleet.internal.release.FeatureVersions;
import cn.gannan.hpf.fleet.internal.release.ManifestFormat;
import cn.gannan.hpf.fleet.internal.release.ReleasePublisher;
import cn.gannan.hpf.fleet.internal.release.ReleaseRejectedException;
import cn.gannan.hpf.fleet.spi.EnabledModules;

/**
 * What a county agent does on each poll, without any Karaf or HTTP class of its own (those are behind
 * {@link CentreClient}, {@link Provisioning}, {@link HealthProbe} and {@link DatabaseBackup}):
 * <ol>
 * <li>finish an update a restart interrupted ({@link Journal});</li>
 * <li>report a heartbeat and read the desired state (the last one known while the centre is unreachable);</li>
 * <li>when a new release is wanted (and it did not fail already at this attempt): download it and verify its
 * signature and every hash — a release that does not match is refused and reported, nothing is installed;</li>
 * <li>back up the database, add the release's features repository, install the product's features at the new
 * version (Karaf's upgrade replaces the old ones), check the node's health within a time limit;</li>
 * <li>healthy: remove the old repository and report the new release; otherwise restore the database backup and
 * the previous features, and report FAILED with the reason — the office keeps serving on its last good release.</li>
 * </ol>
 */
public final class UpdateAgent {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateAgent.class);
    static final int JOURNAL_FORMAT = 1;
    static final String CORE_FEATURE = "hpf-core";

    /** How long to wait; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param baseFeatures the features every office runs (module features come on top)
     * @param agentFeatures prefix of the fleet's own features, kept whatever the module set
     */
    public record Settings(String centreUrl, Duration healthTimeout, Duration checkEvery, Set<String> baseFeatures,
            String agentFeatures, int keepBackups) {
    }

    private final String office;
    private final CentreClient centre;
    private final ReleaseFetcher fetcher;
    private final Provisioning karaf;
    private final HealthProbe probe;
    private final DatabaseBackup database;
    private final AgentFiles files;
    private final EnabledModules enabledModules;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    private volatile boolean closed;
    private volatile AgentPhase phase = AgentPhase.IDLE;
    private volatile String target;
    private volatile Health health = Health.UNKNOWN;
    private volatile List<String> problems = List.of();
    private volatile boolean reachable;
    private volatile Instant lastContact;
    private volatile String transientError;

    public UpdateAgent(String office, CentreClient centre, ReleaseFetcher fetcher, Provisioning karaf, HealthProbe probe,
            DatabaseBackup database, AgentFiles files, EnabledModules enabledModules, Settings settings, Clock clock,
            Sleeper sleeper) {
        this.office = office;
        this.centre = centre;
        this.fetcher = fetcher;
        this.karaf = karaf;
        this.probe = probe;
        this.database = database;
        this.files = files;
        this.enabledModules = enabledModules;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Stops at the next step: a newer agent (after a refresh or an update of the agent itself) carries on. */
    public void close() {
        closed = true;
    }

    public AgentStatus status(Instant nextPoll) {
        AgentState s = files.state();
        return new AgentStatus(office, settings.centreUrl(), s.running(), s.previous(), target, phase, health, s.failedRelease(),
                phase == AgentPhase.FAILED ? s.lastError() : transientError != null ? transientError
                        : problems.isEmpty() ? null : String.join("; ", problems),
                reachable, lastContact, nextPoll, problems);
    }

    /** The poll interval the centre asks for, if it answered. */
    public Optional<Duration> pollInterval() {
        DesiredState d = files.state().desired();
        return d == null || d.pollSeconds() <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(d.pollSeconds()));
    }

    // ---------------------------------------------------------------- one poll

    public synchronized void cycle() {
        try {
            Optional<Journal> journal = files.journal();
            if (journal.isPresent()) {
                LOG.info("Resuming the update from {} to {} at stage {}", journal.get().from(), journal.get().to(), journal.get().stage());
                resume(journal.get());
                if (closed) {
                    return;
                }
            }
            AgentState state = knownState();
            DesiredState desired = poll();
            state = files.state();
            if (desired == null || desired.release() == null || desired.release().equals(state.running())) {
                phase = AgentPhase.IDLE;
                target = null;
                return;
            }
            if (desired.release().equals(state.failedRelease()) && desired.attempt() <= state.failedAttempt()) {
                phase = AgentPhase.FAILED; // waits for a retry (a higher attempt) from the centre
                target = null;
                return;
            }
            if (settling()) {
                // the backup, the update and its health check would race the modules coming up: next poll
                LOG.info("Release {} waits: the office's modules are still coming up", desired.release());
                phase = AgentPhase.IDLE;
                target = null;
                return;
            }
            update(desired);
        } catch (RuntimeException e) {
            LOG.error("The update agent's poll failed", e);
            transientError = text(e);
        }
    }

    /** The state, with the running release read from Karaf the first time. */
    AgentState knownState() {
        AgentState s = files.state();
        if (s.running() != null) {
            return s;
        }
        String running = null;
        try {
            running = karaf.repositoryOf(CORE_FEATURE).map(u -> versionOf(u.toString())).orElse(null);
        } catch (Exception e) {
            LOG.warn("Cannot tell which release runs: {}", e.toString());
        }
        if (running != null) {
            s = s.withRunning(running);
            files.save(s);
        }
        return s;
    }

    /** {@code mvn:group/artifact/version/xml/features} → version. */
    static String versionOf(String mvnUri) {
        String[] p = mvnUri.startsWith("mvn:") ? mvnUri.substring(4).split("/") : new String[0];
        return p.length >= 3 && ManifestFormat.validVersion(p[2]) ? p[2] : null;
    }

    private DesiredState poll() {
        try {
            DesiredState d = centre.heartbeat(heartbeat());
            reachable = true;
            lastContact = clock.instant();
            transientError = null;
            files.save(files.state().withDesired(d));
            return d;
        } catch (IOException e) {
            reachable = false;
            LOG.info("The centre cannot be reached ({}); working from the local state", e.toString());
            return files.state().desired();
        } catch (CentreRefusedException e) {
            reachable = true;
            transientError = text(e);
            LOG.warn("The centre refused this office: {}", e.getMessage());
            return null;
        }
    }

    /** Sends a heartbeat now, if the centre can be reached; nothing happens otherwise. */
    void report() {
        try {
            DesiredState d = centre.heartbeat(heartbeat());
            reachable = true;
            lastContact = clock.instant();
            files.save(files.state().withDesired(d));
        } catch (IOException | HpfException e) {
            reachable = reachable && !(e instanceof IOException);
        }
    }

    Heartbeat heartbeat() {
        AgentState s = files.state();
        if (phase == AgentPhase.IDLE || phase == AgentPhase.FAILED) {
            List<String> p = probe.problems();
            problems = List.copyOf(p);
            // a check that fails while the modules are still coming up is not (yet) a fault
            health = p.isEmpty() ? Health.HEALTHY : settling() ? Health.STARTING : Health.UNHEALTHY;
        }
        String error = phase == AgentPhase.FAILED ? s.lastError()
                : !problems.isEmpty() ? String.join("; ", problems.subList(0, Math.min(5, problems.size()))) : transientError;
        List<String> modules;
        try {
            modules = List.copyOf(new TreeSet<>(enabledModules.enabledModules()));
        } catch (RuntimeException e) {
            modules = List.of();
        }
        return new Heartbeat(s.running(), modules, health, phase, target, s.failedRelease(), s.failedAttempt(), error, clock.instant());
    }

    /** Whether the office's modules are still being brought up (module management reconciling after a start). */
    private boolean settling() {
        try {
            return enabledModules.settling();
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell whether the modules are still coming up: {}", e.toString());
            return false;
        }
    }

    // ---------------------------------------------------------------- the update

    private void update(DesiredState desired) {
        String version = desired.release();
        target = version;
        phase = fetcher.local(version) ? AgentPhase.VERIFYING : AgentPhase.DOWNLOADING;
        report();
        ReleaseManifest m;
        try {
            m = fetcher.obtain(version);
        } catch (IOException e) {
            transientError = msg("error.agent.download", version, e.getMessage()).format(Msg.ZH_CN);
            LOG.info("Release {} is not downloaded yet ({}); the download resumes at the next poll", version, e.toString());
            return;
        } catch (ReleaseRejectedException e) {
            LOG.error("Release {} is refused: {}", version, e.getMessage());
            fail(version, desired.attempt(), text(e));
            report();
            return;
        }
        transientError = null;
        if (!closed) {
            apply(m, desired.attempt(), desired.modules());
            if (!closed) {
                report();
            }
        }
    }

    private void apply(ReleaseManifest m, int attempt, List<String> desiredModules) {
        String to = m.release();
        AgentState s = files.state();
        URI toRepository = URI.create(m.featuresRepository());
        Set<URI> repositories;
        Map<String, Set<String>> requirements;
        Map<String, String> from;
        URI fromRepository;
        try {
            repositories = karaf.repositories();
            requirements = karaf.requirements();
            from = productFeatures(requirements, s.running());
            fromRepository = karaf.repositoryOf(CORE_FEATURE).orElse(null);
        } catch (Exception e) {
            fail(to, attempt, text(e));
            return;
        }
        List<String> toNames = targetNames(from.keySet(), desiredModules);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Path backup = files.backups().resolve(stamp + "-" + s.running() + "-to-" + to);
        Map<String, List<String>> savedRequirements = new TreeMap<>();
        requirements.forEach((region, reqs) -> savedRequirements.put(region, List.copyOf(new TreeSet<>(reqs))));
        Journal j = new Journal(JOURNAL_FORMAT, s.running(), to, attempt, repositories.stream().map(URI::toString).toList(),
                savedRequirements, from, toNames, toRepository.toString(), backup.toString(), Stage.BACKING_UP, null, null,
                clock.instant());
        files.save(j);
        phase = AgentPhase.BACKING_UP;
        try {
            Set<String> offered = karaf.features(toRepository);
            List<String> missing = toNames.stream().filter(n -> offered.stream().noneMatch(f -> sameFeature(f, n, to))).toList();
            if (!missing.isEmpty()) {
                throw new HpfException(msg("error.agent.missingFeatures", to, String.join(", ", missing)));
            }
            Files.createDirectories(backup.getParent());
            database.backup(backup);
        } catch (Exception e) {
            LOG.error("Release {} was not applied: {}", to, e.toString());
            files.clearJournal();
            phase = AgentPhase.IDLE;
            fail(to, attempt, e instanceof HpfException ? text(e) : msg("error.agent.backup", e.toString()).format(Msg.ZH_CN));
            return;
        }
        // the new state: the old release's repository replaced by the new one, its features by the new versions
        Set<URI> newRepositories = new LinkedHashSet<>(repositories);
        if (fromRepository != null) {
            newRepositories.remove(fromRepository);
        }
        newRepositories.add(toRepository);
        Map<String, Set<String>> newRequirements = new HashMap<>();
        requirements.forEach((region, reqs) -> newRequirements.put(region, new LinkedHashSet<>(reqs)));
        Set<String> root = newRequirements.computeIfAbsent(Requirements.ROOT, r -> new LinkedHashSet<>());
        from.forEach((name, version) -> root.remove(Requirements.of(name, version)));
        toNames.forEach(name -> root.add(Requirements.of(name, to)));
        j = j.at(Stage.INSTALLING, clock.instant().plus(settings.healthTimeout().multipliedBy(2)), null);
        files.save(j);
        phase = AgentPhase.APPLYING;
        report();
        try {
            karaf.update(newRepositories, newRequirements);
        } catch (Exception e) {
            if (closed) {
                return;
            }
            LOG.error("Installing release {} failed", to, e);
            rollback(j, msg("error.agent.install", text(e)).format(Msg.ZH_CN));
            return;
        }
        if (closed) {
            return;
        }
        j = j.at(Stage.CHECKING, clock.instant().plus(settings.healthTimeout()), null);
        files.save(j);
        check(j);
    }

    /** Waits for the node to be healthy on the new release; commits, or rolls back at the deadline. */
    private void check(Journal j) {
        phase = AgentPhase.CHECKING;
        target = j.to();
        report();
        Instant deadline = j.deadline() == null ? clock.instant().plus(settings.healthTimeout()) : j.deadline();
        Map<String, String> wanted = new LinkedHashMap<>();
        j.toFeatures().forEach(n -> wanted.put(n, j.to()));
        List<String> p = waitHealthy(wanted, deadline, j.started());
        if (closed) {
            return;
        }
        if (p.isEmpty()) {
            commit(j);
        } else if (!clock.instant().isBefore(deadline)) {
            rollback(j, msg("error.agent.unhealthy", settings.healthTimeout().toSeconds(), firstFive(p)).format(Msg.ZH_CN));
        } else {
            rollback(j, msg("error.agent.broken", firstFive(p)).format(Msg.ZH_CN));
        }
    }

    /** The first five problems, for a rollback reason. */
    private static String firstFive(List<String> problems) {
        return String.join("; ", problems.subList(0, Math.min(5, problems.size())));
    }

    /**
     * None as soon as the node is healthy with the features installed; the problems at the deadline, or as soon as
     * one of them will not mend by waiting (a migration failed since {@code since}; those come first).
     */
    private List<String> waitHealthy(Map<String, String> features, Instant deadline, Instant since) {
        while (true) {
            List<String> p = new ArrayList<>();
            for (Map.Entry<String, String> f : features.entrySet()) {
                try {
                    if (!karaf.installed(f.getKey(), f.getValue())) {
                        p.add("feature " + f.getKey() + "/" + f.getValue() + " is not installed");
                    }
                } catch (Exception e) {
                    p.add("feature " + f.getKey() + "/" + f.getValue() + ": " + e);
                }
            }
            p.addAll(probe.problems());
            List<String> lasting = p.isEmpty() || since == null ? List.of() : probe.lasting(since);
            if (!lasting.isEmpty()) {
                List<String> all = new ArrayList<>(lasting);
                p.stream().filter(x -> !lasting.contains(x)).forEach(all::add);
                p = all;
            }
            if (p.isEmpty() || !lasting.isEmpty() || !clock.instant().isBefore(deadline) || closed) {
                problems = List.copyOf(p);
                health = p.isEmpty() ? Health.HEALTHY : Health.UNHEALTHY;
                return p;
            }
            try {
                sleeper.sleep(settings.checkEvery());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                return p;
            }
        }
    }

    private void commit(Journal j) {
        AgentState s = files.state();
        files.save(new AgentState(j.to(), j.from(), null, 0, null, s.desired()));
        files.clearJournal();
        pruneBackups();
        ReleasePublisher.deleteTree(files.staging(j.to()));
        phase = AgentPhase.IDLE;
        target = null;
        LOG.info("Release {} is applied and healthy (was {})", j.to(), j.from());
    }

    /** Puts back the database backup and the previous features; records the failure. */
    private void rollback(Journal journal, String reason) {
        Journal j = journal.at(Stage.ROLLING_BACK, clock.instant().plus(settings.healthTimeout()), reason);
        files.save(j);
        phase = AgentPhase.ROLLING_BACK;
        target = j.to();
        LOG.error("Rolling back from {} to {}: {}", j.to(), j.from(), reason);
        report();
        String outcome;
        try {
            database.restore(Path.of(j.backup()));
            Map<String, Set<String>> requirements = new HashMap<>();
            j.requirements().forEach((region, reqs) -> requirements.put(region, new LinkedHashSet<>(reqs)));
            karaf.update(j.repositories().stream().map(URI::create).collect(Collectors.toCollection(LinkedHashSet::new)), requirements);
            database.resume();
            if (closed) {
                return;
            }
            List<String> after = waitHealthy(j.fromFeatures(), j.deadline(), null);
            if (closed) {
                return;
            }
            outcome = after.isEmpty() ? msg("agent.rolledBack", reason, j.from()).format(Msg.ZH_CN)
                    : msg("agent.rolledBackUnhealthy", reason, j.from(), String.join("; ", after.subList(0, Math.min(5, after.size()))))
                            .format(Msg.ZH_CN);
        } catch (Exception e) {
            if (closed) {
                return;
            }
            database.resume();
            LOG.error("The rollback to {} failed", j.from(), e);
            outcome = msg("agent.rollbackFailed", reason, j.from(), text(e)).format(Msg.ZH_CN);
        }
        AgentState s = files.state();
        files.save(new AgentState(j.from(), s.previous(), j.to(), j.attempt(), outcome, s.desired()));
        files.clearJournal();
        phase = AgentPhase.FAILED;
        target = null;
    }

    /** A journal found at start: finish what it describes. */
    private void resume(Journal j) {
        switch (j.stage()) {
            case BACKING_UP -> {
                abandon(j); // nothing was installed: the next poll starts over
            }
            case INSTALLING, CHECKING -> check(j);
            case ROLLING_BACK -> rollback(j, j.reason());
            default -> throw new IllegalStateException("unknown stage " + j.stage());
        }
    }

    /** Drops an update before anything was installed (nothing was registered either). */
    private void abandon(Journal j) {
        LOG.info("The update to {} had not installed anything; it starts over at the next poll", j.to());
        files.clearJournal();
        phase = AgentPhase.IDLE;
    }

    private void fail(String version, int attempt, String reason) {
        AgentState s = files.state();
        files.save(new AgentState(s.running(), s.previous(), version, attempt, reason, s.desired()));
        phase = AgentPhase.FAILED;
        target = null;
    }

    // ---------------------------------------------------------------- helpers

    /** The product's features the node asks for (root region): {@code hpf-*} at the running release's version. */
    Map<String, String> productFeatures(Map<String, Set<String>> requirements, String running) {
        Map<String, String> out = new TreeMap<>();
        for (String r : requirements.getOrDefault(Requirements.ROOT, Set.of())) {
            Requirements.parse(r).filter(f -> f.name().startsWith("hpf-"))
                    .filter(f -> running == null || FeatureVersions.clean(f.version()).equals(FeatureVersions.clean(running)))
                    .ifPresent(f -> out.put(f.name(), f.version()));
        }
        return out;
    }

    /** Whether {@code name/version} (as Karaf lists it) is the feature {@code name} at {@code version}. */
    static boolean sameFeature(String id, String name, String version) {
        int slash = id.indexOf('/');
        return slash > 0 && id.substring(0, slash).equals(name)
                && FeatureVersions.clean(id.substring(slash + 1)).equals(FeatureVersions.clean(version));
    }

    /** The feature names to run: what the office has, or the base, the fleet's own and the desired modules. */
    List<String> targetNames(Set<String> current, List<String> desiredModules) {
        TreeSet<String> names = new TreeSet<>();
        if (desiredModules == null) {
            names.addAll(current);
        } else {
            names.addAll(settings.baseFeatures());
            current.stream().filter(n -> n.startsWith(settings.agentFeatures())).forEach(names::add);
            desiredModules.forEach(m -> names.add("hpf-" + m));
        }
        return List.copyOf(names);
    }

    /** Module ids from the features the office asked for, when no module service tells them. */
    Set<String> modulesFromFeatures() {
        try {
            return productFeatures(karaf.requirements(), files.state().running()).keySet().stream()
                    .filter(n -> !settings.baseFeatures().contains(n) && !n.startsWith(settings.agentFeatures()))
                    .map(n -> n.substring(4)).collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            return Set.of();
        }
    }

    private void pruneBackups() {
        Path dir = files.backups();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
            for (Path old : all.subList(Math.min(all.size(), Math.max(1, settings.keepBackups())), all.size())) {
                ReleasePublisher.deleteTree(old);
            }
        } catch (IOException e) {
            LOG.warn("Old backups stay in {}: {}", dir, e.toString());
        }
    }

    static String text(Exception e) {
        return e instanceof HpfException h ? h.localized(Msg.ZH_CN) : e.toString();
    }
}
