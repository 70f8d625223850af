package cn.gannan.hpf.fleet.internal.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.http.HttpServletRequest;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.FleetOffice;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.api.Rollout;
import cn.gannan.hpf.fleet.api.RolloutDraft;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveDraft;
import cn.gannan.hpf.fleet.internal.centre.CentreTestAccess;
import cn.gannan.hpf.fleet.internal.release.TestRepos;

/**
 * The county agent against a real centre (its services over Derby, its servlet in Jetty, a published release),
 * with Karaf, the health check and the database faked.
 */
public class UpdateAgentTest {

    private static final String JAR = "cn/gannan/hpf/core-impl/0.2.0/core-impl-0.2.0.jar";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CentreTestAccess centre;
    private Server jetty;
    private int port;
    private String token;
    private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    private AgentTestNode node;

    @Before
    public void setUp() throws Exception {
        centre = new CentreTestAccess(tmp.newFolder("centre").toPath());
        TestRepos.system(centre.system(), "0.2.0");
        centre.publish("0.2.0");
        token = centre.token("GN02");
        startCentre(0);
        node = new AgentTestNode(tmp.newFolder("county").toPath(), "0.1.0", "hpf-talks");
    }

    private void startCentre(int onPort) throws Exception {
        jetty = new Server(onPort);
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.addServlet(new ServletHolder(centre.servlet()), "/fleet/*");
        Filter recordRanges = new Filter() {
            @Override
            public void init(javax.servlet.FilterConfig c) {
            }

            @Override
            public void doFilter(javax.servlet.ServletRequest req, javax.servlet.ServletResponse resp, javax.servlet.FilterChain chain)
                    throws IOException, javax.servlet.ServletException {
                String r = ((HttpServletRequest) req).getHeader("Range");
                if (r != null) {
                    ranges.add(((HttpServletRequest) req).getRequestURI() + " " + r);
                }
                chain.doFilter(req, resp);
            }

            @Override
            public void destroy() {
            }
        };
        ctx.addFilter(new FilterHolder(recordRanges), "/*", java.util.EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(ctx);
        jetty.start();
        port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @After
    public void tearDown() throws Exception {
        jetty.stop();
    }

    private HttpCentreClient client() {
        return new HttpCentreClient("http://localhost:" + port, token, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private UpdateAgent agent() {
        return node.agent(client(), centre.publicKey());
    }

    private Rollout rollout(String... offices) {
        Rollout r = centre.rollouts().create(centre.admin(), new RolloutDraft("测试", "0.2.0", 50,
                List.of(new WaveDraft(List.of(offices), 100, true))));
        return centre.rollouts().start(centre.admin(), r.id());
    }

    private Rollout reload(Rollout r) {
        return centre.rollouts().rollout(centre.admin(), r.id());
    }

    @Test
    public void appliesTheReleaseAndTheRolloutSucceeds() throws Exception {
        UpdateAgent agent = agent();
        agent.cycle(); // first contact: on 0.1.0, nothing to do
        assertEquals("0.1.0", centre.fleet().office(centre.admin(), "GN02").runningRelease());
        Rollout r = rollout("GN02");

        agent.cycle();

        assertEquals(List.of("update [hpf-features-0.2.0-features.xml] [hpf-core/0.2.0, hpf-talks/0.2.0, scr/4.4.10]"), node.karaf.log);
        assertEquals(Map.of("hpf-core", "0.2.0", "hpf-talks", "0.2.0"), node.karaf.product());
        assertEquals("the old release's repository is gone", java.util.Set.of(FakeKaraf.product("0.2.0")), node.karaf.repositories());
        assertEquals(1, node.database.size());
        assertTrue(node.database.get(0), node.database.get(0).startsWith("backup 20261128-080000-0.1.0-to-0.2.0"));
        assertTrue(Files.isRegularFile(node.root.resolve("kar/hpf-release-0.2.0").resolve(JAR)));
        assertTrue("the verified manifest is kept", Files.isRegularFile(node.files.kept("0.2.0").resolve("release.manifest")));
        assertFalse("no journal is left", Files.exists(node.files.dir().resolve("journal.json")));
        AgentState s = node.files.state();
        assertEquals("0.2.0", s.running());
        assertEquals("0.1.0", s.previous());
        assertEquals(AgentPhase.IDLE, agent.status(null).phase());

        FleetOffice o = centre.fleet().office(centre.admin(), "GN02");
        assertEquals("0.2.0", o.runningRelease());
        assertEquals(Health.HEALTHY, o.health());
        assertEquals(List.of("talks"), o.modules());
        assertEquals(RolloutStatus.SUCCEEDED, reload(r).status());

        node.karaf.log.clear();
        agent.cycle();
        assertTrue("nothing more to do", node.karaf.log.isEmpty());
    }

    @Test
    public void whileTheModulesComeUpTheOfficeIsStartingAndTakesNoRelease() throws Exception {
        UpdateAgent agent = agent();
        node.settling = true;
        node.health = k -> List.of("component cn.gannan.hpf.talks.internal.TalkServiceImpl is unsatisfied");
        agent.cycle();
        FleetOffice o = centre.fleet().office(centre.admin(), "GN02");
        assertEquals(Health.STARTING, o.health());
        assertTrue(o.lastError(), o.lastError().contains("TalkServiceImpl"));
        assertEquals(Health.STARTING, agent.status(null).health());

        node.settling = false;
        agent.cycle();
        assertEquals("the same problem once module management is done is a fault", Health.UNHEALTHY,
                centre.fleet().office(centre.admin(), "GN02").health());

        node.settling = true;
        Rollout r = rollout("GN02");
        agent.cycle();
        assertTrue("nothing applied while the modules come up: " + node.karaf.log, node.karaf.log.isEmpty());
        assertTrue("no backup either", node.database.isEmpty());
        assertEquals("0.1.0", node.files.state().running());
        assertEquals(AgentPhase.IDLE, agent.status(null).phase());
        assertEquals(TargetStatus.UPDATING, reload(r).waves().get(0).targets().get(0).status());
        assertEquals(RolloutStatus.RUNNING, reload(r).status());

        node.health = k -> List.of();
        agent.cycle();
        assertEquals("up, but still settling: healthy checks are reported as healthy", Health.HEALTHY,
                centre.fleet().office(centre.admin(), "GN02").health());
        assertTrue(node.karaf.log.isEmpty());

        node.settling = false;
        agent.cycle();
        assertEquals("0.2.0", node.files.state().running());
        assertEquals(RolloutStatus.SUCCEEDED, reload(r).status());
    }

    @Test
    public void aTamperedArtifactIsRefusedBeforeAnythingIsInstalled() throws Exception {
        Path jar = centre.releaseDir("0.2.0").resolve("repository").resolve(JAR);
        byte[] b = Files.readAllBytes(jar);
        b[100] ^= 0x20;
        Files.write(jar, b);
        Rollout r = rollout("GN02");
        UpdateAgent agent = agent();

        agent.cycle();

        assertTrue("nothing was touched: " + node.karaf.log, node.karaf.log.isEmpty());
        assertTrue(node.database.isEmpty());
        assertFalse(Files.exists(node.root.resolve("kar/hpf-release-0.2.0")));
        AgentState s = node.files.state();
        assertEquals("0.1.0", s.running());
        assertEquals("0.2.0", s.failedRelease());
        assertEquals(1, s.failedAttempt());
        assertTrue(s.lastError(), s.lastError().contains("发布文件 " + JAR + " 的 SHA-256"));
        FleetOffice o = centre.fleet().office(centre.admin(), "GN02");
        assertEquals(AgentPhase.FAILED, o.phase());
        assertTrue(o.lastError(), o.lastError().contains("已被篡改或损坏"));
        Rollout after = reload(r);
        assertEquals(RolloutStatus.STOPPED, after.status());
        assertEquals(TargetStatus.FAILED, after.waves().get(0).targets().get(0).status());

        agent.cycle();
        assertTrue("the same attempt is not tried again", node.karaf.log.isEmpty());
    }

    @Test
    public void aFailedHealthCheckRollsBackAndRestoresTheDatabaseThenARetrySucceeds() throws Exception {
        node.health = k -> "0.2.0".equals(k.product().get("hpf-talks"))
                ? List.of("bundle cn.gannan.hpf.talks-impl 0.2.0 is RESOLVED, not ACTIVE") : List.of();
        Rollout r = rollout("GN02", "GN03");
        UpdateAgent agent = agent();

        agent.cycle();

        assertEquals(List.of("update [hpf-features-0.2.0-features.xml] [hpf-core/0.2.0, hpf-talks/0.2.0, scr/4.4.10]",
                "update [hpf-features-0.1.0-features.xml] [hpf-core/0.1.0, hpf-talks/0.1.0, scr/4.4.10]"), node.karaf.log);
        assertEquals(3, node.database.size());
        assertTrue(node.database.get(1).startsWith("restore 20261128-080000-0.1.0-to-0.2.0"));
        assertEquals("resume", node.database.get(2));
        assertEquals("0.1.0", node.karaf.product().get("hpf-talks"));
        assertEquals(java.util.Set.of(FakeKaraf.product("0.1.0")), node.karaf.repositories());
        AgentState s = node.files.state();
        assertEquals("0.1.0", s.running());
        assertEquals("0.2.0", s.failedRelease());
        assertTrue(s.lastError(), s.lastError().startsWith("60 秒内健康检查未通过：bundle cn.gannan.hpf.talks-impl 0.2.0 is RESOLVED"));
        assertTrue(s.lastError(), s.lastError().endsWith("已回退到版本 0.1.0 并恢复数据库，办公点正常运行。"));
        FleetOffice o = centre.fleet().office(centre.admin(), "GN02");
        assertEquals("0.1.0", o.runningRelease());
        assertEquals(Health.HEALTHY, o.health());
        assertEquals(AgentPhase.FAILED, o.phase());
        assertEquals(RolloutStatus.STOPPED, reload(r).status());
        assertNull("the other office of the wave is held back", centre.endpoint().desired("GN03").release());

        // nothing happens again until the centre retries with a new attempt
        node.karaf.log.clear();
        agent.cycle();
        assertTrue(node.karaf.log.isEmpty());
        node.health = k -> List.of();
        centre.rollouts().retry(centre.admin(), r.id(), "GN02");
        agent.cycle();
        assertEquals("0.2.0", node.files.state().running());
        assertNull(node.files.state().failedRelease());
        assertEquals("the release kept locally was verified again, not downloaded", List.of(
                "update [hpf-features-0.2.0-features.xml] [hpf-core/0.2.0, hpf-talks/0.2.0, scr/4.4.10]"), node.karaf.log);
        assertEquals(TargetStatus.SUCCEEDED, reload(r).waves().get(0).targets().stream()
                .filter(t -> t.officeCode().equals("GN02")).findFirst().orElseThrow().status());
    }

    @Test
    public void aMigrationThatFailedDuringTheUpdateRollsBackAtOnceWithoutWaitingForTheTimeout() throws Exception {
        String failed = "migration talks V99 failed: Table/View 'NO_SUCH_TABLE' does not exist.";
        int[] checksOfNew = new int[1];
        node.health = k -> "0.2.0".equals(k.product().get("hpf-talks")) && ++checksOfNew[0] > 0
                ? List.of("component cn.gannan.hpf.talks.internal.TalkServiceImpl is failed: java.lang.reflect.InvocationTargetException",
                        failed) : List.of();
        Instant[] askedSince = new Instant[1];
        node.lasting = (k, since) -> {
            askedSince[0] = since;
            return "0.2.0".equals(k.product().get("hpf-talks")) ? List.of(failed) : List.of();
        };
        Instant start = node.now;
        rollout("GN02");

        agent().cycle();

        assertEquals("the update's start bounds which failures are new", start, askedSince[0]);
        assertEquals("rolled back at the first look, not after the 60 s timeout", 1, checksOfNew[0]);
        assertEquals("0.1.0", node.karaf.product().get("hpf-talks"));
        AgentState s = node.files.state();
        assertEquals("0.2.0", s.failedRelease());
        assertTrue(s.lastError(), s.lastError().startsWith("健康检查发现无法自行恢复的问题：" + failed + "; component"));
        assertTrue(s.lastError(), s.lastError().endsWith("已回退到版本 0.1.0 并恢复数据库，办公点正常运行。"));
    }

    @Test
    public void aProblemThatMayMendIsWaitedForUntilTheTimeout() throws Exception {
        int[] checksOfNew = new int[1];
        node.health = k -> "0.2.0".equals(k.product().get("hpf-talks")) && ++checksOfNew[0] > 0
                ? List.of("bundle cn.gannan.hpf.talks-impl 0.2.0 is RESOLVED, not ACTIVE") : List.of();
        rollout("GN02");

        agent().cycle();

        assertTrue("checked every 5 s for 60 s: " + checksOfNew[0], checksOfNew[0] >= 12);
        assertTrue(node.files.state().lastError(), node.files.state().lastError().startsWith("60 秒内健康检查未通过"));
    }

    @Test
    public void aFailedInstallRollsBack() throws Exception {
        node.karaf.failUpdate = root -> root.contains(Requirements.of("hpf-talks", "0.2.0"));
        rollout("GN02");
        agent().cycle();
        AgentState s = node.files.state();
        assertEquals("0.1.0", s.running());
        assertTrue(s.lastError(), s.lastError().startsWith("安装失败：java.lang.IllegalStateException: Unable to resolve root"));
        assertEquals(List.of("backup", "restore", "resume"), node.database.stream().map(d -> d.split(" ")[0]).toList());
        assertEquals("0.1.0", node.karaf.product().get("hpf-core"));
    }

    @Test
    public void aFailedBackupInstallsNothing() throws Exception {
        node.failBackup = true;
        rollout("GN02");
        agent().cycle();
        assertTrue(node.karaf.log.isEmpty());
        assertTrue(node.files.state().lastError(), node.files.state().lastError().startsWith("数据库备份失败，未安装任何内容"));
        assertEquals("0.1.0", node.karaf.product().get("hpf-core"));
    }

    @Test
    public void aModuleTheReleaseLacksIsRefusedBeforeTheBackup() throws Exception {
        centre.fleet().setDesiredModules(centre.admin(), "GN02", List.of("talks", "rooms"));
        rollout("GN02");
        agent().cycle();
        assertTrue(node.database.isEmpty());
        assertEquals("版本 0.2.0 中没有本办公点所需的功能：hpf-rooms，未安装任何内容。", node.files.state().lastError());
    }

    @Test
    public void theCentreDecidesTheModuleSet() throws Exception {
        centre.fleet().setDesiredModules(centre.admin(), "GN02", List.of());
        rollout("GN02");
        agent().cycle();
        assertEquals(List.of("update [hpf-features-0.2.0-features.xml] [hpf-core/0.2.0, scr/4.4.10]"), node.karaf.log);
        assertFalse(node.karaf.product().containsKey("hpf-talks"));
    }

    /** A client that breaks the link after part of the big artifact, the first time. */
    private CentreClient breaking(HttpCentreClient real, int after) {
        return new CentreClient() {
            boolean broken;

            @Override
            public DesiredState heartbeat(Heartbeat heartbeat) throws IOException {
                return real.heartbeat(heartbeat);
            }

            @Override
            public byte[] small(String version, String file) throws IOException {
                return real.small(version, file);
            }

            @Override
            public void download(String version, String path, Path part, long size) throws IOException {
                if (!broken && path.equals(JAR)) {
                    broken = true;
                    real.download(version, path, part, size);
                    byte[] all = Files.readAllBytes(part);
                    try (OutputStream out = Files.newOutputStream(part)) {
                        out.write(all, 0, after);
                    }
                    throw new IOException("Connection reset");
                }
                real.download(version, path, part, size);
            }
        };
    }

    @Test
    public void aBrokenDownloadResumesWithARangeAndTheAgentWaitsOutAnOutage() throws Exception {
        rollout("GN02");
        UpdateAgent agent = node.agent(breaking(client(), 30_000), centre.publicKey());

        agent.cycle();
        Path part = node.files.staging("0.2.0").resolve("repository").resolve(JAR + ".part");
        assertEquals(30_000, Files.size(part));
        assertTrue(node.karaf.log.isEmpty());
        assertEquals(AgentPhase.DOWNLOADING, agent.status(null).phase());
        assertNull("an interrupted download is no failure", node.files.state().failedRelease());

        // the centre goes away: the agent works from its cached desired state and keeps what it has
        jetty.stop();
        agent.cycle();
        assertFalse(agent.status(null).centreReachable());
        assertEquals(30_000, Files.size(part));
        assertTrue(node.karaf.log.isEmpty());

        startCentre(port);
        agent.cycle();
        assertEquals("0.2.0", node.files.state().running());
        assertTrue(ranges.toString(), ranges.contains("/fleet/v1/releases/0.2.0/repository/" + JAR + " bytes=30000-"));
        assertFalse(Files.exists(part));
    }

    @Test
    public void anUpdateInterruptedByARestartIsFinishedWithoutTheCentre() throws Exception {
        rollout("GN02");
        UpdateAgent first = agent();
        node.onHealthCheck = () -> {
            if ("0.2.0".equals(node.karaf.product().get("hpf-core"))) {
                first.close(); // Karaf refreshes the agent's bundle in the middle of the check
            }
        };
        first.cycle();
        assertEquals(Journal.Stage.CHECKING, node.files.journal().orElseThrow().stage());
        assertEquals("0.1.0", node.files.state().running());

        jetty.stop();
        node.onHealthCheck = () -> { };
        UpdateAgent second = agent();
        second.cycle();

        assertEquals("0.2.0", node.files.state().running());
        assertTrue(node.files.journal().isEmpty());
        assertFalse(second.status(null).centreReachable());
        assertEquals(AgentPhase.IDLE, second.status(null).phase());
    }

    @Test
    public void aRollbackInterruptedByARestartIsFinished() throws Exception {
        node.health = k -> "0.2.0".equals(k.product().get("hpf-core")) ? List.of("/api/openapi.json answers HTTP 503") : List.of();
        rollout("GN02");
        UpdateAgent first = agent();
        node.onHealthCheck = () -> {
            if (node.database.contains("resume")) {
                first.close(); // refreshed while checking the node after the rollback
            }
        };
        first.cycle();
        assertEquals(Journal.Stage.ROLLING_BACK, node.files.journal().orElseThrow().stage());

        node.onHealthCheck = () -> { };
        UpdateAgent second = agent();
        second.cycle();

        AgentState s = node.files.state();
        assertEquals("0.1.0", s.running());
        assertEquals("0.2.0", s.failedRelease());
        assertTrue(s.lastError(), s.lastError().contains("/api/openapi.json answers HTTP 503"));
        assertEquals(AgentPhase.FAILED, centre.fleet().office(centre.admin(), "GN02").phase());
    }

    @Test
    public void aLocalCopyThatNoLongerVerifiesIsFetchedAgain() throws Exception {
        rollout("GN02");
        node.health = k -> "0.2.0".equals(k.product().get("hpf-talks")) ? List.of("unhealthy") : List.of();
        agent().cycle(); // downloads, fails the check, rolls back; the verified copy stays
        Path local = node.root.resolve("kar/hpf-release-0.2.0").resolve(JAR);
        Files.write(local, new byte[] { 1, 2, 3 });
        Files.writeString(node.root.resolve("kar/hpf-release-0.2.0/org/evil.jar"), "x");
        node.health = k -> List.of();
        Rollout r = centre.rollouts().rollouts(centre.admin()).get(0);
        centre.rollouts().retry(centre.admin(), r.id(), null);

        agent().cycle();

        assertEquals("0.2.0", node.files.state().running());
        assertEquals(70_000, Files.size(local));
        assertFalse(Files.exists(node.root.resolve("kar/hpf-release-0.2.0/org/evil.jar")));
    }

    @Test
    public void withARevokedTokenTheAgentDoesNothing() throws Exception {
        rollout("GN02");
        centre.fleet().revokeToken(centre.admin(), "GN02");
        UpdateAgent agent = agent();
        agent.cycle();
        assertTrue(node.karaf.log.isEmpty());
        assertTrue(agent.status(null).lastError(), agent.status(null).lastError().startsWith("州中心拒绝了本办公点的请求（HTTP 401）"));
    }

    @Test
    public void theRunningReleaseIsReadFromKarafOnce() throws Exception {
        UpdateAgent agent = agent();
        assertEquals("0.1.0", agent.knownState().running());
        assertEquals(Map.of("hpf-core", "0.1.0", "hpf-talks", "0.1.0"), agent.productFeatures(node.karaf.requirements(), "0.1.0"));
        assertEquals(java.util.Set.of("talks"), agent.modulesFromFeatures());
        try (Stream<Path> s = Files.list(node.files.dir())) {
            assertEquals(List.of("state.json"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
