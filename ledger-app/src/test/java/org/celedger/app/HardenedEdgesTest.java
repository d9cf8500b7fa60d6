package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The edges of the API over real HTTP: every error is problem+json (unknown paths, wrong methods with
 * {@code Allow}, media types, {@code /error}, security), request bodies strict and bounded, query parameters
 * strict, health without details unless ADMIN asks, wrong keys rate-limited per address, and the data
 * directory readable by its owner only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + HardenedEdgesTest.ADMIN, "ledger.auth.failed-keys-per-minute=5"})
class HardenedEdgesTest {

    static final String ADMIN = "hardened-edges-admin-key";
    static final Path DATA = Path.of("target/test-data/edges-" + UUID.randomUUID());

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    record Answer(int status, String contentType, String allow, String retryAfter, String wwwAuthenticate, JsonNode body,
                  String raw) {
        String field() {
            return body == null ? null : body.path("field").asText(null);
        }
    }

    Answer send(String method, String path, String key, String contentType, String accept, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = r.body().isBlank() ? null : Api.tree(r.body());
        } catch (RuntimeException notJson) {
            json = null;
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Allow").orElse(null), r.headers().firstValue("Retry-After").orElse(null),
                r.headers().firstValue("WWW-Authenticate").orElse(null), json, r.body());
    }

    static void assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.contentType()).as(a.raw()).startsWith("application/problem+json");
        assertThat(a.body().path("status").asInt()).isEqualTo(status);
        assertThat(a.body().path("title").asText()).isNotBlank();
        assertThat(a.body().path("detail").asText()).isNotBlank().doesNotContain("java.", "[L", "Exception");
    }

    // ------------------------------------------------------------------ every error is a problem

    @Test
    void unknownPathsAreNotFoundWithOrWithoutAKey() throws Exception {
        assertProblem(send("GET", "/nowhere", null, null, null, null), 404);
        assertProblem(send("GET", "/api/v1/nowhere", ADMIN, null, null, null), 404);
        assertProblem(send("POST", "/api/v1/practitioners/p-1/nowhere", ADMIN, "application/json", null, "{}"), 404);
    }

    @Test
    void wrongMethodsAre405WithAllowEvenForAdmin() throws Exception {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            Answer a = send(method, "/api/v1/practitioners", ADMIN, "application/json", null, "{}");
            assertProblem(a, 405);
            // POST registers; GET finds by ID number or name
            assertThat(a.allow().split(",")).containsExactlyInAnyOrder("GET", "POST");
            assertThat(a.field()).isEqualTo("method");
        }
        Answer get = send("GET", "/api/v1/batches", ADMIN, null, null, null);
        assertProblem(get, 405);
        assertThat(get.allow()).isEqualTo("POST");
        Answer delete = send("DELETE", "/api/v1/practitioners/p-1", null, null, null, null);
        assertProblem(delete, 405);
        assertThat(delete.allow()).isEqualTo("GET");
    }

    @Test
    void theErrorPathItselfIsNotFound() throws Exception {
        assertProblem(send("GET", "/error", null, null, null, null), 404);
        assertProblem(send("GET", "/error", ADMIN, null, null, null), 404);
    }

    @Test
    void mediaTypesAre415And406() throws Exception {
        Answer unsupported = send("POST", "/api/v1/practitioners", ADMIN, "text/plain", null, Api.registration("m-1"));
        assertProblem(unsupported, 415);
        assertThat(unsupported.field()).isEqualTo("content-type");
        Answer notAcceptable = send("GET", "/api/v1/rule-sets", ADMIN, null, "text/html", null);
        assertProblem(notAcceptable, 406);
        assertThat(notAcceptable.field()).isEqualTo("accept");
    }

    @Test
    void securityRefusalsAreProblems() throws Exception {
        Answer noKey = send("GET", "/api/v1/rule-sets", null, null, null, null);
        assertProblem(noKey, 401);
        assertThat(noKey.wwwAuthenticate()).isEqualTo("Bearer");
        assertProblem(send("GET", "/actuator/prometheus", null, null, null, null), 401);
        String auditor = api.post("/api/v1/api-keys", ADMIN, "{\"name\":\"a\",\"roles\":[\"AUDITOR\"]}").body()
                .path("key").asText();
        assertProblem(send("POST", "/api/v1/practitioners", auditor, "application/json", null, Api.registration("x")), 403);
        assertProblem(send("GET", "/actuator/prometheus", auditor, null, null, null), 403);
        // refused by the firewall (a ';' in the path), answered through /error
        assertProblem(send("GET", "/api/v1/practitioners/a;b=c/history", ADMIN, null, null, null), 400);
    }

    @Test
    void errorsTomcatAnswersItselfAreProblemsToo() throws Exception {
        // an undecodable URI and a header past Tomcat's 8 KB never reach Spring; they were Tomcat's HTML pages
        for (String request : List.of("GET /api/v1/practitioners/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/rule-sets HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n")) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                        .contains("\"status\":400").doesNotContain("<html");
            }
        }
    }

    // ------------------------------------------------------------------ strict bodies

    @Test
    void strictJsonNamesTheFieldWithoutJavaNames() throws Exception {
        String reg = Api.registration("strict-1");
        record Case(String body, int status, String field) {
        }
        for (Case c : List.of(
                new Case(reg.replace("\"grassroots\":false", "\"grassroots\":\"true\""), 422, "grassroots"),
                new Case(reg.replace("\"grassroots\":false", "\"grassroots\":1"), 422, "grassroots"),
                new Case(reg.replace("\"1980-05-17\"", "123"), 422, "birthDate"),
                new Case(reg.replace("\"1980-05-17\"", "[1980,5,17]"), 422, "birthDate"),
                new Case(reg.replace("\"王芳\"", "5"), 422, "name"),
                new Case(reg.replace("{\"id\":\"strict-1\",", "{\"id\":\"strict-1\",\"id\":\"strict-2\","), 400, "id"),
                new Case(reg + " {}", 400, null),
                new Case(reg + "x", 400, null))) {
            Answer a = send("POST", "/api/v1/practitioners", ADMIN, "application/json", null, c.body());
            assertProblem(a, c.status());
            assertThat(a.field()).as(a.raw()).isEqualTo(c.field());
        }
        assertThat(api.get("/api/v1/practitioners/strict-1", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void hugeExponentsAreRefusedFastAndBriefly() throws Exception {
        for (String hours : List.of("1e999999999", "1e100000000", "-1e999999999", "1e-999999999")) {
            long started = System.nanoTime();
            Answer a = send("POST", "/api/v1/practitioners/nobody/credits", ADMIN, "application/json", null,
                    Api.credit("huge", hours));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertProblem(a, 422);
            assertThat(a.field()).isEqualTo("hours");
            assertThat(a.raw().length()).isLessThan(600);
            // in a batch item as well
            Answer batch = send("POST", "/api/v1/batches", ADMIN, "application/json", null,
                    "{\"items\":[{\"type\":\"credit\",\"practitionerId\":\"nobody\"," + Api.credit("huge", hours).substring(1) + "]}");
            assertThat(batch.raw().length()).isLessThan(1000);
            if (batch.status() == 200) {
                JsonNode item = batch.body().path("results").path(0);
                assertThat(item.path("status").asText()).as(batch.raw()).isEqualTo("INVALID");
                assertThat(item.path("problem").path("field").asText()).isEqualTo("hours");
            } else {
                assertProblem(batch, 422);
            }
        }
        Answer tooLong = send("POST", "/api/v1/practitioners/nobody/credits", ADMIN, "application/json", null,
                Api.credit("long", "1" + "0".repeat(200)));
        assertProblem(tooLong, 400);
    }

    @Test
    void nullsInListsAndOversizedKeysAre422() throws Exception {
        Answer years = send("POST", "/api/v1/practitioners/nobody/exemptions", ADMIN, "application/json", null,
                "{\"exemptionId\":\"e1\",\"kind\":\"COVID_FRONTLINE\",\"years\":[null],\"evidence\":\"x\",\"grantedBy\":\"y\"}");
        assertProblem(years, 422);
        assertThat(years.field()).isEqualTo("years[0]");
        Answer roles = send("POST", "/api/v1/api-keys", ADMIN, "application/json", null, "{\"name\":\"n\",\"roles\":[null]}");
        assertProblem(roles, 422);
        assertThat(roles.field()).isEqualTo("roles[0]");
        StringBuilder bases = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            bases.append(i == 0 ? "" : ",").append("\"base-").append(i).append('"');
        }
        Answer many = send("POST", "/api/v1/api-keys", ADMIN, "application/json", null,
                "{\"name\":\"n\",\"roles\":[\"INTEGRATOR\"],\"baseIds\":[" + bases + "]}");
        assertProblem(many, 422);
        assertThat(many.field()).isEqualTo("baseIds");
    }

    // ------------------------------------------------------------------ bounded bodies

    @Test
    void aDeclaredOversizeBodyIsRefusedBeforeItIsSent() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (100L << 20) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aChunkedBodyIsCountedAndRefusedPastItsLimit() throws Exception {
        byte[] justOver = " ".repeat((1 << 20) + 1).getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/practitioners"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(justOver))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // the same size within a batch's limit is read
        HttpRequest batch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/batches"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        (new String(justOver, StandardCharsets.US_ASCII) + "{\"items\":[]}").getBytes(StandardCharsets.US_ASCII))))
                .build();
        assertThat(http.send(batch, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aListPastTenThousandItemsIsRefusedAsItIsRead() throws Exception {
        String entries = String.join(",", java.util.Collections.nCopies(10_001, "{}"));
        Answer roster = send("POST", "/api/v1/bases/b-1/sessions/s-1/roster", ADMIN, "application/json", null,
                "{\"entries\":[" + entries + "]}");
        assertProblem(roster, 422);
        assertThat(roster.field()).isEqualTo("entries");
        // a batch body within its 32 MiB of two million tiny items: refused at the 10,001st, not built
        long started = System.nanoTime();
        Answer batch = send("POST", "/api/v1/batches", ADMIN, "application/json", null,
                "{\"items\":[" + String.join(",", java.util.Collections.nCopies(2_000_000, "{}")) + "]}");
        assertProblem(batch, 422);
        assertThat(batch.field()).isEqualTo("items");
        assertThat(batch.body().path("detail").asText()).isEqualTo("items holds at most 10000 items");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    // ------------------------------------------------------------------ strict query parameters

    @Test
    void aRepeatedParameterIsRefusedAndABlankOneIsAbsent() throws Exception {
        Answer repeated = send("GET", "/api/v1/supervision/sessions?year=2025&year=2026", ADMIN, null, null, null);
        assertProblem(repeated, 422);
        assertThat(repeated.field()).isEqualTo("year");
        assertThat(repeated.raw()).doesNotContain("[L");
        Answer blank = send("GET", "/api/v1/supervision/sessions?jurisdiction=&year=", ADMIN, null, null, null);
        assertThat(blank.status()).as(blank.raw()).isEqualTo(200);
        assertThat(blank.body()).isEqualTo(send("GET", "/api/v1/supervision/sessions", ADMIN, null, null, null).body());
    }

    @Test
    void aParameterOfTheWrongTypeNamesItAndItsValues() throws Exception {
        Answer year = send("GET", "/api/v1/supervision/sessions?year=abc", ADMIN, null, null, null);
        assertProblem(year, 422);
        assertThat(year.field()).isEqualTo("year");
        assertThat(year.body().path("detail").asText()).isEqualTo("year must be a whole number, not \"abc\"");
        Answer jurisdiction = send("GET", "/api/v1/supervision/sessions?jurisdiction=XX", ADMIN, null, null, null);
        assertProblem(jurisdiction, 422);
        assertThat(jurisdiction.field()).isEqualTo("jurisdiction");
        assertThat(jurisdiction.body().path("detail").asText()).isEqualTo("jurisdiction must be one of [IM, NX], not \"XX\"");
        Answer purpose = send("GET", "/api/v1/practitioners/p/eligibility?level=JUNIOR&purpose=NONE", ADMIN, null, null, null);
        assertProblem(purpose, 422);
        assertThat(purpose.field()).isEqualTo("purpose");
        assertThat(purpose.body().path("detail").asText()).contains("TITLE_EVALUATION", "ASSESSMENT_RECOGNITION");
    }

    // ------------------------------------------------------------------ exposure

    @Test
    void healthWithoutAKeyIsOnlyItsStatus() throws Exception {
        Answer open = send("GET", "/actuator/health", null, null, null, null);
        assertThat(open.status()).isIn(200, 503);
        assertThat(open.body().path("status").asText()).isIn("UP", "DOWN", "OUT_OF_SERVICE");
        assertThat(open.body().has("components")).isFalse();
        assertThat(open.raw()).doesNotContain("diskSpace", "path", "total", "free", "events");
        Answer admin = send("GET", "/actuator/health", ADMIN, null, null, null);
        assertThat(admin.body().path("components").has("diskSpace")).as(admin.raw()).isTrue();
        assertThat(send("GET", "/actuator/health/liveness", null, null, null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null, null, null, null).status()).isIn(200, 503);
    }

    @Test
    void theDataDirectoryIsReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(DATA)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).isNotEmpty();
            for (Path file : regular) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    // ------------------------------------------------------------------ wrong keys

    @Test
    void wrongKeysFromOneAddressAreRateLimitedWhileRightKeysStillWork() throws Exception {
        // 127.0.0.3 and .4 are loopback addresses of their own: this test's failures count for them only
        InetAddress guesser = InetAddress.getByName("127.0.0.3");
        for (int i = 0; i < 5; i++) {
            assertThat(status(raw(guesser, "cel_wrong-" + i))).isEqualTo(401);
        }
        String limited = raw(guesser, "cel_wrong-again");
        assertThat(status(limited)).isEqualTo(429);
        assertThat(limited).containsIgnoringCase("Retry-After: ").contains("application/problem+json")
                .contains("\"field\":\"authorization\"");
        long retryAfter = Long.parseLong(limited.lines().filter(l -> l.toLowerCase().startsWith("retry-after:"))
                .findFirst().orElseThrow().substring(12).trim());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(status(raw(guesser, ADMIN))).as("a right key from the same address").isEqualTo(200);
        assertThat(status(raw(InetAddress.getByName("127.0.0.4"), "cel_wrong"))).as("another address").isEqualTo(401);
    }

    /** One GET of the rule sets over a socket bound to {@code from}, answered in full (the connection closes). */
    private String raw(InetAddress from, String key) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/rule-sets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
