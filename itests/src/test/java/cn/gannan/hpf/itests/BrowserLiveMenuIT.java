package cn.gannan.hpf.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.gannan.hpf.itests.sample.SampleBundles;
import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.NodeWithBrowser;
import cn.gannan.hpf.itests.support.OfficeNode;

/**
 * The shell follows module bundles live: a user stays logged in while a (test-only) module bundle is installed,
 * stopped, started and uninstalled from the console, and the menu follows each time without a reload; a user on
 * the module's view is moved to the dashboard with a notice. A module whose migration fails never shows its menu
 * entry, and the admin's migrations page says why.
 */
public class BrowserLiveMenuIT {

    @ClassRule
    public static final NodeWithBrowser ENV = new NodeWithBrowser("live-menu");

    @Rule
    public final TestWatcher onFailure = ENV.screenshotOnFailure();

    static Path liveJar;
    static Path brokenJar;

    private Browser browser;
    private OfficeNode node;

    @BeforeClass
    public static void buildSampleBundles() throws Exception {
        Path dir = Path.of(System.getProperty("project.build.directory", "target")).resolve("sample-bundles");
        liveJar = SampleBundles.build(dir.resolve("sample-live.jar"), "live", false).toAbsolutePath();
        brokenJar = SampleBundles.build(dir.resolve("sample-broken.jar"), "broken", true).toAbsolutePath();
    }

    @Before
    public void environment() {
        browser = ENV.browser();
        node = ENV.node();
    }

    @Test
    public void menuFollowsAModuleBundleInAnOpenSession() throws Exception {
        browser.login(node.baseUrl(), "demo.staff", Http.DEMO_PASSWORD);
        assertTrue("sample entry before the bundle is installed: " + browser.menuIds(),
                browser.driver().findElements(By.id("nav-sample-live")).isEmpty());

        long id = bundleId(console("bundle:install -s file:" + liveJar));
        browser.visible("nav-sample-live"); // no reload: the UI polls and rebuilds its menu
        browser.screenshot("module-installed");
        browser.click("nav-sample-live");
        browser.visible("sample-view-live");
        assertTrue(browser.driver().findElement(By.id("sample-view-live")).getText().contains("示例模块"));

        console("bundle:stop " + id);
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("nav-sample-live")));
        browser.visible("dashboard");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".v-Notification"), "所属模块已停用，已返回工作台"));
        browser.screenshot("module-stopped");
        assertTrue("still logged in", browser.driver().findElements(By.id("login-username")).isEmpty());

        console("bundle:start " + id);
        browser.visible("nav-sample-live");

        console("bundle:uninstall " + id);
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("nav-sample-live")));
        browser.screenshot("module-uninstalled");
    }

    @Test
    public void failedMigrationKeepsTheModuleOutAndTheAdminSeesWhy() throws Exception {
        // the activator's migration throws, so starting the bundle fails: the module never activates
        String out = node.console("demo.admin", Http.DEMO_PASSWORD, "bundle:install -s file:" + brokenJar);
        long id = bundleId(out);
        assertTrue("the broken module started:\n" + out, out.contains("Activator start error"));
        browser.login(node.baseUrl(), "demo.admin", Http.DEMO_PASSWORD);
        browser.click("nav-admin-migrations");
        browser.visible("admin-migrations");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("migrations-failures"),
                "broken"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("migrations-grid"),
                "NO_SUCH_TABLE_BROKEN"));
        browser.screenshot("migration-failed");
        assertTrue(browser.driver().findElement(By.id("migrations-failures")).getText().contains("模块未启用"));
        assertFalse("a module whose migration failed must not contribute: " + browser.menuIds(),
                browser.menuIds().contains("nav-sample-broken"));
        console("bundle:uninstall " + id);
    }

    private String console(String command) throws Exception {
        String out = node.console("demo.admin", Http.DEMO_PASSWORD, command);
        assertFalse(command + " failed:\n" + out, out.contains("Error") || out.contains("rror executing"));
        return out;
    }

    private static long bundleId(String installOutput) {
        Matcher m = Pattern.compile("Bundle ID: (\\d+)").matcher(installOutput);
        assertTrue("no bundle id in: " + installOutput, m.find());
        return Long.parseLong(m.group(1));
    }
}
