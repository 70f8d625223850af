package cn.gannan.hpf.itests.counter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The counter's main flow in headless Chromium on a node where the counter features were installed from the
 * console: the deadline widget on the dashboard, then at the window desk take a priority ticket, call it,
 * serve and finish it; the public hall display shows the number at the window.
 */
public class CounterBrowserIT {

    static OfficeNode node;
    static Browser browser;

    @Rule
    public final TestWatcher onFailure = Browser.onFailure(() -> browser);

    @BeforeClass
    public static void start() throws Exception {
        browser = Browser.start("counter");
        node = OfficeNode.start("counter-browser", java.util.Map.of("etc/cn.gannan.hpf.office.cfg#code", "GN01"));
        String out = node.console("demo.admin", Http.DEMO_PASSWORD, "feature:install hpf-counter-ui");
        assertFalse("feature:install failed:\n" + out, out.contains("Error"));
        Http api = node.http();
        assertEquals("", Await.until("the counter API", () -> api.get("/api/counter/windows", Http.demo("demo.staff")).status == 200
                ? "" : "not yet", 120_000));
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

    @Test
    public void takeCallServeFinish() {
        browser.login(node.baseUrl(), "demo.staff", Http.DEMO_PASSWORD);
        // the deadline widget: the demo data has one overdue application at GN01
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counter-deadlines-counts"), "已超期 1 件"));
        browser.screenshot("dashboard");

        browser.click("nav-counter-window");
        browser.visible("counter-window-view");
        browser.driver().findElement(By.cssSelector("#counter-take-priority label")).click();
        browser.click("counter-take");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counter-last-taken"), "已取号"));
        Matcher m = Pattern.compile("([A-Z]\\d{3})").matcher(browser.visible("counter-last-taken").getText());
        assertTrue("a ticket number", m.find());
        String number = m.group(1);
        browser.screenshot("ticket-taken");

        browser.click("counter-call-next");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counter-current"), number));
        assertTrue(browser.visible("counter-current").getText().contains("已叫号"));
        browser.screenshot("called");

        String hall = node.http().get("/hall?office=GN01", null).expect(200).body;
        assertTrue("the hall display shows " + number + " at window 1:\n" + hall,
                hall.contains("id=\"hall-window-1\">" + number + "<"));

        browser.click("counter-serve");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counter-current"), "办理中"));
        browser.click("counter-finish");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counter-current"), "当前没有叫到的号"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counter-tickets"), "已办结"));
        browser.screenshot("finished");
        String ticket = node.http().get("/api/counter/tickets", Http.demo("demo.staff")).expect(200).body;
        assertTrue(ticket, ticket.contains("\"number\":\"" + number + "\""));
    }
}
