package cn.gannan.hpf.itests.rooms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.OfficeNode;

/**
 * The rooms module's main flow in headless Chromium, on a node where an admin enabled it from the console: the
 * menu entry appears; an office admin opens the office's room, reads the conformance check, adds an inventory
 * item, books the room and is refused a clashing booking that is named; a central admin sees the nine sites side
 * by side.
 */
public class RoomsBrowserIT {

    static OfficeNode node;
    static Browser browser;

    @Rule
    public final TestWatcher onFailure = Browser.onFailure(() -> browser);

    @BeforeClass
    public static void start() throws Exception {
        browser = Browser.start("rooms");
        node = OfficeNode.start("rooms-browser");
        String out = node.console("demo.admin", Http.DEMO_PASSWORD, "feature:install hpf-rooms-ui");
        assertFalse("feature:install failed:\n" + out, out.contains("Error"));
        // installing the module from the console refreshes no bundle outside it
        String log = java.nio.file.Files.readString(node.home().resolve("data/log/karaf.log"));
        int at = log.lastIndexOf("Adding features: hpf-rooms-ui");
        assertTrue("no feature install in the log", at >= 0);
        assertFalse("installing hpf-rooms-ui refreshed bundles:\n" + log.substring(at),
                log.substring(at).contains("Bundles to refresh") || log.substring(at).contains("Refreshing bundles"));
        Http http = node.http();
        assertEquals("", Await.until("the rooms demo data", () -> {
            Http.Resp r = http.get("/api/rooms/sites?limit=20", Http.demo("demo.central"));
            return r.status == 200 && RoomsIT.has(r.body, "total", "9") ? "" : r.toString();
        }, 120_000));
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

    private void waitText(String id, String text) {
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private void waitNotification(String text) {
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification"), text));
    }

    private void dismissNotifications() {
        for (WebElement n : browser.driver().findElements(By.cssSelector(".v-Notification"))) {
            try {
                n.click();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".v-Notification")));
    }

    @Test
    public void officeAdminChecksTheRoomAddsAnItemAndBooksItClashRefused() {
        browser.login(node.baseUrl(), "demo.admin", Http.DEMO_PASSWORD);
        browser.click("nav-rooms");
        browser.visible("rooms-grid");
        waitText("rooms-grid", "党员活动室");
        // open the office's room: select the row, then "查看详情"
        browser.driver().findElement(By.cssSelector("#rooms-grid .v-grid-body .v-grid-row")).click();
        browser.click("rooms-open");
        browser.visible("rooms-detail");
        waitText("rooms-rate", "必备项达标");
        waitText("rooms-conformance", "党旗");
        browser.screenshot("room-conformance");

        // inventory: add an item
        browser.driver().findElement(By.xpath("//div[contains(@class,'v-tabsheet-tabitem')]//*[text()='物品台账']")).click();
        browser.visible("items-grid");
        browser.click("items-add");
        browser.type("item-asset", "GN01-BROWSER-001");
        browser.type("item-name", "浏览器测试档案盒");
        browser.type("item-quantity", "2");
        browser.type("item-location", "北侧书柜");
        browser.click("item-save");
        waitNotification("已保存");
        dismissNotifications();
        browser.type("items-filter-text", "BROWSER");
        waitText("items-grid", "浏览器测试档案盒");
        browser.screenshot("item-added");

        // book the room tomorrow 9:00–10:00 (the form's default slot), then again: refused, naming the booking
        browser.click("nav-rooms-bookings");
        browser.visible("bookings-grid");
        browser.click("bookings-new");
        browser.type("booking-purpose", "浏览器测试：支部党课");
        browser.click("booking-save");
        waitNotification("已预约");
        dismissNotifications();
        browser.click("bookings-new");
        browser.type("booking-purpose", "冲突的会议");
        browser.click("booking-save");
        waitNotification("冲突");
        String clash = browser.driver().findElement(By.cssSelector(".v-Notification")).getText();
        assertTrue(clash, clash.contains("浏览器测试：支部党课"));
        browser.screenshot("booking-clash");
        new Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        dismissNotifications();
        waitText("bookings-grid", "浏览器测试：支部党课");
    }

    @Test
    public void centralAdminComparesTheNineSites() {
        browser.login(node.baseUrl(), "demo.central", Http.DEMO_PASSWORD);
        browser.click("nav-rooms-compare");
        browser.visible("compare-grid");
        waitText("compare-rates", "玛曲县管理部");
        String rates = browser.driver().findElement(By.id("compare-rates")).getText();
        for (String office : new String[] {"合作市管理部", "临潭县管理部", "卓尼县管理部", "舟曲县管理部", "迭部县管理部",
            "玛曲县管理部", "碌曲县管理部", "夏河县管理部"}) {
            assertTrue(office + " missing in " + rates, rates.contains(office));
        }
        waitText("compare-grid", "✓");
        browser.screenshot("compare");
        browser.click("nav-rooms-statistics");
        waitText("stats-grid", "合作市管理部");
    }
}
