package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The delist portal in real headless Chromium, the way a blocked sender uses it: the form (with a
 * mistake first), the mail from a real SMTP server, the link, "Delist IP", and mail from that IP
 * accepted afterwards. A screenshot of each page lands in {@code target/portal-screenshots/}.
 */
@RequiresChromium
class DelistPortalBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(RequiresChromium.BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1100,900",
                "--user-data-dir=" + Files.createTempDirectory("senderguard-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(RequiresChromium.DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBlockedSenderDelistsTheirIpThroughThePortal() {
        String net = "198.20." + ThreadLocalRandom.current().nextInt(256) + ".";
        String ip = net + "25";
        String email = "j\u00f6rg-" + DelistPortalTest.newAddress(); // SMTPUTF8 (RFC 6531), as typed and mailed
        assertThat(TestApplication.cli("blocklist", "add", net + "0/24", "--type", "IP", "--reason",
                "spam from this network").exitCode()).isZero();
        TenantClient tenant = new TenantClient();
        Map<String, Object> rejection = BlockListTest.inbound(tenant, "news@sender.example", ip, List.of()).json();
        assertThat(rejection).containsEntry("action", "REJECT");
        Matcher portalLink = Pattern.compile("http\\S+/delist\\?ip=[^,\\s]+").matcher(OutboundSpamTest.ndr(rejection));
        assertThat(portalLink.find()).as("the NDR links to the portal").isTrue();

        browser.get(portalLink.group());
        assertThat(browser.getTitle()).contains("Request delisting");
        assertThat(browser.findElement(By.id("ip")).getAttribute("value")).as("filled in from the NDR").isEqualTo(ip);
        screenshot("1-form");

        fill("email", "not an address");
        submit();
        awaitTitle("Request delisting");
        assertThat(browser.findElement(By.id("email-error")).getText()).contains("not an address");
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("ip")).getAttribute("value")).as("kept").isEqualTo(ip);
        screenshot("2-form-with-errors");

        fill("email", email);
        submit();
        awaitTitle("Check your email");
        screenshot("3-link-sent");

        browser.get(TestMail.confirmationLink(email, 0));
        awaitTitle("Confirm delisting");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("The IP range " + net + "0/24 stays listed, but " + ip + " will no longer be blocked by it.");
        screenshot("4-confirm");

        browser.findElement(By.xpath("//button[normalize-space()='Delist IP']")).click();
        awaitTitle("Delisted");
        assertThat(heading()).isEqualTo("Delisted");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(ip + " is no longer blocked by it.");
        screenshot("5-delisted");

        assertThat(BlockListTest.inbound(tenant, "news@sender.example", ip, List.of()).json())
                .containsEntry("action", "ACCEPT");
        assertThat(BlockListTest.inbound(tenant, "news@sender.example", net + "26", List.of()).json())
                .containsEntry("action", "REJECT");
    }

    private static void fill(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private static void submit() {
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** Waits for the page a click led to; the old page may still be there when the click returns. */
    private static void awaitTitle(String title) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!browser.getTitle().startsWith(title + " ·") || browser.findElements(By.tagName("footer")).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected the page '" + title + "', got '" + browser.getTitle() + "': "
                        + browser.getPageSource());
            }
            Thread.onSpinWait();
        }
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static void screenshot(String name) {
        try {
            Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
