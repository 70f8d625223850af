package cn.gannan.hpf.itests.elections;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.gannan.hpf.itests.support.Await;
import cn.gannan.hpf.itests.support.Browser;
import cn.gannan.hpf.itests.support.Http;
import cn.gannan.hpf.itests.support.OfficeNode;

/**
 * The elections main flow in headless Chromium on an external office node with hpf-elections-ui installed from
 * the console: the list and its demo data, the plan form's validation next to the fields, then a small branch's
 * election: the superior's approval, everyone signed in (quorum met), a round opened, every paper ballot
 * entered, the count and the result.
 */
public class BrowserElectionsIT {

    static OfficeNode node;
    static Browser browser;

    @Rule
    public final TestWatcher onFailure = Browser.onFailure(() -> browser);

    @BeforeClass
    public static void start() throws Exception {
        browser = Browser.start("elections");
        node = OfficeNode.start("browser-elections");
        String out = node.console("demo.admin", Http.DEMO_PASSWORD, "feature:install hpf-elections-ui");
        assertFalse(out, out.contains("Error"));
        Http api = node.http();
        String central = Http.demo("demo.central");
        assertEquals("", Await.until("the elections demo data", () -> Http.count(api.get("/api/elections?limit=10", central).body,
                "\"ruleSetVersion\"") >= 3 ? "" : "not yet", 180_000));
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
    public void smallBranchElectsItsSecretary() {
        Http api = node.http();
        String central = Http.demo("demo.central");
        String list = api.get("/api/elections?status=PLANNED&kind=PARTY", central).expect(200).body;
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\",\"officeCode\":\"[^\"]+\",\"orgUnitId\":\"[^\"]+\",\"orgUnitName\":\"[^\"]+\","
                + "\"kind\":\"PARTY\",\"ruleSetVersion\":\\d+,\"title\":\"([^\"]+)\"").matcher(list);
        assertTrue("no planned branch election in " + list, m.find());
        String title = m.group(2);
        Matcher entitled = Pattern.compile("\"general\":\\{\"entitled\":(\\d+)").matcher(api.get("/api/elections/" + m.group(1), central).body);
        assertTrue(entitled.find());
        int voters = Integer.parseInt(entitled.group(1));
        assertTrue("voters on the roll: " + voters, voters >= 2);

        browser.login(node.baseUrl(), "demo.central", Http.DEMO_PASSWORD);
        browser.click("nav-elections");
        browser.visible("elections-list");
        By rows = By.cssSelector("#elections-grid .v-grid-body .v-grid-row");
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 2));
        browser.screenshot("elections-list");

        // the plan form reports every problem next to its field
        browser.click("elections-new");
        browser.visible("plan-dialog");
        browser.click("plan-save");
        browser.waitFor().until(ExpectedConditions.attributeContains(By.id("plan-title"), "class", "error"));
        browser.screenshot("plan-errors");
        browser.driver().findElement(By.cssSelector("#plan-dialog .v-window-closebox")).click();
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("plan-dialog")));

        // open the small branch's election
        List<WebElement> all = browser.driver().findElements(rows);
        all.stream().filter(r -> r.getText().contains(title)).findFirst().orElseThrow().click();
        browser.visible("election-detail");
        assertTrue(browser.visible("detail-status").getText().contains("方案拟定中"));

        // the superior's approval
        browser.click("election-approve-plan");
        browser.type("approval-by", "中共甘南州住房公积金管理中心总支部委员会");
        browser.type("approval-no", "总支发〔2026〕5号");
        browser.click("approval-save");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-status"), "方案已批复"));

        // everyone signs in; the quorum is met
        browser.click("tab-roll");
        browser.visible("roll-grid");
        browser.driver().findElement(By.cssSelector("#roll-grid .v-grid-select-all-checkbox input")).click();
        browser.click("roll-sign-in");
        // the view is rebuilt on the same tab: wait for the new quorum line, ignoring replaced elements
        browser.waitFor().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("roll-quorum"), "✔"));
        browser.screenshot("roll-signed-in");

        // the secretary's round: open, enter every paper ballot, count
        browser.click("tab-voting");
        browser.type("round-issued-posts-secretary", String.valueOf(voters));
        browser.type("round-scrutineers-posts-secretary", "杨永红");
        browser.type("round-tellers-posts-secretary", "李志强");
        browser.click("round-open-posts-secretary");
        // every entry rebuilds the view: wait for the next serial, ignoring elements replaced meanwhile
        for (int s = 1; s <= voters; s++) {
            String serial = String.valueOf(s);
            browser.waitFor().ignoring(StaleElementReferenceException.class)
                    .until(d -> serial.equals(d.findElement(By.id("ballot-serial")).getAttribute("value")));
            browser.waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElements(By.cssSelector("#mark-0 .v-radiobutton label")).get(0).click(); // 赞成
                return true;
            });
            browser.waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.id("ballot-enter")).click();
                return true;
            });
        }
        String next = String.valueOf(voters + 1);
        browser.waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> next.equals(d.findElement(By.id("ballot-serial")).getAttribute("value")));
        browser.type("round-returned", String.valueOf(voters));
        browser.click("round-close");
        browser.click("confirm-close-yes");
        By results = By.cssSelector(".election-results .v-grid-body .v-grid-row");
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(results, 0));
        browser.screenshot("secretary-counted");
        assertTrue(browser.driver().findElements(results).get(0).getText().contains("当选"));

        // the rule checks say what was checked, with the numbers
        browser.click("tab-checks");
        WebElement checks = browser.visible("checks-tab");
        assertTrue(checks.getText(), checks.getText().contains("到会人数符合规定"));
    }
}
