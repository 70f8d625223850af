package cn.gannan.hpf.itests.support;

import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, never downloading a browser or driver. Screenshots go to
 * {@code target/screenshots/<name>/}; {@link #onFailure()} adds a screenshot and the page source of a failed
 * test.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("hpf.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("hpf.chromedriver", "/usr/bin/chromedriver"));
    public static final Duration UI_TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;
    private final Path shots;
    private int shot;

    private Browser(WebDriver driver, Path profile, Path shots) {
        this.driver = driver;
        this.profile = profile;
        this.shots = shots;
    }

    /** Starts a fresh headless Chromium; {@code name} names the screenshot folder (emptied first). */
    public static Browser start(String name) throws Exception {
        // CI installs these; a missing browser must fail the build, not skip the test
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing: install Debian's chromium and its driver "
                    + "(apt-get install -y chromium chromium-driver) to run the browser tests");
        }
        Path shots = OfficeNode.TARGET.resolve("screenshots").resolve(name);
        OfficeNode.deleteTree(shots);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("hpf-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        // the driver executable is given explicitly, so Selenium Manager is never consulted
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(UI_TIMEOUT);
        return new Browser(driver, profile, shots);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waitFor() {
        return new WebDriverWait(driver, UI_TIMEOUT);
    }

    /** Waits until the element with this id is visible and returns it. */
    public WebElement visible(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Waits until the element with this id is present, scrolls it into view (a long menu or grid scrolls inside its
     * panel), waits until it is clickable and clicks it.
     */
    public void click(String id) {
        WebElement e = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clears the field with this id (a Vaadin text field or area) and types the text. */
    public void type(String id, String text) {
        WebElement e = waitFor().until(ExpectedConditions.elementToBeClickable(By.id(id)));
        e.clear();
        e.sendKeys(text);
    }

    /** Opens the shell logged out ({@code base} e.g. {@code http://localhost:8381}). */
    public void openLoggedOut(String base) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/hpf/");
        visible("login-username");
    }

    /** Fills the login form and submits it (does not wait for the result). */
    public void submitLogin(String user, String password) {
        type("login-username", user);
        type("login-password", password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Opens the shell, logs in and waits for the dashboard. */
    public void login(String base, String user, String password) {
        openLoggedOut(base);
        submitLogin(user, password);
        visible("dashboard");
    }

    /** Ids of the elements inside the navigation menu, for failure messages. */
    public String menuIds() {
        return driver.findElement(By.id("nav-menu")).findElements(By.cssSelector("[id]")).stream()
                .map(e -> e.getAttribute("id")).collect(Collectors.joining(", "));
    }

    /** Saves a numbered screenshot. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(shots);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, shots.resolve(String.format("%02d-%s.png", ++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            System.err.println("screenshot " + name + ": " + e);
        }
    }

    /** A rule that keeps a screenshot and the page source of a failed test. */
    public static TestWatcher onFailure(java.util.function.Supplier<Browser> browser) {
        return new TestWatcher() {
            @Override
            protected void failed(Throwable e, Description d) {
                Browser b = browser.get();
                if (b == null) {
                    return;
                }
                b.screenshot("FAILED-" + d.getMethodName());
                try {
                    Files.createDirectories(b.shots);
                    Files.writeString(b.shots.resolve("FAILED-" + d.getMethodName() + ".html"),
                            b.driver.getPageSource());
                } catch (Exception ignored) {
                    // best effort
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("driver.quit: " + e);
        }
        try {
            OfficeNode.deleteTree(profile);
        } catch (Exception ignored) {
            // a temp folder
        }
    }
}
