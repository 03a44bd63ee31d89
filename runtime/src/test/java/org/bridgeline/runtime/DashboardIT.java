package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real browser: Debian's Chromium driven by Selenium through Debian's
 * chromedriver (nothing downloaded). Sign-in with a token, the overview's figures against the API's,
 * a finding's evidence, sign-out; another tenant's session sees none of it; the session cookie and
 * CSRF; what the DOM can tell of accessibility. Screenshots of each view at desktop and
 * phone widths go to {@code target/dashboard-screenshots/}.
 */
class DashboardIT {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir
    static Path home;
    static int port;
    static String acmeOperator;
    static String acmeViewer;
    static String bravoViewer;
    static String carolOperator;
    ChromeDriver browser;

    @BeforeAll
    static void startARuntimeWithTheDashboard() throws Exception {
        TestDistribution.copyTo(home);
        port = HostedSetup.freeHttpPort(home);
        Path enterprise = home.resolve("enterprise");
        BinBridgeline.Result setup = BinBridgeline.run(home, "exec", "bl:feature-install http", "bl:feature-install dashboard",
                "bl:tenant-add acme", "bl:tenant-add bravo", "bl:tenant-add carol", "bl:token-issue acme --role operator", "bl:token-issue acme",
                "bl:token-issue bravo", "bl:token-issue carol --role operator",
                "bl:enterprise generate " + enterprise + " --sites 6", "bl:import " + enterprise.resolve("bills") + " --tenant acme",
                "bl:contract-import " + enterprise.resolve("contracts.json") + " --tenant acme", "bl:audit --tenant acme");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        List<String> tokens = HostedSetup.tokens(setup.out(), 4);
        acmeOperator = tokens.get(0);
        acmeViewer = tokens.get(1);
        bravoViewer = tokens.get(2);
        carolOperator = tokens.get(3);
        assertEquals(0, BinBridgeline.run(home, "start").status());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        BinBridgeline.run(home, "stop");
        TestDistribution.keepLog(home, "DashboardIT");
    }

    @BeforeEach
    void openTheBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn(String token) {
        browser.get(url("/"));
        assertEquals("Sign in · Bridgeline", browser.getTitle(), "the dashboard asks who is there first");
        browser.findElement(By.id("token")).sendKeys(token);
        WebElement form = browser.findElement(By.cssSelector("form.sign-in"));
        form.findElement(By.tagName("button")).click();
        // the next page is the signed-in one only once the sign-in page is gone: a navigation before would race its redirect
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(driver -> gone(form));
    }

    @Test
    void anOperatorSignsInSeesTheApisFiguresOpensAFindingsEvidenceAndSignsOut() throws Exception {
        signIn(acmeOperator);
        assertEquals("Overview · Bridgeline", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector("header .who")).getText().contains("acme"));

        // the overview's figures are the API's
        JsonArray findings = JsonParser.parseString(api("/api/v1/findings?limit=1000", acmeOperator)).getAsJsonObject().getAsJsonArray("items");
        BigDecimal annual = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        BigDecimal atBenchmark = BigDecimal.ZERO;
        for (JsonElement finding : findings) {
            BigDecimal findingAnnual = new BigDecimal(finding.getAsJsonObject().get("annualImpact").getAsString().split(" ")[0]);
            annual = annual.add(findingAnnual);
            JsonElement recoverable = finding.getAsJsonObject().get("recoverable");
            if (recoverable != null && !recoverable.isJsonNull()) {
                credits = credits.add(new BigDecimal(recoverable.getAsString().split(" ")[0]));
            }
            if (finding.getAsJsonObject().get("kind").getAsString().equals("above-benchmark")) {
                atBenchmark = atBenchmark.add(findingAnnual);
            }
        }
        List<WebElement> figures = browser.findElements(By.cssSelector(".figures .figure"));
        assertEquals(String.valueOf(findings.size()), figures.get(0).getText(), "findings");
        assertEquals(0, annual.compareTo(new BigDecimal(figures.get(2).getText().split(" ")[0])), "annual impact: " + figures.get(2).getText());
        assertEquals(0, credits.compareTo(new BigDecimal(figures.get(3).getText().split(" ")[0])), "credits owed: " + figures.get(3).getText());
        assertEquals(0, atBenchmark.compareTo(new BigDecimal(figures.get(4).getText().split(" ")[0])), "savings at target: " + figures.get(4).getText());
        assertEquals(5, browser.findElements(By.cssSelector(".figures li a")).size(), "every figure links to its detail");
        assertEquals(url("/ui/market-position"), browser.findElements(By.cssSelector(".figures li a")).get(4).getAttribute("href"));
        assertTrue(browser.findElements(By.cssSelector("#spend tbody tr")).size() >= 12, "twelve months of spend");
        accessible();
        screenshots("overview");

        // a finding with evidence: its lines with the file and record they came from
        follow(By.linkText("Findings"));
        assertEquals("Findings · Bridgeline", browser.getTitle());
        screenshots("findings");
        String withEvidence = null;
        for (JsonElement finding : findings) {
            if (withEvidence == null && finding.getAsJsonObject().get("evidenceLines").getAsInt() > 0) {
                withEvidence = finding.getAsJsonObject().get("findingId").getAsString();
            }
        }
        follow(By.cssSelector("a[href='/ui/findings/" + withEvidence + "']"));
        List<WebElement> evidence = browser.findElements(By.cssSelector("#evidence tbody tr"));
        assertFalse(evidence.isEmpty(), "evidence lines");
        List<WebElement> cells = evidence.get(0).findElements(By.tagName("td"));
        assertFalse(cells.get(0).getText().isBlank(), "the file");
        assertTrue(Long.parseLong(cells.get(1).getText()) > 0, "the record");
        accessible();
        screenshots("finding");

        // a dispute opened from a finding that claims a credit: its page, history and letter
        String withCredit = null;
        for (JsonElement finding : findings) {
            JsonElement recoverable = finding.getAsJsonObject().get("recoverable");
            if (withCredit == null && recoverable != null && !recoverable.isJsonNull() && finding.getAsJsonObject().get("evidenceLines").getAsInt() > 0
                    && new BigDecimal(recoverable.getAsString().split(" ")[0]).signum() > 0) {
                withCredit = finding.getAsJsonObject().get("findingId").getAsString();
            }
        }
        browser.get(url("/ui/findings/" + withCredit));
        browser.findElement(By.id("note")).sendKeys("from the dashboard");
        assertTrue(submit(By.id("open-dispute")).getText().matches("Dispute \\d+ opened.*"),
                browser.findElement(By.tagName("main")).getText());
        assertTrue(browser.findElement(By.id("dispute-history")).getText().contains("from the dashboard"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("state"))).selectByVisibleText("SUBMITTED");
        assertTrue(submit(By.cssSelector("form[action$='/state'] button")).getText().contains("is SUBMITTED now"));
        assertEquals(2, browser.findElements(By.cssSelector("a[href$='/letter.html'], a[href$='/letter.csv']")).size(), "its letter");
        accessible();
        screenshots("dispute");
        String dispute = browser.getCurrentUrl().replaceAll(".*/ui/disputes/(\\d+).*", "$1");
        follow(By.linkText("Disputes"));
        assertEquals(1, browser.findElements(By.cssSelector("#disputes tbody tr")).size());
        assertTrue(browser.findElement(By.cssSelector("#disputes tbody tr")).getText().contains("SUBMITTED"));
        accessible();
        screenshots("disputes");
        JsonObject viaApi = JsonParser.parseString(api("/api/v1/disputes/" + dispute, acmeOperator)).getAsJsonObject();
        assertEquals("SUBMITTED", viaApi.get("state").getAsString(), "the API sees the dashboard's dispute");

        // the packages view, contributed by the negotiation bundle: written now, each carrier's page opened as written
        follow(By.linkText("Packages"));
        assertTrue(submit(By.id("write-packages")).getText().contains("Written: 3 packages"),
                browser.findElement(By.tagName("main")).getText());
        List<WebElement> carriers = browser.findElements(By.cssSelector("#packages tbody th a"));
        assertEquals(3, carriers.size());
        screenshots("packages");
        String carrierPage = carriers.get(0).getAttribute("href");
        browser.get(carrierPage);
        assertTrue(browser.getPageSource().contains("<svg"), "the package page as written, its charts inline");
        screenshots("package-page");
        HttpResponse<String> asBravo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(carrierPage)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, asBravo.statusCode(), "no session, no package");
        browser.get(url("/ui/overview"));

        // sign-out ends the session: the views ask for a token again
        follow(By.cssSelector("header form button"));
        assertEquals("Sign in · Bridgeline", browser.getTitle());
        browser.get(url("/ui/overview"));
        assertEquals("Sign in · Bridgeline", browser.getTitle());
    }

    @Test
    void billsUploadedThroughThePageBecomeFindingsAndTheOverviewAgreesWithTheApi() throws Exception {
        signIn(carolOperator);
        follow(By.linkText("Bills and intake"));
        List<Path> bills;
        try (java.util.stream.Stream<Path> files = Files.walk(home.resolve("enterprise/bills"))) {
            bills = files.filter(Files::isRegularFile).sorted().toList();
        }
        java.util.Set<Path> storedBefore = MultipartBody.storedParts();
        browser.findElement(By.id("bills-files")).sendKeys(String.join("\n", bills.stream().map(Path::toString).toList()));
        long started = System.nanoTime();
        browser.findElement(By.cssSelector("#upload button")).click();
        boolean audited = false;
        while (!audited && System.nanoTime() - started < 120_000_000_000L) {
            Thread.sleep(1000);
            // the page follows the bills by loading itself again: its rows are read in one script, never across a load
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                    + "'#intake tbody tr')).map(row => row.cells[1].textContent + '|' + row.cells[5].textContent);");
            audited = rows.size() == bills.size() && rows.stream().allMatch(row -> row.startsWith("DONE|") && row.length() > 5);
        }
        assertTrue(audited, "every bill uploaded through the page imported and audited: " + browser.findElement(By.tagName("main")).getText());
        assertEquals(java.util.Set.of(), MultipartBody.storedPartsSince(storedBefore), "the inbox holds the bills; no copy left in the temporary folder");
        // files sent anywhere but a view's form are refused before a byte of them is stored
        MultipartBody toSignIn = MultipartBody.of(bills.subList(0, 1));
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/ui/sign-in")))
                .header("Content-Type", toSignIn.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(toSignIn.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, refused.statusCode(), refused.body());
        assertEquals(java.util.Set.of(), MultipartBody.storedPartsSince(storedBefore));
        accessible();
        screenshots("bills");
        follow(By.linkText("Overview"));
        JsonArray findings = JsonParser.parseString(api("/api/v1/findings?limit=1000", carolOperator)).getAsJsonObject().getAsJsonArray("items");
        assertTrue(findings.size() > 10);
        assertEquals(String.valueOf(findings.size()), browser.findElements(By.cssSelector(".figures .figure")).get(0).getText());
        assertEquals(1, browser.findElements(By.id("spend-chart")).size(), "spend per month as a chart");

        // a viewer sees the bills but no upload
        browser.manage().deleteAllCookies();
        signIn(acmeViewer);
        browser.get(url("/ui/bills"));
        assertEquals("Bills and intake · Bridgeline", browser.getTitle());
        assertTrue(browser.findElements(By.id("upload")).isEmpty(), "no upload for a viewer");
    }

    @Test
    void anotherTenantsSessionSeesNoneOfItAndAWrongTokenIsRefused() throws Exception {
        signIn("blt_0000000000000000_" + "A".repeat(43));
        assertEquals("Sign in · Bridgeline", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("not valid"));

        signIn(bravoViewer);
        assertEquals("Overview · Bridgeline", browser.getTitle());
        assertEquals("0", browser.findElements(By.cssSelector(".figures .figure")).get(0).getText());
        assertFalse(browser.getPageSource().contains("Acme Telecom"), "nothing of acme's");
        String acmeFinding = JsonParser.parseString(api("/api/v1/findings?limit=1", acmeOperator)).getAsJsonObject().getAsJsonArray("items")
                .get(0).getAsJsonObject().get("findingId").getAsString();
        browser.get(url("/ui/market-position"));
        assertEquals("No recurring services billed yet.", browser.findElement(By.cssSelector("main p")).getText(), "bravo's book is its own");
        browser.get(url("/ui/findings/" + acmeFinding));
        assertEquals("Not found · Bridgeline", browser.getTitle(), "acme's finding is as absent as one that never was");
        screenshots("not-found");
        browser.get(url("/ui/disputes"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("No disputes yet"), "bravo's disputes are its own");
        browser.get(url("/ui/disputes/1"));
        assertEquals("Not found · Bridgeline", browser.getTitle(), "a dispute of acme's, if any, is as absent as one that never was");
        browser.get(url("/ui/packages"));
        assertTrue(browser.findElements(By.id("write-packages")).isEmpty(), "a viewer writes no packages");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("No packages written yet"), "bravo sees none of acme's: "
                + browser.findElement(By.tagName("main")).getText());
        assertTrue(browser.findElements(By.linkText("Operator")).isEmpty(), "a viewer is not shown the operator's view");
        browser.get(url("/ui/operator"));
        assertEquals("Not for this role · Bridgeline", browser.getTitle());
    }

    @Test
    void aViewFromAHotDeployedBundleJoinsTheNavigationAndLeavesWithIt() throws Exception {
        signIn(acmeOperator);
        assertTrue(browser.findElements(By.linkText("Partner notes")).isEmpty());
        Path deployed = home.resolve("deploy/partner.jar");
        Files.copy(TestDistribution.itestPlugin(), home.resolve("deploy/partner.jar.part"));
        Files.move(home.resolve("deploy/partner.jar.part"), deployed);
        try {
            for (int i = 0; i < 60 && browser.findElements(By.linkText("Partner notes")).isEmpty(); i++) {
                Thread.sleep(500);
                browser.navigate().refresh();
            }
            follow(By.linkText("Partner notes"));
            assertTrue(browser.findElement(By.id("partner-view")).getText().contains("for acme"), "the partner's view, for the session's tenant");
            accessible();
        } finally {
            Files.delete(deployed);
        }
        for (int i = 0; i < 60 && !browser.findElements(By.linkText("Partner notes")).isEmpty(); i++) {
            Thread.sleep(500);
            browser.get(url("/ui/overview"));
        }
        assertTrue(browser.findElements(By.linkText("Partner notes")).isEmpty(), "gone with its bundle");
        browser.get(url("/ui/operator"));
        assertTrue(browser.findElements(By.cssSelector("#plugins tbody tr")).size() > 10, "the operator view lists the plugins");
        assertTrue(browser.findElement(By.id("tokens")).getText().contains("operator"), "and the tenant's tokens");
        accessible();
        screenshots("operator");
        follow(By.linkText("Market position"));
        assertFalse(browser.findElements(By.cssSelector("#market tbody tr")).isEmpty(), "each service against its benchmark, from the benchmark bundle");
        accessible();
        screenshots("market-position");
        browser.get(url("/ui/inventory?carrier=Acme%20Telecom"));
        assertFalse(browser.findElements(By.cssSelector("#inventory tbody tr")).isEmpty());
        accessible();
        screenshots("inventory");
        follow(By.cssSelector("#inventory tbody tr td a"));
        assertTrue(browser.findElements(By.cssSelector("#service-months tbody tr")).size() >= 12, "a service's months");
        assertEquals(1, browser.findElements(By.id("service-chart")).size());
        List<WebElement> rates = browser.findElements(By.cssSelector("#contract-rates tbody tr"));
        assertFalse(rates.isEmpty(), "the service's charge codes against its contract");
        assertTrue(rates.get(0).getText().matches("(?s).*(within the contract|above the contract|no ceiling).*"), rates.get(0).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Against the market"));
        accessible();
        screenshots("service");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndFormsNeedTheSessionsCsrfValue() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url("/ui/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("token=" + acmeViewer))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(url("/ui/sign-out"))).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("csrf=forged")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, forged.statusCode());
        HttpResponse<String> still = client.send(HttpRequest.newBuilder(URI.create(url("/ui/overview"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, still.statusCode(), "a sign-out without the session's CSRF value does not end it");
        assertTrue(still.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));

        // a form posted from another site is refused, whatever it carries
        HttpResponse<String> crossSite = client.send(HttpRequest.newBuilder(URI.create(url("/ui/sign-in")))
                .header("Origin", "https://elsewhere.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + acmeViewer)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        assertEquals(Optional.of("close"), crossSite.headers().firstValue("Connection"), "its unread form's connection is not reused");

        // a token revoked ends the sessions it signed in, on their next request
        BinBridgeline.Result issued = BinBridgeline.run(home, "client", "bl:token-issue acme");
        Matcher token = Pattern.compile("(?m)^blt_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$").matcher(issued.out());
        assertTrue(token.find(), issued.out());
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(url("/ui/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("token=" + token.group()))
                .build(), HttpResponse.BodyHandlers.ofString());
        String revokedSession = second.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(url("/ui/overview"))).header("Cookie", revokedSession).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(0, BinBridgeline.run(home, "client", "bl:token-revoke " + token.group(1)).status());
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create(url("/ui/overview"))).header("Cookie", revokedSession).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, after.statusCode(), "back to sign-in");
        assertEquals("/ui/sign-in", after.headers().firstValue("Location").orElse(""));
    }

    /** What the DOM tells: a title, landmarks, a label for every field, readable contrast of text on its background. */
    /**
     * Clicks a form's button and returns the status line of the page it brings: a click does not always wait for the
     * page, so the page it leaves must be gone first (an answer with an alert instead fails, with the alert's text).
     */
    private WebElement submit(By button) {
        follow(button);
        return status();
    }

    /** Clicks a link or a form's button and waits for the page it leaves to be gone: read before, the page is the old one. */
    private void follow(By clickable) {
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(clickable).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60)).until(driver -> gone(before));
    }

    /**
     * Whether the element's page is gone. Chromium answers for an element of a page being replaced either as stale or,
     * mid-navigation, with "Node with given id does not belong to the document": both say the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private WebElement status() {
        WebElement said = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60)).until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("[role=status], [role=alert]"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertEquals("status", said.getAttribute("role"), "the form's answer: " + said.getText());
        return said;
    }

    private void accessible() {
        assertFalse(browser.getTitle().isBlank());
        for (String landmark : List.of("header", "nav", "main")) {
            assertEquals(1, browser.findElements(By.tagName(landmark)).size(), landmark);
        }
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden])"))) {
            String id = input.getAttribute("id");
            assertFalse(id == null || browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "a label for " + id);
        }
        JavascriptExecutor js = browser;
        @SuppressWarnings("unchecked")
        List<String> low = (List<String>) js.executeScript("""
                const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                                   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const background = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                                           if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
                const low = [];
                for (const e of document.querySelectorAll('body *')) {
                  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                  if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;
                  const [a, b] = [lum(getComputedStyle(e).color), lum(background(e))];
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  if (ratio < 4.5) low.push(e.tagName + ' ' + ratio.toFixed(2) + ' ' + e.textContent.trim().slice(0, 30));
                }
                return low;""");
        assertEquals(List.of(), low, "text below 4.5:1 contrast");
    }

    private void screenshots(String view) throws Exception {
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            Files.write(SCREENSHOTS.resolve(view + "-" + size.getWidth() + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private String api(String path, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
