package cn.gannan.hpf.fleet.internal.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.gannan.hpf.fleet.internal.release.ReleaseKeys;
import cn.gannan.hpf.fleet.internal.release.ReleaseVerifier;
import cn.gannan.hpf.fleet.spi.EnabledModules;

/** A county node as the agent sees it: fake Karaf, health and database, a real agent folder and kar folder. */
final class AgentTestNode {

    final Path root;
    final FakeKaraf karaf;
    final AgentFiles files;
    final List<String> database = new ArrayList<>();
    boolean failBackup;
    Function<FakeKaraf, List<String>> health = k -> List.of();
    /** Problems that will not mend since the given instant (a failed migration), asked only when unhealthy. */
    java.util.function.BiFunction<FakeKaraf, Instant, List<String>> lasting = (k, since) -> List.of();
    /** What the node's module management answers: still bringing the modules up. */
    volatile boolean settling;
    Instant now = Instant.parse("2026-11-28T08:00:00Z");
    int healthChecks;
    Runnable onHealthCheck = () -> { };

    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    AgentTestNode(Path root, String running, String... modules) throws Exception {
        this.root = root;
        Files.createDirectories(root.resolve("kar"));
        karaf = new FakeKaraf(root.resolve("kar"), running, modules);
        files = new AgentFiles(root.resolve("agent"));
        probe = new HealthProbe() {
            @Override
            public List<String> problems() {
                healthChecks++;
                onHealthCheck.run();
                return health.apply(karaf);
            }

            @Override
            public List<String> lasting(Instant since) {
                return lasting.apply(karaf, since);
            }
        };
    }

    final HealthProbe probe;

    final DatabaseBackup db = new DatabaseBackup() {
        @Override
        public void backup(Path dir) throws Exception {
            if (failBackup) {
                throw new java.sql.SQLException("Derby: disk full");
            }
            Files.createDirectories(dir.resolve("hpf-db"));
            database.add("backup " + dir.getFileName());
        }

        @Override
        public void restore(Path dir) {
            database.add("restore " + dir.getFileName());
        }

        @Override
        public void resume() {
            database.add("resume");
        }
    };

    UpdateAgent agent(CentreClient centre, String publicKey) {
        ReleaseFetcher fetcher = new ReleaseFetcher(centre, new ReleaseVerifier(ReleaseKeys.parsePublicKey(publicKey)), files,
                root.resolve("kar"));
        UpdateAgent[] self = new UpdateAgent[1];
        EnabledModules enabled = new EnabledModules() {
            @Override
            public Set<String> enabledModules() {
                return self[0].modulesFromFeatures();
            }

            @Override
            public boolean settling() {
                return settling;
            }
        };
        self[0] = new UpdateAgent("GN02", centre, fetcher, karaf, probe, db, files, enabled,
                new UpdateAgent.Settings("http://centre", Duration.ofSeconds(60), Duration.ofSeconds(5),
                        Set.of("hpf-core"), "hpf-fleet", 2),
                clock, d -> now = now.plus(d));
        return self[0];
    }
}
