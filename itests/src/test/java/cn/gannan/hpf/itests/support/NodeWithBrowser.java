package cn.gannan.hpf.itests.support;

import org.junit.rules.ExternalResource;
import org.junit.rules.TestWatcher;

/**
 * A class rule for browser tests: one office node (demo data) and one headless browser per test class, both
 * stopped after the class.
 *
 * <pre>
 * &#64;ClassRule public static final NodeWithBrowser ENV = new NodeWithBrowser("my-module");
 * &#64;Rule public final TestWatcher shots = ENV.screenshotOnFailure();
 * </pre>
 */
public final class NodeWithBrowser extends ExternalResource {

    private final String name;
    private OfficeNode node;
    private Browser browser;

    /** @param name names the node's folder and the screenshot folder */
    public NodeWithBrowser(String name) {
        this.name = name;
    }

    @Override
    protected void before() throws Throwable {
        browser = Browser.start(name);
        node = OfficeNode.start(name);
    }

    @Override
    protected void after() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (node != null) {
            node.stop();
            node = null;
        }
    }

    public OfficeNode node() {
        return node;
    }

    public Browser browser() {
        return browser;
    }

    /** A rule that keeps a screenshot and the page of a failed test. */
    public TestWatcher screenshotOnFailure() {
        return Browser.onFailure(() -> browser);
    }
}
