package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs every example of the README, as written, against a fresh ledger, and checks each answer is the one the
 * README describes.
 *
 * <p>An example is a {@code sh} block preceded by a {@code <!-- readme-example … -->} comment that lists, one
 * line per {@code curl} the block runs (in order, a {@code curl} inside {@code $(…)} included), the status
 * expected and, optionally, JSON the answer must contain: every member of an object (and nothing about the
 * members it does not name), every element of an array at its position. The blocks run in the README's order
 * in one shell, with the variables the README defines; only the README's port is replaced by the test
 * ledger's, and its admin key is the one of the README's start command. {@code curl} is wrapped by a shell
 * function that records each answer's status and body, and gives the body to the command as curl would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeExamplesTest {

    private static final Path README = Path.of("../README.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- readme-example\\n(.*?)-->\\s*\\n```sh\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern ADMIN_KEY = Pattern.compile("LEDGER_ADMIN_KEY=(\\S+)");
    private static final Pattern README_PORT = Pattern.compile("--server\\.port=(\\d+)");

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) throws IOException {
        String readme = Files.readString(README);
        Matcher key = ADMIN_KEY.matcher(readme);
        assertThat(key.find()).as("the README's start command sets LEDGER_ADMIN_KEY").isTrue();
        String adminKey = key.group(1);
        registry.add("LEDGER_ADMIN_KEY", () -> adminKey);
        registry.add("ledger.data-dir", () -> "target/test-data/readme-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    record Expected(int status, JsonNode contains, String line) {
    }

    record Answer(int status, String body) {
    }

    @Test
    void everyExampleOfTheReadmeAnswersAsTheReadmeSays() throws Exception {
        String readme = Files.readString(README);
        Matcher port = README_PORT.matcher(readme);
        assertThat(port.find()).as("the README's start command sets --server.port").isTrue();
        StringBuilder script = new StringBuilder();
        List<Expected> expected = new ArrayList<>();
        Matcher example = EXAMPLE.matcher(readme);
        int blocks = 0;
        while (example.find()) {
            blocks++;
            for (String line : example.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                int space = line.indexOf(' ');
                expected.add(space < 0 ? new Expected(Integer.parseInt(line), null, line)
                        : new Expected(Integer.parseInt(line.substring(0, space)), Api.tree(line.substring(space + 1)), line));
            }
            script.append(example.group(2).replace("localhost:" + port.group(1), "localhost:" + this.port)).append('\n');
        }
        assertThat(blocks).as("examples marked in the README").isGreaterThanOrEqualTo(4);

        List<Answer> answers = run(script.toString());
        String transcript = transcript(expected, answers);
        assertThat(answers).as("one answer for each expected line:\n" + transcript).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Answer a = answers.get(i);
            assertThat(a.status()).as("curl #" + (i + 1) + " (" + e.line() + ")\n" + transcript).isEqualTo(e.status());
            if (e.contains() != null) {
                assertThat(contains(Api.tree(a.body()), e.contains()))
                        .as("curl #" + (i + 1) + " answers " + a.body() + "\nwhich does not contain " + e.contains()
                                + "\n" + transcript).isTrue();
            }
        }
    }

    /** Runs the examples in one shell, curl wrapped to log each answer: "@@answer STATUS" and the body. */
    private static List<Answer> run(String examples) throws Exception {
        Path dir = Files.createTempDirectory("readme");
        Path log = dir.resolve("answers");
        String shim = """
                set -u
                curl() {
                  local body; body=$(mktemp -p "$README_DIR")
                  local status; status=$(command curl -w '%{http_code}' -o "$body" "$@")
                  cat "$body"
                  { printf '@@answer %s\\n' "$status"; cat "$body"; printf '\\n'; } >> "$README_LOG"
                }
                """;
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", shim + examples).redirectErrorStream(true);
        bash.environment().putAll(Map.of("README_LOG", log.toString(), "README_DIR", dir.toString()));
        Process process = bash.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        List<Answer> answers = new ArrayList<>();
        if (!Files.exists(log)) {
            return answers;
        }
        String[] parts = Files.readString(log).split("(?m)^@@answer ");
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            int nl = part.indexOf('\n');
            answers.add(new Answer(Integer.parseInt(part.substring(0, nl).strip()), part.substring(nl + 1).strip()));
        }
        return answers;
    }

    private static String transcript(List<Expected> expected, List<Answer> answers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(expected.size(), answers.size()); i++) {
            text.append('#').append(i + 1).append(" expected ")
                    .append(i < expected.size() ? expected.get(i).line() : "nothing").append("\n   answered ")
                    .append(i < answers.size() ? answers.get(i).status() + " " + answers.get(i).body() : "nothing")
                    .append('\n');
        }
        return text.toString();
    }

    /** Whether {@code actual} holds everything {@code expected} names (objects by member, arrays by position). */
    static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return false;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!contains(actual.get(member.getKey()), member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!contains(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
        }
        return expected.equals(actual);
    }
}
