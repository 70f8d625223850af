package cn.gannan.hpf.itests.meetings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.OfficeNode;

/**
 * The main flow in headless chromium on a running node where the meetings UI was installed from the
 * console (without demo meetings, so it starts empty): a branch secretary records a branch committee meeting with a decision, circulates it,
 * records the co-signatures, issues it (number 1 of the year), then opens the cadence grid and the
 * statistics.
 */
public class MeetingsBrowserIT {

    static OfficeNode node;
    static Browser browser;

    @Rule
    public final TestWatcher onFailure = Browser.onFailure(() -> browser);

    @BeforeClass
    public static void startNodeAndBrowser() throws Exception {
        // the core's demo (people, org units, users) but no demo meetings: the flow starts from an empty register
        node = OfficeNode.start("meetings-browser", Map.of("etc/cn.gannan.hpf.meetings.demo.cfg#enabled", "false"));
        String out = node.console("demo.central", Http.DEMO_PASSWORD, "feature:install hpf-meetings-ui");
        String problems = Await.until("the meetings API", () -> {
            Http.Resp r = node.http().get("/api/meetings", Http.demo("demo.secretary"));
            return r.status == 200 ? "" : r + "\nconsole: " + out;
        }, 120_000);
        assertEquals("", problems);
        browser = Browser.start("meetings");
    }

    @AfterClass
    public static void stopBrowserAndNode() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (node != null) {
            node.stop();
            node = null;
        }
    }

    /** Picks the item of a Vaadin combo box whose caption contains {@code text}. */
    private static void pick(String id, String text) {
        WebElement input = browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
        input.click();
        input.sendKeys(text);
        By item = By.xpath("//div[contains(@class,'v-filterselect-suggestpopup')]//td[contains(normalize-space(.),'"
                + text + "')]");
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(item)).click();
    }

    private static void waitText(String id, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    @Test
    public void secretaryRecordsCirculatesSignsAndIssuesMinutes() {
        browser.login(node.baseUrl(), "demo.secretary", Http.DEMO_PASSWORD);
        browser.visible("widget-meetings-overdue");
        browser.visible("widget-meetings-missing");
        browser.screenshot("dashboard");

        browser.click("nav-meetings");
        browser.visible("meetings-list");
        assertTrue(browser.visible("meetings-empty").getText().contains("登记会议")); // the empty state says what to do
        browser.screenshot("list-empty");

        browser.click("meetings-new");
        browser.visible("meeting-form");
        pick("meeting-body", "支部委员会");
        pick("meeting-type", "支委会");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("attendee-present-0")));
        browser.type("meeting-subject", "浏览器测试支委会");
        browser.click("meeting-add-topic");
        browser.type("topic-title", "研究确定发展对象");
        pick("topic-category", "党建");
        browser.type("topic-decision", "同意列为发展对象");
        browser.click("topic-ok");
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#meeting-topics .v-grid-body .v-grid-row"), 0));
        browser.screenshot("form");
        browser.click("meeting-save");

        browser.visible("meeting-detail");
        waitText("meeting-status", "草稿");
        assertTrue(browser.visible("meeting-quorum").getText().contains("达到法定人数"));
        browser.screenshot("detail-draft");
        browser.click("meeting-circulate");
        waitText("meeting-status", "会签中");
        for (int i = 0; i < 8 && browser.driver().findElement(By.id("meeting-signatures")).getText().contains("待会签"); i++) {
            browser.click("meeting-sign");
            browser.click("sign-ok");
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-ok")));
            browser.visible("meeting-signatures");
        }
        browser.screenshot("signed");
        browser.click("meeting-issue");
        browser.click("meetings-confirm-yes");
        waitText("meeting-status", "已印发");
        String status = browser.visible("meeting-status").getText();
        assertTrue(status, status.contains("〔" + LocalDate.now().getYear() + "〕1号"));
        assertFalse("an issued meeting has no edit button",
                browser.driver().findElements(By.id("meeting-edit")).stream().anyMatch(WebElement::isDisplayed));
        browser.visible("meeting-print");
        browser.screenshot("issued");

        browser.click("nav-meetings-cadence");
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#cadence-grid .v-grid-body .v-grid-row"), 0));
        browser.screenshot("cadence");
        browser.click("nav-meetings-stats");
        browser.visible("stats-figures");
        assertTrue(Integer.parseInt(browser.visible("stats-minutes").getText().strip()) >= 1);
        browser.screenshot("stats");
    }
}
