package cn.gannan.hpf.itests.modules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.OfficeNode;

/**
 * Module management on a real node in headless Chromium: the first start applies the county profile; an office
 * admin enables a module from 模块管理 after reading the dry run, and the menu entry appears without a reload;
 * the node is killed in the middle of the next enable, and after the restart it reconciles to the desired set.
 */
public class BrowserModulesIT {

    static OfficeNode node;
    static Browser browser;
    static final String ADMIN = Http.demo("demo.admin");

    @Rule
    public final TestWatcher onFailure = Browser.onFailure(() -> browser);

    @BeforeClass
    public static void start() throws Exception {
        browser = Browser.start("modules");
        node = OfficeNode.start("modules-browser", Map.of("etc/cn.gannan.hpf.modules.cfg#profile", "county-standard"));
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (node != null) {
            node.stop();
            node = null;
        }
    }

    /** The module's state from the JSON API ("ENABLED", "DISABLED", "FAILED"), or what the API answered. */
    private static String state(Http api, String id) {
        Http.Resp r = api.get("/api/modules/" + id, ADMIN);
        return r.status == 200 ? Http.jsonString(r.body, "state") : r.toString();
    }

    private static String awaitState(Http api, String id, String want, long ms) {
        return Await.until(id + " " + want, () -> {
            String s = state(api, id);
            return want.equals(s) ? "" : id + " is " + s;
        }, ms);
    }

    @Test
    public void profileAtFirstStartEnableFromThePageAndReconcileAfterACrash() throws Exception {
        Http api = node.http();
        // ---------------------------------------------------------------- first start: the county profile
        for (String id : new String[] { "meetings-ui", "meetings", "talks-ui", "counter-ui" }) {
            assertEquals("", awaitState(api, id, "ENABLED", 180_000));
        }
        assertEquals("DISABLED", state(api, "rooms-ui"));
        assertEquals("DISABLED", state(api, "elections"));

        // ---------------------------------------------------------------- enable rooms-ui from the admin page
        browser.login(node.baseUrl(), "demo.admin", Http.DEMO_PASSWORD);
        browser.visible("nav-meetings"); // the profile's modules are in the menu
        assertFalse("rooms in the menu before it is enabled: " + browser.menuIds(), browser.menuIds().contains("nav-rooms"));
        browser.click("nav-admin-modules");
        browser.visible("modules-grid");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("modules-summary"), "已启用"));
        browser.click("module-enable-rooms-ui");
        browser.visible("modules-plan-dialog");
        String plan = browser.driver().findElement(By.id("modules-plan")).getText();
        assertTrue("the dry run names the module's bundles:\n" + plan, plan.contains("rooms-impl") && plan.contains("rooms-ui"));
        assertTrue("the dry run says nothing else restarts:\n" + plan, plan.contains("无"));
        assertEquals("a dry run changes nothing", "DISABLED", state(api, "rooms"));
        browser.click("modules-plan-confirm");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification"), "已"));
        assertEquals("ENABLED", state(api, "rooms-ui"));
        assertEquals("ENABLED", state(api, "rooms"));
        // the menu entry appears in the open session without logging in again
        browser.visible("nav-rooms");

        // ---------------------------------------------------------------- the console: office admins only
        String list = node.console("demo.admin", Http.DEMO_PASSWORD, "hpf:module-list");
        assertTrue(list, list.contains("rooms-ui") && list.contains("elections-ui"));
        String refused = node.console("demo.central", Http.DEMO_PASSWORD, "hpf:module-disable rooms-ui");
        assertEquals("a central admin is not the office admin: " + refused, "ENABLED", state(api, "rooms-ui"));
        assertTrue("refused in one line, no stack trace: " + refused, refused.contains("Error executing command")
                && !refused.contains("\tat "));
        String dry = node.console("demo.admin", Http.DEMO_PASSWORD, "hpf:module-disable --dry-run rooms-ui");
        assertTrue(dry, dry.contains("refresh bundles outside the change: none"));
        assertEquals("a dry run changes nothing", "ENABLED", state(api, "rooms-ui"));
        // a user on a view of the module is moved to the dashboard with a notice when it goes
        browser.click("nav-rooms");
        browser.visible("rooms-grid");
        String out = node.console("demo.admin", Http.DEMO_PASSWORD, "hpf:module-disable rooms-ui");
        assertTrue(out, out.contains("Disabled rooms-ui"));
        assertEquals("DISABLED", state(api, "rooms-ui"));
        assertEquals("the rooms services stay", "ENABLED", state(api, "rooms"));
        browser.visible("dashboard");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification"), "已停用"));
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("nav-rooms")));
        out = node.console("demo.admin", Http.DEMO_PASSWORD, "hpf:module-enable rooms-ui");
        assertTrue(out, out.contains("rooms-ui"));
        browser.visible("nav-rooms");

        // ---------------------------------------------------------------- a crash in the middle of an enable
        CompletableFuture<Http.Resp> enabling = CompletableFuture.supplyAsync(
                () -> api.post("/api/modules/elections-ui/enable", ADMIN, null));
        // the desired set is stored before anything is installed; kill the node once it is
        assertEquals("", Await.until("elections desired", () -> {
            Http.Resp r = api.get("/api/modules/elections-ui", ADMIN);
            return r.body.contains("\"desired\":true") ? "" : r.toString();
        }, 60_000));
        node.crash();
        try {
            enabling.get();
        } catch (Exception e) {
            // the connection went down with the node
        }
        node.launch();
        assertEquals("", awaitState(api, "elections-ui", "ENABLED", 180_000));
        assertEquals("ENABLED", state(api, "elections"));
        assertEquals("kept across the crash", "ENABLED", state(api, "rooms-ui"));
        assertEquals("ENABLED", state(api, "counter-ui"));
        String log = Files.readString(node.home().resolve("data/log/karaf.log"));
        assertEquals("a reconciliation logged at each start:\n" + node.logTail(), 2, Http.count(log, "Modules reconciled"));
        assertEquals("the second one with elections-ui desired", 1,
                Http.count(log, "Modules reconciled with the desired set \\[[^\\]]*elections-ui"));

        browser.login(node.baseUrl(), "demo.admin", Http.DEMO_PASSWORD);
        browser.visible("nav-elections");
        browser.click("nav-admin-modules");
        browser.visible("modules-grid");
        String summary = browser.visible("modules-summary").getText();
        assertTrue("no module failed: " + summary, summary.contains("0 个失败"));
        assertTrue("no failure notice", browser.driver().findElements(By.id("modules-failures")).isEmpty());
    }
}
