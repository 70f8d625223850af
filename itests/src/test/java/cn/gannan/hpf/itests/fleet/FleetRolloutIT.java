package cn.gannan.hpf.itests.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.FleetHarness;
import cn.gannan.hpf.itests.support.FleetHarness.Office;
import cn.gannan.hpf.itests.support.FleetHarness.Rollout;
import cn.gannan.hpf.itests.support.Http;

/**
 * The fleet end to end on the local multi-node harness ({@code bench/rollout/fleet-nodes.sh}): the centre GN00 and
 * three counties GN01–GN03 started from the built distribution, each county with the standard county profile (meetings,
 * talks, counter). Releases are the distribution re-versioned by {@code make-release.py}. The four scenarios run in
 * order on the same nodes, each starting from where the previous one left the fleet:
 * <ol>
 * <li>a tampered artifact is refused by the pilot before anything is installed;</li>
 * <li>a release whose talks module fails its migration: the pilot rolls back by itself and keeps serving, the rollout
 * stops, the other counties are untouched;</li>
 * <li>a good release rolls out to the three counties in two waves and all report healthy on it;</li>
 * <li>a county cut off the centre during a rollout keeps serving, is shown stale, and catches up when its link is back;</li>
 * <li>the fleet view at the centre in headless Chromium: publishing and a two-wave rollout from the page, its progress
 * wave by wave, the offices and the history.</li>
 * </ol>
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FleetRolloutIT {

    private static final String BASE = "0.1.0-SNAPSHOT";
    private static final List<String> COUNTIES = List.of("GN01", "GN02", "GN03");
    private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(6);

    private static FleetHarness fleet;
    private static Browser browser;

    @Rule
    public final TestWatcher onFailure = Browser.onFailure(() -> browser);

    @BeforeClass
    public static void startFleet() throws Exception {
        fleet = FleetHarness.start("fleet-e2e", 3, 10, 180);
        awaitOffices("every county reports " + BASE + " and healthy", ROLLOUT_TIMEOUT, o -> COUNTIES.stream()
                .allMatch(c -> o.containsKey(c) && BASE.equals(o.get(c).running()) && "HEALTHY".equals(o.get(c).health())));
    }

    @AfterClass
    public static void stopFleet() {
        if (browser != null) {
            browser.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    // ---------------------------------------------------------------- (3) a tampered artifact

    @Test
    public void s1_aTamperedArtifactIsRefusedBeforeAnythingIsInstalled() throws Exception {
        Path release = fleet.makeRelease(BASE, "0.9.1");
        fleet.publish("0.9.1", release);
        // the centre's copy of one bundle changes after it was signed: one byte flipped, same size
        Path jar = fleet.home("GN00").resolve("data/fleet/releases/0.9.1/repository/cn/gannan/hpf/talks-impl/0.9.1/talks-impl-0.9.1.jar");
        try (RandomAccessFile f = new RandomAccessFile(jar.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xFF);
        }
        String bundlesBefore = bundles("GN01");

        String id = fleet.createRollout("tampered", "0.9.1", 50, "GN01");
        fleet.console("GN00", "hpf:rollout-start " + id);
        Rollout r = awaitRollout(id, "STOPPED", "SUCCEEDED");

        assertEquals(r.text(), "STOPPED", r.status());
        String error = r.waves().get(0).targets().get("GN01").error();
        assertTrue(r.text(), error != null && error.contains("cn/gannan/hpf/talks-impl/0.9.1/talks-impl-0.9.1.jar")
                && error.contains("与签名清单中的") && error.contains("文件已被篡改或损坏"));
        Office pilot = fleet.offices().get("GN01");
        assertEquals(pilot.line(), BASE, pilot.running());
        assertEquals(pilot.line(), "FAILED", pilot.phase());
        assertEquals(pilot.line(), "HEALTHY", pilot.health());
        // nothing installed: the same bundles, no repository of the release, no copy of it in Karaf's repository
        assertEquals("the pilot's bundles did not change", bundlesBefore, bundles("GN01"));
        String repos = fleet.console("GN01", "feature:repo-list");
        assertFalse(repos, repos.contains("0.9.1"));
        assertFalse(Files.exists(fleet.home("GN01").resolve("data/kar/hpf-release-0.9.1")));
        assertFalse("the tampered file is not kept", Files.exists(fleet.home("GN01")
                .resolve("data/fleet/agent/staging/0.9.1/repository/cn/gannan/hpf/talks-impl/0.9.1/talks-impl-0.9.1.jar")));
        assertTrue("the history shows the refusal", fleet.history("GN01").stream()
                .anyMatch(l -> l.contains("phase: DOWNLOADING → FAILED") && l.contains("文件已被篡改或损坏")));
        serving("GN01");

        fleet.console("GN00", "hpf:rollout-cancel " + id);
        assertEquals("CANCELLED", fleet.rollout(id).status());
    }

    // ---------------------------------------------------------------- (2) a module that fails to start

    @Test
    public void s2_aBrokenModuleIsRolledBackByThePilotAndTheRolloutStops() throws Exception {
        Path release = fleet.makeRelease(BASE, "0.9.2", "--break", "talks");
        fleet.publish("0.9.2", release);
        long talksBefore = talks("GN01");

        String id = fleet.createRollout("broken", "0.9.2", 50, "GN01", "GN02,GN03");
        fleet.console("GN00", "hpf:rollout-start " + id);
        Rollout r = awaitRollout(id, "STOPPED", "SUCCEEDED");

        assertEquals(r.text(), "STOPPED", r.status());
        assertEquals(r.text(), "FAILED", r.waves().get(0).targets().get("GN01").status());
        String error = r.waves().get(0).targets().get("GN01").error();
        assertTrue(r.text(), error != null && error.contains("migration talks V99 failed")
                && error.endsWith("已回退到版本 " + BASE + " 并恢复数据库，办公点正常运行。"));
        // the pilot went back by itself: its health check failed, it rolled back and reports its old release healthy
        List<String> history = fleet.history("GN01");
        assertTrue(String.join("\n", history), history.stream().anyMatch(l -> l.contains("phase: CHECKING → ROLLING_BACK")));
        assertTrue(String.join("\n", history), history.stream().anyMatch(l -> l.contains("phase: ROLLING_BACK → FAILED")));
        Office pilot = fleet.offices().get("GN01");
        assertEquals(pilot.line(), BASE, pilot.running());
        assertEquals(pilot.line(), "HEALTHY", pilot.health());
        String bundles = bundles("GN01");
        assertFalse(bundles, bundles.contains("0.9.2"));
        serving("GN01");
        assertEquals("the talk log keeps its records", talksBefore, talks("GN01"));
        String info = fleet.console("GN01", "hpf:office-info");
        assertFalse("the restored database has no trace of the failed script:\n" + info, info.contains("V99"));

        // the second wave never started: the other counties were not sent the release and did nothing
        assertEquals(r.text(), "PENDING", r.waves().get(1).status());
        Map<String, Office> offices = fleet.offices();
        for (String county : List.of("GN02", "GN03")) {
            assertEquals(r.text(), 0, r.waves().get(1).targets().get(county).attempt());
            Office o = offices.get(county);
            assertEquals(o.line(), BASE, o.running());
            assertEquals(o.line(), "-", o.target());
            assertEquals(o.line(), "IDLE", o.phase());
            assertEquals(o.line(), "HEALTHY", o.health());
            assertTrue(fleet.history(county).stream().noneMatch(l -> l.contains("0.9.2") || l.contains("DOWNLOADING")));
            assertFalse(bundles(county).contains("0.9.2"));
        }

        fleet.console("GN00", "hpf:rollout-cancel " + id);
        assertEquals("CANCELLED", fleet.rollout(id).status());
    }

    // ---------------------------------------------------------------- (1) a good release in two waves

    @Test
    public void s3_aGoodReleaseRollsOutToThreeCountiesInTwoWaves() throws Exception {
        Path release = fleet.makeRelease(BASE, "0.9.3");
        fleet.publish("0.9.3", release);

        String id = fleet.createRollout("good", "0.9.3", 50, "GN01", "GN02,GN03");
        fleet.console("GN00", "hpf:rollout-start " + id);
        Rollout r = awaitRollout(id, "SUCCEEDED", "STOPPED");

        assertEquals(r.text(), "SUCCEEDED", r.status());
        assertEquals(r.text(), 2, r.waves().size());
        r.waves().forEach(w -> assertEquals(r.text(), "SUCCEEDED", w.status()));
        assertEquals(r.text(), List.of("GN01"), List.copyOf(r.waves().get(0).targets().keySet()));
        assertEquals(r.text(), List.of("GN02", "GN03"), List.copyOf(r.waves().get(1).targets().keySet()));
        // wave 2 was sent the release only after the pilot reported it running
        String pilotHealthy = first(fleet.history("GN01"), "runningRelease: " + BASE + " → 0.9.3");
        for (String county : List.of("GN02", "GN03")) {
            String sent = first(fleet.history(county), "targetRelease: ∅ → 0.9.3");
            assertTrue(sent + " is not after " + pilotHealthy, sent.substring(0, 19).compareTo(pilotHealthy.substring(0, 19)) >= 0);
        }
        awaitOffices("all three healthy on 0.9.3", Duration.ofMinutes(2), o -> COUNTIES.stream()
                .allMatch(c -> "0.9.3".equals(o.get(c).running()) && "HEALTHY".equals(o.get(c).health())));
        for (String county : COUNTIES) {
            String bundles = bundles(county);
            assertTrue(county + " runs the new core:\n" + bundles, bundles.matches("(?s).*core-impl\\s.*0\\.9\\.3.*"));
            serving(county);
        }
    }

    // ---------------------------------------------------------------- (4) a county cut off during the rollout

    @Test
    public void s4_aCountyCutOffDuringTheRolloutCatchesUpWhenItsLinkIsBack() throws Exception {
        Path release = fleet.makeRelease(BASE, "0.9.4");
        fleet.publish("0.9.4", release);
        fleet.link("GN03", false);

        String id = fleet.createRollout("catch-up", "0.9.4", 50, "GN01", "GN02,GN03");
        fleet.console("GN00", "hpf:rollout-start " + id);
        awaitOffices("GN01 and GN02 healthy on 0.9.4, GN03 stale", ROLLOUT_TIMEOUT, o -> List.of("GN01", "GN02").stream()
                .allMatch(c -> "0.9.4".equals(o.get(c).running()) && "HEALTHY".equals(o.get(c).health())) && o.get("GN03").stale());

        Rollout r = fleet.rollout(id);
        assertEquals("the rollout waits for the county it cannot reach:\n" + r.text(), "RUNNING", r.status());
        assertEquals(r.text(), "UPDATING", r.waves().get(1).targets().get("GN03").status());
        Office cut = fleet.offices().get("GN03");
        assertEquals(cut.line(), "0.9.3", cut.running());
        String agent = fleet.console("GN03", "hpf:fleet-agent");
        assertTrue(agent, agent.contains("unreachable"));
        assertTrue(agent, agent.matches("(?s).*Running:\\s+0\\.9\\.3.*"));
        serving("GN03");

        fleet.link("GN03", true);
        r = awaitRollout(id, "SUCCEEDED", "STOPPED");
        assertEquals(r.text(), "SUCCEEDED", r.status());
        awaitOffices("all three healthy on 0.9.4", Duration.ofMinutes(2), o -> COUNTIES.stream()
                .allMatch(c -> "0.9.4".equals(o.get(c).running()) && "HEALTHY".equals(o.get(c).health()) && !o.get(c).stale()));
        assertTrue(bundles("GN03").matches("(?s).*core-impl\\s.*0\\.9\\.4.*"));
        serving("GN03");
    }

    // ---------------------------------------------------------------- the fleet view at the centre

    @Test
    public void s5_theCentrePublishesAndRollsOutFromTheFleetView() throws Exception {
        Path release = fleet.makeRelease(BASE, "0.9.5");
        browser = Browser.start("fleet");
        browser.login(fleet.http("GN00").base(), "demo.central", Http.DEMO_PASSWORD);
        browser.click("nav-admin-fleet");
        // every office with its release, health and modules
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("fleet-offices"), "GN03"));
        String offices = browser.visible("fleet-offices").getText();
        for (String county : COUNTIES) {
            assertTrue(offices, offices.contains(county));
        }
        assertTrue(offices, offices.contains("正常") && offices.contains("talks"));
        browser.screenshot("offices");

        // publishing is one admin action
        browser.click("fleet-tab-releases");
        browser.click("fleet-publish");
        browser.type("fleet-publish-version", "0.9.5");
        browser.type("fleet-publish-sources", release + ", " + fleet.home("GN00").resolve("system"));
        browser.click("fleet-publish-ok");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification"), "已发布版本 0.9.5"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("fleet-releases"), "0.9.5"));

        // a rollout in two waves, created and started from the page after confirmation
        browser.click("fleet-tab-rollouts");
        browser.click("fleet-new-rollout");
        browser.type("fleet-rollout-name", "界面推送");
        WebElement combo = browser.visible("fleet-rollout-release").findElement(By.tagName("input"));
        combo.click();
        combo.sendKeys("0.9.5");
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'v-filterselect-suggestpopup')]//span[text()='0.9.5']"))).click();
        browser.type("fleet-rollout-waves", "GN01\nGN02,GN03");
        browser.click("fleet-rollout-save");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification"), "已创建推送计划"));
        selectRollout("界面推送");
        browser.click("fleet-rollout-start");
        browser.click("fleet-confirm-yes");
        awaitOffices("all three healthy on 0.9.5", ROLLOUT_TIMEOUT, o -> COUNTIES.stream()
                .allMatch(c -> "0.9.5".equals(o.get(c).running()) && "HEALTHY".equals(o.get(c).health())));

        // the rollout's progress wave by wave, the offices on the new release, the history of actions
        browser.click("fleet-refresh");
        selectRollout("界面推送");
        for (String county : COUNTIES) {
            browser.waitFor().until(d -> {
                List<String> c = cells("fleet-rollout-targets", county);
                return c.size() > 2 && "成功".equals(c.get(2));
            });
        }
        assertTrue(cells("fleet-rollout-targets", "GN01").get(0).startsWith("第 1 批"));
        assertTrue(cells("fleet-rollout-targets", "GN03").get(0).startsWith("第 2 批"));
        browser.screenshot("rollout");
        browser.click("fleet-tab-offices");
        browser.waitFor().until(d -> Http.count(d.findElement(By.id("fleet-offices")).getText(), "0\\.9\\.5") >= 3);
        browser.click("fleet-tab-history");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("fleet-history"), "0.9.5"));
        browser.screenshot("history");
    }

    /** The cells' texts of the grid row that has a cell with exactly this text. */
    private static List<String> cells(String gridId, String key) {
        List<WebElement> tds = browser.driver().findElements(By.xpath("//*[@id='" + gridId + "']//tr[td[normalize-space(.)='" + key + "']]/td"));
        return tds.stream().map(td -> td.getText().strip()).toList();
    }

    /** Selects the rollout of this name in the rollouts grid (a click on a selected row would unselect it). */
    private static void selectRollout(String name) {
        By cell = By.xpath("//*[@id='fleet-rollouts']//td[normalize-space(.)='" + name + "']");
        WebElement row = browser.waitFor().until(ExpectedConditions.elementToBeClickable(cell)).findElement(By.xpath(".."));
        if (!row.getAttribute("class").contains("v-grid-row-selected")) {
            browser.driver().findElement(cell).click();
        }
        browser.visible("fleet-rollout-targets");
    }

    // ---------------------------------------------------------------- helpers

    /** The node's bundles with their versions ({@code bundle:list -s -t 0}). */
    private static String bundles(String node) throws Exception {
        String out = fleet.console(node, "bundle:list -s -t 0");
        assertTrue(node + ": " + out, out.contains("cn.gannan.hpf.core-impl"));
        return out;
    }

    /** The office serves its staff: the shell page, and the API as the office's admin. */
    private static void serving(String node) throws Exception {
        Http http = fleet.http(node);
        http.get("/hpf/", null).expect(200);
        http.get("/api/me", Http.demo("demo.admin")).expect(200);
    }

    /** How many talk records the county's talk log API lists. */
    private static long talks(String node) throws Exception {
        Http.Resp r = fleet.http(node).get("/api/talks?limit=1", Http.demo("demo.admin")).expect(200);
        return Http.jsonLong(r.body, "total");
    }

    private static String first(List<String> historyNewestFirst, String text) {
        for (int i = historyNewestFirst.size() - 1; i >= 0; i--) {
            if (historyNewestFirst.get(i).contains(text)) {
                return historyNewestFirst.get(i);
            }
        }
        fail("no history line with " + text + ":\n" + String.join("\n", historyNewestFirst));
        return null;
    }

    private static Rollout awaitRollout(String id, String... end) throws Exception {
        long deadline = System.nanoTime() + ROLLOUT_TIMEOUT.toNanos();
        Rollout r;
        do {
            r = fleet.rollout(id);
            if (List.of(end).contains(r.status())) {
                return r;
            }
            Thread.sleep(3000);
        } while (System.nanoTime() < deadline);
        fail("rollout " + id + " did not end in " + ROLLOUT_TIMEOUT.toMinutes() + " min:\n" + r.text() + "\n" + fleet.console("GN00", "hpf:fleet")
                + fleet.logTail("GN01"));
        return null;
    }

    private interface OfficesCheck {
        boolean test(Map<String, Office> offices);
    }

    private static void awaitOffices(String what, Duration timeout, OfficesCheck check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Office> o;
        do {
            o = fleet.offices();
            if (check.test(o)) {
                return;
            }
            Thread.sleep(3000);
        } while (System.nanoTime() < deadline);
        StringBuilder sb = new StringBuilder();
        o.values().forEach(x -> sb.append(x.line()).append('\n'));
        fail("not within " + timeout.toSeconds() + " s: " + what + "\n" + sb);
    }
}
