package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium: sign in with a key, find a practitioner and read the years
 * as the API answers them, in Chinese and in English; sign out, after which the session cookie opens
 * nothing, neither in the page nor on the API. Screenshots go to {@code target/console-screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + ConsoleJourneysTest.ADMIN, "ledger.evaluation-year=2026"})
class ConsoleJourneysTest {

    static final String ADMIN = "console-admin-key-00001";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/console-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    Api api;
    WebDriver browser;
    WebDriverWait wait;
    final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void start() {
        api = new Api("http://127.0.0.1:" + port);
        browser = ConsoleBrowser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    @Test
    void anAuditorFindsAPractitionersYearsAndSigningOutOrARevokedKeyEndsTheSession() throws Exception {
        String p = "console-" + run;
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration(p)).status()).isEqualTo(201);
        for (String[] credit : List.of(new String[]{"pub", "PUBLIC", "30"}, new String[]{"pro", "PROFESSIONAL", "64.5"})) {
            assertThat(api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, """
                    {"awardId":"%s","year":2025,"category":"%s","activity":"ONLINE_PLATFORM","hours":%s,
                     "approvedBy":"平台","completedOn":"2025-06-10"}""".formatted(credit[0], credit[1], credit[2]))
                    .status()).isEqualTo(201);
        }
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"职称评审办\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();

        browser.get("http://127.0.0.1:" + port + "/console");
        visible("api-key").sendKeys("wrong-key-wrong-key");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "No such API key."));

        visible("api-key").clear();
        browser.findElement(By.id("api-key")).sendKeys(auditor);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        visible("practitioner-id").sendKeys(p);
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("已登录：职称评审办 (AUDITOR)");
        Cookie session = browser.manage().getCookieNamed("ledger_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        browser.findElement(By.cssSelector("#find button")).click();
        visible("profile");
        assertThat(browser.findElement(By.id("profile-name")).getText()).isEqualTo("王芳");
        List<WebElement> cells = browser.findElements(By.cssSelector("#years tbody tr[data-year='2025'] td"));
        assertThat(cells).extracting(WebElement::getText)
                .containsExactly("2025", "30.0", "64.5", "94.5", "达标", "IM-2025");
        // the same figures as the API answers
        var years = api.get("/api/v1/practitioners/" + p + "/years", auditor).body().get(0);
        assertThat(years.path("total").decimalValue()).isEqualByComparingTo("94.5");
        ConsoleBrowser.screenshot(browser, "auditor-years-zh");

        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#years thead"), "Professional"));
        assertThat(browser.findElement(By.cssSelector("#years tbody tr[data-year='2025'] td:nth-child(5)")).getText())
                .as("a status already shown follows the language").isEqualTo("met");
        ConsoleBrowser.screenshot(browser, "auditor-years-en");
        browser.findElement(By.id("language")).click();

        // the cookie alone opens the API as the auditor, but changes nothing without the CSRF token
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/practitioners/" + p)).header("Cookie", "ledger_session=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withCookie.statusCode()).isEqualTo(200);
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/practitioners/" + p + "/certifications")).header("Cookie", "ledger_session=" + session.getValue())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"certificationId\":\"forged\",\"purpose\":\"TITLE_EVALUATION\",\"level\":\"INTERMEDIATE\",\"year\":2026}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("X-CSRF-Token");

        browser.findElement(By.id("sign-out")).click();
        visible("api-key");
        ConsoleBrowser.screenshot(browser, "signed-out");
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/practitioners/" + p)).header("Cookie", "ledger_session=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("a session signed out opens nothing").isEqualTo(401);

        // a key revoked by an administrator ends its sessions at their next request
        visible("api-key").sendKeys(auditor);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        visible("practitioner-id");
        Cookie second = browser.manage().getCookieNamed("ledger_session");
        assertThat(api.post("/api/v1/api-keys/" + AccountabilityTest.keyId(auditor) + "/revocations", ADMIN,
                "{\"reason\":\"离职\"}").status()).isEqualTo(201);
        browser.findElement(By.cssSelector("#find button")).click();
        visible("api-key");
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/practitioners/" + p)).header("Cookie", "ledger_session=" + second.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as("a revoked key's session opens nothing").isEqualTo(401);
        ConsoleBrowser.screenshot(browser, "revoked-key-signed-out");
    }

    void credit(String p, String awardId, int year, String category, String hours) {
        Api.Response r = api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, """
                {"awardId":"%s","year":%d,"category":"%s","activity":"ONLINE_PLATFORM","hours":%s,
                 "approvedBy":"平台","completedOn":"%d-06-10"}""".formatted(awardId, year, category, hours, year));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    void signIn(String key) {
        browser.get("http://127.0.0.1:" + port + "/console");
        visible("api-key").sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        visible("views");
    }

    @Test
    void anAuditorTracesAMetDecisionDownToItsClauseAndSeesWhatWasKnownBefore() throws Exception {
        String p = "trace-" + run;
        assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration(p)).status()).isEqualTo(201);
        Thread.sleep(1_100);
        java.time.Instant before = java.time.Instant.now();
        Thread.sleep(1_100);
        for (int year = 2024; year <= 2026; year++) {
            credit(p, "pub-" + year, year, "PUBLIC", "30");
            credit(p, "pro-" + year, year, "PROFESSIONAL", "60");
        }
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"职称评审办\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();

        signIn(auditor);
        browser.findElement(By.id("practitioner-id")).sendKeys(p);
        browser.findElement(By.cssSelector("#find button")).click();
        visible("decide");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level"))).selectByValue("INTERMEDIATE");
        WebElement year = browser.findElement(By.id("decision-year"));
        year.clear();
        year.sendKeys("2026");
        browser.findElement(By.cssSelector("#decide button")).click();
        WebElement outcome = visible("outcome");
        wait.until(ExpectedConditions.attributeToBe(outcome, "data-outcome", "MET"));
        var decision = api.get("/api/v1/practitioners/" + p + "/eligibility?level=INTERMEDIATE&year=2026", auditor).body();
        assertThat(decision.path("outcome").asText()).isEqualTo("MET");
        assertThat(outcome.getText()).isEqualTo("结论: 达标 (" + decision.path("ruleSet").path("id").asText() + ")");

        // the figure, then its contributions, then the event and who recorded it, then the clause's text
        var first = decision.path("requirements").get(0);
        WebElement figure = browser.findElement(By.cssSelector("#requirements tr[data-requirement='0'] button.figure"));
        assertThat(figure.getText()).isEqualTo(first.path("credited").decimalValue().setScale(1).toPlainString());
        figure.click();
        var contribution = first.path("contributions").get(0);
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#requirements tr.contribution[data-of='0']")));
        assertThat(row.getText()).contains(contribution.path("id").asText()).contains("LEDGER_ADMIN_KEY");
        row.findElement(By.cssSelector("td:first-child button")).click();
        WebElement event = visible("event");
        wait.until(ExpectedConditions.textToBePresentInElement(event, contribution.path("id").asText()));
        assertThat(event.findElement(By.cssSelector(".recorded-by")).getText()).startsWith("记录者: LEDGER_ADMIN_KEY");
        row.findElement(By.cssSelector("td:last-child button")).click();
        WebElement clause = visible("clause");
        String citation = contribution.path("citation").asText();
        var clauses = api.get("/api/v1/rule-sets/" + decision.path("ruleSet").path("id").asText() + "/clauses?citation="
                + java.net.URLEncoder.encode(citation, java.nio.charset.StandardCharsets.UTF_8), auditor).body();
        String text = clauses.path("clauses").get(0).path("text").asText();
        assertThat(text).isNotBlank();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#clause .clause-text"),
                text.lines().findFirst().orElseThrow()));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('decide').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "auditor-trace");

        // as known before any credit was recorded: not met then, met now
        // the instant as the browser's own clock shows it, in its time zone, as a person would pick it
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const d = new Date(arguments[0]); const pad = (n) => String(n).padStart(2, '0');
                document.getElementById('known-at').value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
                    + `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;""", before.toEpochMilli());
        browser.findElement(By.cssSelector("#decide button")).click();
        WebElement then = visible("known-then");
        wait.until(ExpectedConditions.textToBePresentInElement(then, "当时所知"));
        assertThat(then.getText()).isEqualTo("当时所知: 未达标 · 现在: 达标 ⚠");
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("NOT_MET");
        ConsoleBrowser.screenshot(browser, "auditor-known-at");
    }

    @Test
    void aBaseUploadsARosterWithTwoBadRowsAndASupervisorFalsifiesTheSessionDrawnAndSeesItsRevocations() throws Exception {
        String baseId = "console-base-" + run;
        String session = "cs-" + run;
        assertThat(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"" + baseId + "\",\"name\":\"钢铁培训基地\","
                + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"包头市\"}").status()).isEqualTo(201);
        String baseKey = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"钢铁基地平台\",\"roles\":[\"INTEGRATOR\"],"
                + "\"baseIds\":[\"" + baseId + "\"]}").body().path("key").asText();
        String supervisor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"盟市人社局\",\"roles\":[\"SUPERVISOR\"]}")
                .body().path("key").asText();
        assertThat(api.post("/api/v1/bases/" + baseId + "/sessions", baseKey, "{\"sessionId\":\"" + session
                + "\",\"title\":\"专业技术人员能力提升培训\",\"category\":\"PROFESSIONAL\",\"mode\":\"IN_PERSON\","
                + "\"startDate\":\"2026-11-09\",\"endDate\":\"2026-11-11\",\"location\":\"包头\",\"capacity\":40}")
                .status()).isEqualTo(201);
        List<String> people = List.of("cr1-" + run, "cr2-" + run);
        for (String p : people) {
            assertThat(api.post("/api/v1/practitioners", ADMIN, Api.registration(p)).status()).isEqualTo(201);
        }

        // the base: a CSV roster of four rows, two of them bad
        java.nio.file.Path csv = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "roster-", ".csv");
        java.nio.file.Files.writeString(csv, "序号,姓名,性别,人员编号,单位,学时,科目类别\n"
                + "1,王芳,女," + people.get(0) + ",包头钢铁,24,专业科目\n"
                + "2,李明,男," + people.get(1) + ",包头钢铁,24,专业科目\n"
                + "3,赵强,男,nobody-" + run + ",包头钢铁,24,专业科目\n"
                + "4,钱多,男," + people.get(1) + "x,包头钢铁,-2,专业科目\n");
        signIn(baseKey);
        assertThat(browser.findElement(By.cssSelector("#views button[data-view='practitioner-view']")).isDisplayed())
                .as("a base's key sees no practitioner pages").isFalse();
        WebElement session1 = visible("roster-session");
        assertThat(browser.findElement(By.id("roster-base")).getAttribute("value")).isEqualTo(baseId);
        session1.sendKeys(session);
        browser.findElement(By.id("roster-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#roster button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-summary"), "接受: 2 · 拒绝: 2"));
        List<String> rows = browser.findElements(By.cssSelector("#roster-rows tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).isEqualTo("4 nobody-" + run + " NOT_FOUND practitionerId No practitioner nobody-" + run
                + " is registered.");
        assertThat(rows.get(3)).isEqualTo("5 INVALID hours row 5: hours must be positive, not -2");
        ConsoleBrowser.screenshot(browser, "base-roster-two-bad-rows");
        browser.findElement(By.id("sign-out")).click();

        // the supervisor: the session among the year's, drawn at random, verified, found falsified
        signIn(supervisor);
        visible("sessions-year");
        browser.findElement(By.cssSelector("#sessions-filter button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#sessions tr[data-session='" + baseId + "/" + session + "']")));
        browser.findElement(By.id("sample-seed")).sendKeys("check-" + run);
        browser.findElement(By.cssSelector("#draw button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("sample")).isDisplayed()
                || !d.findElement(By.id("supervision-error")).getText().isEmpty());
        assertThat(browser.findElement(By.id("supervision-error")).getText()).isEmpty();
        WebElement sample = visible("sample");
        wait.until(ExpectedConditions.textToBePresentInElement(sample, "抽中"));
        assertThat(sample.getText()).isEqualTo("随机种子: check-" + run + " · 抽中: " + baseId + "/" + session);
        browser.findElement(By.id("redraw")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(sample, "核验一致"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("inspect-session")))
                .selectByValue(baseId + "/" + session);
        browser.findElement(By.id("inspection-id")).sendKeys("ci-" + run);
        browser.findElement(By.id("inspector")).sendKeys("张检查");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("verdict"))).selectByValue("FALSIFIED");
        browser.findElement(By.id("notes")).sendKeys("签到表伪造");
        browser.findElement(By.cssSelector("#inspect button")).click();
        visible("revocations");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("revocations"), "已撤销"));
        List<String> revoked = browser.findElements(By.cssSelector("#revocations tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(revoked).containsExactly(people.get(0) + " 24.0 已撤销", people.get(1) + " 24.0 已撤销");
        for (String p : people) {
            var year = api.get("/api/v1/practitioners/" + p + "/years", ADMIN).body().get(0);
            assertThat(year.path("professional").decimalValue()).as(p).isZero();
        }
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('draw').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "supervisor-sample-and-revocations");
    }
}
