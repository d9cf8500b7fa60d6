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
        String auditor = auditorKey();

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
            award(p, "pub-" + year, year, "PUBLIC", "30");
            award(p, "pro-" + year, year, "PROFESSIONAL", "60");
        }
        String auditor = auditorKey();

        signIn(auditor);
        openPractitioner(p);
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
        // what changed between them: every requirement whose credited hours or met differ, as the API answers both
        var knownThen = api.get("/api/v1/practitioners/" + p + "/eligibility?level=INTERMEDIATE&year=2026&knownAt="
                + before, auditor).body();
        assertThat(knownThen.path("outcome").asText()).isEqualTo("NOT_MET");
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < decision.path("requirements").size(); i++) {
            var now = decision.path("requirements").get(i);
            var earlier = knownThen.path("requirements").get(i);
            assertThat(earlier.path("scope").asText()).isEqualTo(now.path("scope").asText());
            if (earlier.path("credited").decimalValue().compareTo(now.path("credited").decimalValue()) != 0
                    || earlier.path("met").asBoolean() != now.path("met").asBoolean()) {
                expected.add(now.path("scope").asText() + " " + CATEGORY.get(now.path("category").asText()) + " "
                        + one(earlier.path("credited")) + " " + one(now.path("credited")) + " "
                        + (earlier.path("met").asBoolean() ? "是" : "否") + " " + (now.path("met").asBoolean() ? "是" : "否"));
            }
        }
        assertThat(expected).hasSize(9).contains("2026 专业科目 0.0 60.0 否 是");
        assertThat(rows("#changes tbody tr")).containsExactlyElementsOf(expected);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('known-then').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "auditor-known-at");
    }

    static final java.util.Map<String, String> CATEGORY = java.util.Map.of("PUBLIC", "公需科目",
            "PROFESSIONAL", "专业科目", "TOTAL", "合计");
    static final java.util.Map<String, String> OUTCOME = java.util.Map.of("MET", "达标", "NOT_MET", "未达标",
            "NOT_LIMITING", "不作限制", "WAIVED", "免除", "NO_RULE", "无规则");

    static final java.util.Map<String, String> SIGNAL = java.util.Map.of("PLAN_MISSING", "未备案计划",
            "PLAN_LATE", "计划备案迟", "ROSTER_LATE", "花名册迟报", "OVER_CAPACITY", "超出容量",
            "HOURS_EXCEED_DAYS", "学时超过天数", "DOUBLE_BOOKED", "同日参加两班");

    static String one(com.fasterxml.jackson.databind.JsonNode number) {
        return number.decimalValue().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    List<String> rows(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(js, args);
    }

    String person(String id, String gender, String birthDate, String region) {
        return """
                {"id":"%s","name":"李华","gender":"%s","birthDate":"%s","jurisdiction":"IM",
                 "region":"%s","sector":"PUBLIC_INSTITUTION","grassroots":false,"titleSeries":"工程",
                 "titleLevel":"INTERMEDIATE","titleObtainedOn":"2015-12-01","degree":"BACHELOR"}"""
                .formatted(id, gender, birthDate, region);
    }

    long register(String body) {
        Api.Response r = api.post("/api/v1/practitioners", ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().path("position").asLong();
    }

    long award(String p, String awardId, int year, String category, String hours) {
        Api.Response r = api.post("/api/v1/practitioners/" + p + "/credits", ADMIN, """
                {"awardId":"%s","year":%d,"category":"%s","activity":"ONLINE_PLATFORM","hours":%s,
                 "approvedBy":"平台","completedOn":"%d-06-10"}""".formatted(awardId, year, category, hours, year));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().path("position").asLong();
    }

    /** A key of the title-evaluation office (职称评审办), an AUDITOR. */
    String auditorKey() {
        return api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"职称评审办\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();
    }

    /** Opens practitioner {@code p}'s page by its id, as a reader types it, until the decision form shows. */
    void openPractitioner(String p) {
        browser.findElement(By.id("practitioner-id")).sendKeys(p);
        browser.findElement(By.cssSelector("#find button")).click();
        visible("decide");
    }

    void openView(String view) {
        browser.findElement(By.cssSelector("#views button[data-view='" + view + "']")).click();
        visible(view);
    }

    @Test
    void anAuditorSeesTheYearsAsAChartAndTheHistoryAsATimelineWithTheKeyboard() throws Exception {
        String p = "chart-" + run;
        register(Api.registration(p));
        award(p, "pub-2025", 2025, "PUBLIC", "30");
        award(p, "pro-2025", 2025, "PROFESSIONAL", "64.5");
        award(p, "pro-2026", 2026, "PROFESSIONAL", "12");
        String auditor = auditorKey();

        signIn(auditor);
        // the keyboard alone: the id and Enter find the practitioner, Tab reaches the find button
        WebElement id = visible("practitioner-id");
        id.sendKeys(p);
        id.sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("查询");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        visible("profile");
        var years = api.get("/api/v1/practitioners/" + p + "/years", auditor).body();
        assertThat(rows("#years tbody tr")).containsExactly("2025 30.0 64.5 94.5 达标 IM-2025",
                "2026 0.0 12.0 12.0 未达标 IM-2025");
        assertThat(one(years.get(1).path("total"))).isEqualTo("12.0");
        wait.until(d -> script("return document.querySelector('#years-chart svg') !== null").equals(true));
        String chartText = (String) script("return document.querySelector('#years-chart svg').textContent");
        assertThat(chartText).contains("2025", "2026", "94.5", "12.0", "公需科目", "专业科目");

        WebElement showHistory = browser.findElement(By.id("show-history"));
        showHistory.sendKeys(org.openqa.selenium.Keys.ENTER);
        WebElement timeline = visible("timeline");
        var history = api.get("/api/v1/practitioners/" + p + "/history", auditor).body();
        wait.until(d -> d.findElements(By.cssSelector("#timeline li")).size() == history.size());
        List<String> items = rows("#timeline li");
        assertThat(items).hasSize(4);
        for (int i = 0; i < history.size(); i++) {
            var e = history.get(i);
            assertThat(items.get(i)).contains("#" + e.path("sequence").asInt() + " " + e.path("type").asText())
                    .contains("记录者: LEDGER_ADMIN_KEY (" + e.path("actor").path("keyId").asText() + ")")
                    .contains(e.path("recordedAt").asText().substring(0, 19).replace('T', ' '));
        }
        assertThat(items.get(2)).contains("awardId: pro-2025 · year: 2025 · category: PROFESSIONAL · hours: 64.5");
        script("document.getElementById('years').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "auditor-years-chart-and-history-timeline");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        script("document.getElementById('years-chart').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "laptop-1280x800-auditor");
        atTabletWidth("profile", "tablet-800x1100-auditor");
    }

    /** A resident ID number of Hohhot (150102) for a birth date and a sequence (even for women), its check character added. */
    static String idNumber(String yyyymmdd, int sequence) {
        return PersonalDataProtectionTest.idNumber(yyyymmdd, sequence);
    }

    @Test
    void anAuditorFindsAPractitionerByNameAndByIdNumber() throws Exception {
        // a name of this run only: each hex digit of the run as one of sixteen characters
        StringBuilder name = new StringBuilder("慕容");
        run.chars().forEach(c -> name.append("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳".charAt(Character.digit(c, 16))));
        String byName = "nm-" + run;
        String byNumber = "id-" + run;
        String number = idNumber("19800517", 2 * (Math.abs(run.hashCode()) % 450) + 100);
        register(person(byName, "FEMALE", "1980-05-17", "呼和浩特市").replace("李华", name.toString()));
        long last = register(person(byNumber, "FEMALE", "1980-05-17", "包头市").replace("\"gender\"",
                "\"idNumber\":\"" + number + "\",\"gender\""));
        String auditor = auditorKey();
        // the name is found in the views: they include the registration before the page asks
        api.get("/api/v1/eligibility?size=1&waitForPosition=" + last, auditor);
        var found = api.get("/api/v1/practitioners?name=" + java.net.URLEncoder.encode(name.toString(),
                java.nio.charset.StandardCharsets.UTF_8), auditor).body().path("items");
        assertThat(found).hasSize(1);

        signIn(auditor);
        visible("search-text").sendKeys(name);
        browser.findElement(By.cssSelector("#search button")).click();
        WebElement results = visible("search-results");
        wait.until(d -> rows("#search-results tbody tr").size() == 1);
        assertThat(rows("#search-results tbody tr")).containsExactly(byName + " " + name + " IM 呼和浩特市");
        results.findElement(By.cssSelector("tr[data-practitioner='" + byName + "'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-name"), name.toString()));
        assertThat(browser.findElement(By.id("profile-region")).getText()).isEqualTo("呼和浩特市");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("search-by"))).selectByValue("idNumber");
        WebElement text = browser.findElement(By.id("search-text"));
        text.clear();
        text.sendKeys(number + org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#search-results tr[data-practitioner='" + byNumber + "']")));
        var item = api.get("/api/v1/practitioners?idNumber=" + number, auditor).body().path("items").get(0);
        String shown = item.path("idNumber").asText();
        assertThat(shown).as("an auditor sees the number masked").isNotEqualTo(number).startsWith("150102").endsWith(number.substring(14));
        assertThat(rows("#search-results tbody tr")).containsExactly(byNumber + " 李华 " + shown + " IM 包头市");
        assertThat(browser.findElement(By.id("profile")).isDisplayed())
                .as("no earlier practitioner's page stays below new results").isFalse();
        browser.findElement(By.cssSelector("#search-results tr[data-practitioner='" + byNumber + "'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-name"), "李华"));
        assertThat(browser.findElement(By.id("profile-id-number")).getText()).as("the profile shows it masked too")
                .isEqualTo(shown);
        ConsoleBrowser.screenshot(browser, "auditor-search-by-id-number");

        // a problem the API answers is shown as it says it
        text.clear();
        text.sendKeys("150102198005171234" + org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-error"), "Not a resident ID number"));
        assertThat(browser.findElement(By.id("search-error")).getText()).startsWith("Not a resident ID number: idNumber is not")
                .endsWith("(字段: idNumber)");
    }

    @Test
    void anAuditorCertifiesADecisionAndReExaminesItAfterTheFactsChanged() throws Exception {
        String p = "cert-" + run;
        register(Api.registration(p));
        for (int year = 2024; year <= 2026; year++) {
            award(p, "pub-" + year, year, "PUBLIC", "30");
            award(p, "pro-" + year, year, "PROFESSIONAL", "60");
        }
        String auditor = auditorKey();
        signIn(auditor);
        openPractitioner(p);
        WebElement year = browser.findElement(By.id("decision-year"));
        year.clear();
        year.sendKeys("2026");
        browser.findElement(By.cssSelector("#decide button")).click();
        wait.until(ExpectedConditions.attributeToBe(visible("outcome"), "data-outcome", "MET"));
        visible("certification-id").sendKeys("c-" + run);
        browser.findElement(By.cssSelector("#certify button")).click();
        WebElement certified = visible("certified");
        wait.until(ExpectedConditions.textToBePresentInElement(certified, "已认证"));
        var review = api.get("/api/v1/practitioners/" + p + "/certifications/c-" + run, auditor).body();
        long upTo = review.path("certification").path("upToSequence").asLong();
        assertThat(upTo).isEqualTo(6);
        assertThat(certified.getText()).isEqualTo("已认证 c-" + run + " (已记录): 达标 · IM-2025 · upToSequence 6");

        // the facts change after the certification: every professional hour of 2024 to 2026 revoked
        for (int y = 2024; y <= 2026; y++) {
            assertThat(api.post("/api/v1/practitioners/" + p + "/credits/pro-" + y + "/revocations", ADMIN,
                    "{\"reason\":\"重复上报\"}").status()).isEqualTo(201);
        }
        browser.findElement(By.cssSelector("#review button")).click();
        WebElement result = visible("review-result");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-today"), "今日判定已变化"));
        review = api.get("/api/v1/practitioners/" + p + "/certifications/c-" + run, auditor).body();
        assertThat(review.path("reproduced").asBoolean()).isTrue();
        assertThat(review.path("todayAgrees").asBoolean()).isFalse();
        assertThat(browser.findElement(By.id("review-verdict")).getText())
                .isEqualTo("c-" + run + ": 达标 · 复现一致：按认证时所知重新计算，结论相同");
        assertThat(browser.findElement(By.id("review-today")).getText())
                .isEqualTo("今日: " + OUTCOME.get(review.path("today").path("outcome").asText()) + " · 今日判定已变化 ⚠ · 认证时间 "
                        + review.path("certifiedAt").asText());
        List<String> since = rows("#review-since li");
        assertThat(since).hasSize(3);
        for (int i = 0; i < 3; i++) {
            var f = review.path("since").get(i);
            assertThat(since.get(i)).isEqualTo("认证后记录的事实: #" + f.path("sequence").asInt() + " CreditRevoked "
                    + f.path("id").asText() + " · " + f.path("recordedAt").asText());
        }
        assertThat(rows("#review-changes tbody tr")).contains("2026 专业科目 60.0 0.0 是 否");
        script("document.getElementById('review').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "auditor-certification-reexamined");
        assertThat(result.isDisplayed()).isTrue();
    }

    @Test
    void anAuditorListsEligibilitySeesStatisticsAsChartsAndTheWhatIfDiff() throws Exception {
        String region = "测试市" + run;
        String w1 = "wf1-" + run;
        String w2 = "wf2-" + run;
        String m1 = "wm1-" + run;
        register(person(w1, "FEMALE", "1980-05-17", region));
        register(person(w2, "FEMALE", "1980-05-17", region));
        register(person(m1, "MALE", "1980-05-17", region));
        award(w1, "pub-2026", 2026, "PUBLIC", "30");
        award(w1, "pro-2026", 2026, "PROFESSIONAL", "32");
        long last = 0;
        for (int year = 2024; year <= 2026; year++) {
            award(m1, "pub-" + year, year, "PUBLIC", "30");
            last = award(m1, "pro-" + year, year, "PROFESSIONAL", "60");
        }
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"政策研究室\",\"roles\":[\"AUDITOR\"]}")
                .body().path("key").asText();
        String regionQuery = java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8);
        // the views include every write above before the page reads them
        var listing = api.get("/api/v1/eligibility?region=" + regionQuery + "&size=10&waitForPosition=" + last, auditor).body();
        long matching = listing.path("matching").asLong();
        assertThat(matching).isGreaterThan(10);

        signIn(auditor);
        openView("population-view");
        visible("listing-region").sendKeys(region);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("listing-size"))).selectByValue("10");
        browser.findElement(By.cssSelector("#listing-filter button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing-position"), "第 1 /"));
        long pages = (matching + 9) / 10;
        assertThat(browser.findElement(By.id("listing-position")).getText())
                .isEqualTo("第 1 / " + pages + " 页 · 共 " + matching + " 条");
        assertThat(rows("#listing tbody tr")).containsExactlyElementsOf(listingRows(listing));
        browser.findElement(By.id("listing-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing-position"), "第 2 /"));
        var second = api.get("/api/v1/eligibility?region=" + regionQuery + "&size=10&page=1", auditor).body();
        assertThat(rows("#listing tbody tr")).containsExactlyElementsOf(listingRows(second));
        ConsoleBrowser.screenshot(browser, "population-eligibility-listing");

        visible("statistics-region").sendKeys(region);
        browser.findElement(By.cssSelector("#statistics-filter button")).click();
        visible("statistics");
        var statistics = api.get("/api/v1/statistics?region=" + regionQuery, auditor).body();
        List<String> expected = new java.util.ArrayList<>();
        statistics.forEach(s -> expected.add("IM " + region + " " + s.path("year").asInt() + " " + s.path("practitioners").asLong()
                + " " + one(s.path("publicHours")) + " " + one(s.path("professionalHours")) + " "
                + s.path("meetingMinimums").asLong() + " " + s.path("shareMeetingMinimums").decimalValue()
                .movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%"));
        assertThat(expected).containsExactlyInAnyOrder("IM " + region + " 2024 1 30.0 60.0 1 100.0%",
                "IM " + region + " 2025 1 30.0 60.0 1 100.0%", "IM " + region + " 2026 2 60.0 92.0 1 50.0%");
        wait.until(d -> rows("#statistics tbody tr").equals(expected));
        wait.until(d -> script("return document.querySelector('#share-chart svg') !== null").equals(true));
        assertThat((String) script("return document.querySelector('#share-chart svg').textContent"))
                .contains("达标比例（%）", region, "100", "50");
        assertThat((String) script("return document.querySelector('#hours-chart svg').textContent"))
                .contains("学时合计", region + " 2026");
        script("document.getElementById('statistics-filter').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "population-statistics-charts");

        // what-if: women relieved of the hours from 46 instead of 50
        var rule = api.get("/api/v1/rule-sets/IM-2025", auditor).body();
        int parameters = rule.path("parameters").size();
        wait.until(d -> d.findElements(By.cssSelector("#parameter-groups .parameter")).size() == parameters);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("what-if-baseline"))).selectByValue("IM-2025");
        WebElement whatIfYear = browser.findElement(By.id("what-if-year"));
        whatIfYear.clear();
        whatIfYear.sendKeys("2026");
        browser.findElement(By.id("what-if-region")).sendKeys(region);
        browser.findElement(By.id("parameter-filter")).sendKeys("womenAge");
        WebElement womenAge = visible("parameter-groups").findElement(
                By.cssSelector("input[data-path='reliefs.ageFull.womenAge']"));
        wait.until(ExpectedConditions.visibilityOf(womenAge));
        assertThat(womenAge.getAttribute("value")).isEqualTo("50");
        womenAge.clear();
        womenAge.sendKeys("46");
        assertThat(browser.findElement(By.id("changed-parameters")).getText())
                .isEqualTo("已修改参数: reliefs.ageFull.womenAge = 46");
        browser.findElement(By.id("what-if-run")).click();
        visible("what-if-result");
        var whatIf = api.post("/api/v1/what-if", auditor, """
                {"purpose":"TITLE_EVALUATION","level":"INTERMEDIATE","year":2026,"baseline":"IM-2025","region":"%s",
                 "candidate":{"base":"IM-2025","parameters":{"reliefs.ageFull.womenAge":46}}}""".formatted(region)).body();
        assertThat(whatIf.path("population").asInt()).isEqualTo(3);
        assertThat(whatIf.path("eligibleUnderBaseline").asInt()).isEqualTo(1);
        assertThat(whatIf.path("eligibleUnderCandidate").asInt()).isEqualTo(3);
        assertThat(whatIf.path("changed").asInt()).isEqualTo(2);
        assertThat(rows("#what-if-counts tbody tr")).containsExactly("3 1 3 2");
        List<String> differences = new java.util.ArrayList<>();
        whatIf.path("differences").forEach(d -> differences.add(d.path("practitionerId").asText() + " "
                + OUTCOME.get(d.path("baseline").path("outcome").asText()) + " "
                + OUTCOME.get(d.path("candidate").path("outcome").asText())));
        assertThat(differences).containsExactly(w1 + " 未达标 不作限制", w2 + " 未达标 不作限制");
        assertThat(rows("#what-if-differences tbody tr")).containsExactlyElementsOf(differences);
        assertThat(browser.findElement(By.id("what-if-run")).isEnabled()).as("enabled again once answered").isTrue();
        assertThat(browser.findElement(By.id("what-if-progress")).isDisplayed()).isFalse();
        script("document.getElementById('what-if-part').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "what-if-diff");
        atTabletWidth("what-if-part", "tablet-800x1100-what-if");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        script("document.getElementById('statistics-filter').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "laptop-1280x800-statistics");
    }

    /** Every word the page shows by a key of its dictionary, in the page's order, whether shown or not. */
    @SuppressWarnings("unchecked")
    List<String> words() {
        return (List<String>) script("return [...document.querySelectorAll('[data-i18n]')].map((e) => e.textContent)");
    }

    List<String> listingRows(com.fasterxml.jackson.databind.JsonNode page) {
        List<String> rows = new java.util.ArrayList<>();
        page.path("rows").forEach(r -> rows.add(r.path("practitionerId").asText() + " " + r.path("name").asText() + " IM "
                + r.path("region").asText() + " " + r.path("decision").path("level").asText() + " "
                + r.path("decision").path("year").asInt() + " " + r.path("decision").path("ruleSet").asText() + " "
                + OUTCOME.get(r.path("decision").path("outcome").asText())));
        return rows;
    }

    @Test
    void aSupervisorOpensABaseWithItsStatusHistoryAndItsSessionsSignalsAndReasons() throws Exception {
        String baseId = "sb-" + run;
        assertThat(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"" + baseId + "\",\"name\":\"草原培训基地\","
                + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"赤峰市\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bases/" + baseId + "/sessions", ADMIN, "{\"sessionId\":\"late-" + run
                + "\",\"title\":\"安全生产专题\",\"category\":\"PROFESSIONAL\",\"mode\":\"IN_PERSON\","
                + "\"startDate\":\"2026-10-12\",\"endDate\":\"2026-10-13\",\"location\":\"赤峰\",\"capacity\":30}")
                .status()).isEqualTo(201);
        Api.Response warned = api.post("/api/v1/bases/" + baseId + "/status-changes", ADMIN,
                "{\"changeId\":\"w-" + run + "\",\"status\":\"WARNED\",\"reason\":\"培训计划备案晚于开班\"}");
        assertThat(warned.status()).isEqualTo(201);
        String supervisor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"盟市人社局\",\"roles\":[\"SUPERVISOR\"]}")
                .body().path("key").asText();
        var report = api.get("/api/v1/bases/" + baseId + "?waitForPosition=" + warned.body().path("position").asLong(),
                supervisor).body();
        var findings = report.path("sessions").get(0).path("findings");
        assertThat(findings.findValuesAsText("signal")).contains("PLAN_LATE");
        StringBuilder reasons = new StringBuilder();
        findings.forEach(f -> reasons.append(reasons.isEmpty() ? "" : "\n").append(SIGNAL.get(f.path("signal").asText()))
                .append(" ").append(f.path("detail").asText()).append(" (").append(f.path("citation").asText()).append(")"));

        signIn(supervisor);
        WebElement year = visible("sessions-year");
        year.clear();
        year.sendKeys("2026");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sessions-signal"))).selectByValue("PLAN_LATE");
        browser.findElement(By.cssSelector("#sessions-filter button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#sessions tr[data-session='" + baseId + "/late-" + run + "']")));
        var listed = api.get("/api/v1/supervision/sessions?year=2026&signal=PLAN_LATE", supervisor).body();
        assertThat(rows("#sessions tbody tr")).hasSize(listed.size());
        // the list of bases is the API's: a base without a session this year is in it too
        assertThat(api.post("/api/v1/bases", ADMIN, "{\"baseId\":\"quiet-" + run + "\",\"name\":\"无班基地\","
                + "\"level\":\"REGIONAL\",\"jurisdiction\":\"IM\",\"region\":\"通辽市\"}").status()).isEqualTo(201);
        browser.findElement(By.cssSelector("#sessions-filter button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#base-list li[data-base='quiet-" + run + "']")));
        assertThat(browser.findElement(By.cssSelector("#base-list li[data-base='quiet-" + run + "']")).getText())
                .isEqualTo("quiet-" + run + " 无班基地 · IM 通辽市 · 有效 · 0 个培训班");
        assertThat(browser.findElement(By.cssSelector("#base-list li[data-base='" + baseId + "']")).getText())
                .isEqualTo(baseId + " 草原培训基地 · IM 赤峰市 · 警告 · 1 个培训班");
        assertThat(browser.findElements(By.cssSelector("#base-list li")))
                .hasSize(api.get("/api/v1/bases", supervisor).body().size());
        WebElement chip = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='base-list']//button[text()='" + baseId + "']")));
        chip.click();
        WebElement page = visible("base-page");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("base-title"), baseId));
        assertThat(browser.findElement(By.id("base-title")).getText()).isEqualTo("草原培训基地 (" + baseId + ") · REGIONAL · IM 赤峰市");
        assertThat(browser.findElement(By.id("base-status")).getText()).isEqualTo("状态: 警告");
        var change = report.path("base").path("statusHistory").get(0);
        assertThat(rows("#base-history tbody tr")).containsExactly(change.path("at").asText() + " 有效 警告 培训计划备案晚于开班");
        assertThat(rows("#base-sessions tbody tr")).containsExactly("late-" + run + " 安全生产专题 2026-10-12 – 2026-10-13 0\n"
                + reasons);
        script("arguments[0].scrollIntoView()", page);
        ConsoleBrowser.screenshot(browser, "supervisor-base-page");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorManagesKeysFollowsARebuildAndRevokingItsOwnKeyEndsItsSession() throws Exception {
        var admin = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"系统管理员\",\"roles\":[\"ADMIN\"]}").body();
        signIn(admin.path("key").asText());
        openView("admin-view");
        String ownId = admin.path("keyId").asText();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#keys tr[data-key='" + ownId + "']")));

        visible("key-name").sendKeys("新审核-" + run);
        browser.findElement(By.cssSelector("#new-key input[value=AUDITOR]")).click();
        browser.findElement(By.cssSelector("#new-key button")).click();
        WebElement issued = visible("issued-key");
        String newId = wait.until(d -> issued.getAttribute("data-key-id"));
        String newKey = browser.findElement(By.id("issued-key-value")).getText();
        assertThat(api.get("/api/v1/rule-sets", newKey).status()).as("the key shown works").isEqualTo(200);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#keys tr[data-key='" + newId + "']")));
        assertThat(browser.findElement(By.cssSelector("#keys tr[data-key='" + newId + "']")).getText())
                .isEqualTo(newId + " 新审核-" + run + " AUDITOR 有效");

        // rotate it: the old key ends at once, the new one is shown
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action-key"))).selectByValue(newId);
        script("arguments[0].value = '2027-06-30T12:00'", browser.findElement(By.id("new-key-expires")));
        browser.findElement(By.id("rotate-key")).click();
        wait.until(d -> !newId.equals(issued.getAttribute("data-key-id")));
        String rotatedId = issued.getAttribute("data-key-id");
        var keys = api.get("/api/v1/api-keys", ADMIN).body().path("keys");
        var old = java.util.stream.StreamSupport.stream(keys.spliterator(), false)
                .filter(k -> k.path("keyId").asText().equals(newId)).findFirst().orElseThrow();
        assertThat(old.path("replacedBy").asText()).isEqualTo(rotatedId);
        var rotated = java.util.stream.StreamSupport.stream(keys.spliterator(), false)
                .filter(k -> k.path("keyId").asText().equals(rotatedId)).findFirst().orElseThrow();
        assertThat(java.time.Instant.parse(rotated.path("expiresAt").asText())).as("the new key's own expiry, as chosen")
                .isEqualTo(java.time.LocalDateTime.parse("2027-06-30T12:00").atZone(java.time.ZoneId.systemDefault()).toInstant());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#keys tr[data-key='" + newId + "']"),
                "已由 " + rotatedId + " 替换"));
        assertThat(browser.findElement(By.cssSelector("#keys tr[data-key='" + newId + "'] td:nth-child(5)")).getText())
                .isEqualTo(old.path("status").asText().equals("EXPIRED") ? "已过期" : "有效");
        ConsoleBrowser.screenshot(browser, "admin-keys");

        // a rebuild with its progress, then every projection caught up
        browser.findElement(By.id("start-rebuild")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("rebuild-state"), "data-state", "COMPLETED"));
        var rebuild = api.get("/api/v1/admin/rebuilds/current", ADMIN).body();
        assertThat(browser.findElement(By.id("rebuild-state")).getText()).isEqualTo("已完成 · "
                + rebuild.path("eventsDone").asLong() + " / " + rebuild.path("eventsTotal").asLong() + " 事件");
        assertThat(browser.findElement(By.id("rebuild-progress")).getAttribute("value"))
                .isEqualTo(browser.findElement(By.id("rebuild-progress")).getAttribute("max"));
        assertThat(browser.findElement(By.id("start-rebuild")).isEnabled()).isTrue();
        wait.until(d -> rows("#projections tbody tr").size() == 3);
        assertThat(browser.findElements(By.cssSelector("#projections tbody tr")).stream()
                .map(r -> r.getAttribute("data-processor")).toList())
                .containsExactlyInAnyOrder("practitioner-views", "roster-credits", "supervision");
        script("document.getElementById('rebuild').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, "admin-rebuild-and-projections");

        // every word of every page, in Chinese and in English: none is shown as its untranslated key
        List<String> chinese = words();
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-rebuild"), "Rebuild practitioner-views"));
        List<String> english = words();
        List<String> wordKeys = (List<String>) script(
                "return [...document.querySelectorAll('[data-i18n]')].map((e) => e.dataset.i18n)");
        assertThat(wordKeys).hasSizeGreaterThan(150);
        List<String> untranslated = new java.util.ArrayList<>();
        for (int i = 0; i < wordKeys.size(); i++) {
            if (chinese.get(i).equals(wordKeys.get(i)) && english.get(i).equals(wordKeys.get(i))) {
                untranslated.add(wordKeys.get(i));
            }
        }
        assertThat(untranslated).as("words shown as their key in both languages").isEmpty();
        assertThat(browser.findElement(By.cssSelector("#keys tr[data-key='" + ownId + "'] td:nth-child(5)")).getText())
                .isEqualTo("active");
        assertThat(browser.findElement(By.cssSelector("#keys tr[data-key='" + newId + "'] td:nth-child(6)")).getText())
                .as("what a key's row says follows the language").isEqualTo("replaced by " + rotatedId);
        assertThat(browser.findElement(By.id("rebuild-state")).getText()).isEqualTo("completed · "
                + rebuild.path("eventsDone").asLong() + " / " + rebuild.path("eventsTotal").asLong() + " events");
        ConsoleBrowser.screenshot(browser, "admin-rebuild-and-projections-en");
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-rebuild"), "重建 practitioner-views"));

        // the administrator revokes its own key on the keys page: the console shows it is signed out
        Cookie cookie = browser.manage().getCookieNamed("ledger_session");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action-key"))).selectByValue(ownId);
        browser.findElement(By.id("revocation-reason")).sendKeys("岗位调整");
        browser.findElement(By.id("revoke-key")).click();
        visible("api-key");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "会话已结束，请重新登录。"));
        assertThat(browser.findElement(By.id("views")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("admin-view")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#keys tbody tr"))).as("nothing shown stays in the page").isEmpty();
        HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/api/v1/api-keys")).header("Cookie", "ledger_session=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(401);
        ConsoleBrowser.screenshot(browser, "admin-revoked-own-key-signed-out");
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

    /** At a tablet's width (800 × 1100): a screenshot from {@code elementId}, and nothing wider than the screen. */
    private void atTabletWidth(String elementId, String screenshot) throws java.io.IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1100));
        script("document.getElementById('" + elementId + "').scrollIntoView()");
        ConsoleBrowser.screenshot(browser, screenshot);
        assertThat((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than a tablet's screen").isTrue();
    }
}
