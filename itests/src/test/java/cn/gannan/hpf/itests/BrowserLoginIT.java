package cn.gannan.hpf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.NodeWithBrowser;
import cn.gannan.hpf.itests.support.OfficeNode;

/**
 * Starts the built office distribution as an external process (demo data, HTTP on a free port) and drives
 * the Vaadin shell with Debian's headless Chromium: wrong password, login, admin people page, logout.
 */
public class BrowserLoginIT {

    @ClassRule
    public static final NodeWithBrowser ENV = new NodeWithBrowser("login");

    @Rule
    public final TestWatcher onFailure = ENV.screenshotOnFailure();

    private Browser browser;
    private OfficeNode node;

    @Before
    public void freshSession() {
        browser = ENV.browser();
        node = ENV.node();
        // every test starts logged out, on the login page
        browser.openLoggedOut(node.baseUrl());
    }

    @Test
    public void wrongPasswordShowsError() {
        browser.screenshot("login-page");
        browser.submitLogin("demo.admin", "not-the-password");
        WebElement error = browser.visible("login-error");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElement(error, "用户名或密码错误"));
        browser.screenshot("wrong-password");
        assertEquals("用户名或密码错误。", error.getText().strip());
        assertTrue("still on the login page", browser.driver().findElement(By.id("login-username")).isDisplayed());
        assertTrue("no main layout after a failed login", browser.driver().findElements(By.id("nav-menu")).isEmpty());
    }

    @Test
    public void adminLogsInOpensPeopleAndLogsOut() {
        browser.submitLogin("demo.admin", Http.DEMO_PASSWORD);

        WebElement office = browser.visible("office-name");
        browser.visible("dashboard");
        browser.screenshot("logged-in");
        assertFalse("office name is empty", office.getText().isBlank());
        WebElement menu = browser.driver().findElement(By.id("nav-menu"));
        for (String item : List.of("nav-admin-people", "nav-admin-orgunits", "nav-admin-users", "nav-admin-audit")) {
            assertFalse(item + " missing from the menu of an office admin:\n" + browser.menuIds(),
                    menu.findElements(By.id(item)).isEmpty());
        }

        browser.click("nav-admin-people");
        browser.visible("admin-people");
        By rows = By.cssSelector("#admin-people .v-grid-body .v-grid-row");
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 0));
        browser.screenshot("admin-people");
        assertFalse("first row is empty", browser.driver().findElements(rows).get(0).getText().isBlank());

        browser.click("logout");
        browser.visible("login-username");
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("nav-menu")));
        browser.screenshot("logged-out");
    }
}
