package cn.gannan.hpf.fleet.internal.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.spi.Migrations;
import cn.gannan.hpf.fleet.api.AgentService;
import cn.gannan.hpf.fleet.api.AgentStatus;
import cn.gannan.hpf.fleet.internal.release.ReleaseKeys;
import cn.gannan.hpf.fleet.internal.release.ReleaseVerifier;
import cn.gannan.hpf.fleet.spi.EnabledModules;

/**
 * The county agent as a DS component: wires {@link UpdateAgent} to Karaf and polls on a single daemon thread,
 * every interval with a random spread. It needs no service of the product's core (the core is what it updates and
 * stops during a database restore); the core's migrations are used when present. It starts once Karaf's boot has
 * finished (as module management does), so its first heartbeat does not report bundles still starting as a fault
 * and module management, if present, already says whether it is still bringing the modules up.
 */
@Component(service = AgentService.class, configurationPid = AgentConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AgentConfig.class)
public class AgentComponent implements AgentService {

    private static final Logger LOG = LoggerFactory.getLogger(AgentComponent.class);
    static final String CORE_IMPL = "cn.gannan.hpf.core-impl";

    private final UpdateAgent agent;
    private final ScheduledExecutorService timer;
    private final AgentConfig config;
    private volatile Instant nextPoll;

    private volatile Migrations migrations;
    private volatile DataSourceFactory derby;
    private volatile EnabledModules modules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setMigrations(Migrations m) {
        migrations = m;
    }

    void unsetMigrations(Migrations m) {
        if (migrations == m) {
            migrations = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(osgi.jdbc.driver.name=derby)")
    void setDerby(DataSourceFactory f) {
        derby = f;
    }

    void unsetDerby(DataSourceFactory f) {
        if (derby == f) {
            derby = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setModules(EnabledModules m) {
        modules = m;
    }

    void unsetModules(EnabledModules m) {
        if (modules == m) {
            modules = null;
        }
    }

    @Activate
    public AgentComponent(BundleContext context, AgentConfig config, @Reference FeaturesService features,
            @Reference ServiceComponentRuntime scr, @Reference ConfigurationAdmin configs,
            @Reference BootFinished bootFinished) {
        this.config = config;
        PublicKey key = ReleaseKeys.parsePublicKey(config.publicKey());
        Path work = Path.of(resolve(context, config.workDir()));
        AgentFiles files = new AgentFiles(work);
        Duration timeout = Duration.ofSeconds(Math.max(5, config.timeoutSeconds()));
        HttpCentreClient centre = new HttpCentreClient(config.centreUrl(), config._token(), timeout, timeout);
        ReleaseFetcher fetcher = new ReleaseFetcher(centre, new ReleaseVerifier(key), files,
                Path.of(resolve(context, config.repositoryDir())));
        KarafProvisioning karaf = new KarafProvisioning(features);
        URI local = URI.create(config.localUrl() == null || config.localUrl().isBlank()
                ? "http://localhost:" + property(configs, "org.ops4j.pax.web", "org.osgi.service.http.port", "8181") + "/"
                : config.localUrl().strip());
        KarafHealthProbe probe = new KarafHealthProbe(context, () -> scr, () -> migrations, local);
        DerbyBackup backup = new DerbyBackup(this::driver, () -> resolve(context, dataSourceUrl(configs)), new CoreBundles(context));
        Set<String> base = Arrays.stream(config.baseFeatures().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        UpdateAgent.Settings settings = new UpdateAgent.Settings(config.centreUrl(), Duration.ofSeconds(Math.max(10, config.healthTimeoutSeconds())),
                Duration.ofSeconds(3), base, "hpf-fleet", config.keepBackups());
        String office = property(configs, "cn.gannan.hpf.office", "code", "");
        UpdateAgent[] self = new UpdateAgent[1];
        EnabledModules enabled = new EnabledModules() {
            @Override
            public Set<String> enabledModules() {
                EnabledModules m = modules;
                return m != null ? m.enabledModules() : self[0].modulesFromFeatures();
            }

            @Override
            public boolean settling() {
                EnabledModules m = modules;
                return m != null && m.settling();
            }
        };
        agent = new UpdateAgent(office, centre, fetcher, karaf, probe, backup, files, enabled, settings, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()));
        self[0] = agent;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hpf-fleet-agent");
            t.setDaemon(true);
            return t;
        });
        schedule(Duration.ofSeconds(5));
        LOG.info("Fleet agent of office {} polls {} (release key {})", office, config.centreUrl(), ReleaseKeys.keyId(key));
    }

    @Deactivate
    void deactivate() {
        agent.close();
        timer.shutdownNow(); // not awaited: a thread inside Karaf's provisioning finishes there, a new agent resumes the journal
    }

    private void schedule(Duration delay) {
        nextPoll = Instant.now().plus(delay);
        try {
            timer.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("The agent is stopping; no further poll");
        }
    }

    private void run() {
        try {
            agent.cycle();
        } finally {
            Duration interval = agent.pollInterval().orElse(Duration.ofSeconds(Math.max(10, config.pollSeconds())));
            schedule(jitter(interval, config.jitterPercent()));
        }
    }

    /** The interval spread by up to ± percent, so that eight counties do not poll in step. */
    static Duration jitter(Duration interval, int percent) {
        int p = Math.max(0, Math.min(90, percent));
        double f = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * p / 100.0;
        return Duration.ofMillis(Math.max(1000, (long) (interval.toMillis() * f)));
    }

    @Override
    public AgentStatus status(Caller caller) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN, Role.AUDITOR);
        return agent.status(nextPoll);
    }

    @Override
    public void pollNow(Caller caller) {
        caller.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
        try {
            timer.execute(agent::cycle);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("The agent is stopping");
        }
    }

    private Driver driver() {
        DataSourceFactory f = derby;
        if (f == null) {
            return null;
        }
        try {
            return f.createDriver(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dataSourceUrl(ConfigurationAdmin configs) {
        try {
            Configuration[] found = configs.listConfigurations("(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=hpf))");
            if (found != null && found.length > 0) {
                Object url = found[0].getProperties().get("url");
                return url == null ? null : url.toString();
            }
            return null;
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(ConfigurationAdmin configs, String pid, String key, String fallback) {
        try {
            Configuration[] found = configs.listConfigurations("(service.pid=" + pid + ")");
            if (found != null && found.length > 0) {
                Dictionary<String, Object> props = found[0].getProperties();
                Object v = props == null ? null : props.get(key);
                if (v != null && !v.toString().isBlank()) {
                    return v.toString().strip();
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            LOG.warn("Cannot read configuration {}: {}", pid, e.toString());
        }
        return fallback;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z.]+)}");

    /** Replaces {@code ${karaf.data}} and the like (configuration written by a feature may keep them). */
    static String resolve(BundleContext context, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = context.getProperty(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The core's bundle, stopped while the database is restored. */
    static final class CoreBundles implements DerbyBackup.DatabaseUsers {
        private final BundleContext context;

        CoreBundles(BundleContext context) {
            this.context = context;
        }

        @Override
        public List<Object> stop() throws BundleException {
            List<Object> out = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                if (CORE_IMPL.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                    b.stop(Bundle.STOP_TRANSIENT);
                    out.add(b.getBundleId());
                }
            }
            return out;
        }

        @Override
        public void start(List<Object> stopped) {
            for (Object id : stopped) {
                Bundle b = context.getBundle((Long) id);
                if (b != null && b.getState() == Bundle.RESOLVED) {
                    try {
                        b.start(Bundle.START_TRANSIENT);
                    } catch (BundleException e) {
                        LOG.warn("Cannot start {} again: {}", b.getSymbolicName(), e.toString());
                    }
                }
            }
        }
    }
}
