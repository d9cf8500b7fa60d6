package org.celedger.ops.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.celedger.ops.generate.Batches;
import org.celedger.ops.generate.PopulationGenerator;
import org.celedger.ops.generate.Settings;
import org.celedger.ops.ledger.LedgerClient;
import org.celedger.ops.ledger.LedgerProcess;
import org.celedger.ops.store.EventStoreDatabase;
import org.celedger.ops.store.ExportCommand;

/**
 * A corpus of events as one version of the ledger wrote them, and the answers that version gave on them:
 * every later build must read those events and reach the same decisions ({@link EventCorpusIT}), whatever
 * it changes in how facts are stored (personal data encrypted, ids re-keyed, events upcast).
 *
 * <p>Run {@link #main} once per version worth keeping, with the ledger jar built, from {@code ops}:
 * {@code mvn -pl ops exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.celedger.ops.corpus.EventCorpus
 * -Dexec.args=src/test/resources/corpus/2026-12}. It writes {@code events.ndjson} ({@code ops export}'s format)
 * and {@code answers.json}.
 *
 * <p>What it writes: a generated population whose ids are resident ID numbers (as rosters with a 身份证号
 * column made them), names and birth dates in the clear; a base with a CSV roster naming practitioners by
 * ID number, a JSON roster on a second session found FALSIFIED, a roster row refused by its practitioner,
 * two certifications and a profile correction.
 */
public final class EventCorpus {

    static final String ADMIN = "corpus-admin-key-00001";
    /** Answers do not depend on the day the corpus is read: the evaluation year and every as-of date are fixed. */
    static final List<String> LEDGER_ARGS = List.of("--ledger.evaluation-year=2026");
    static final String BASE = "corpus-base";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EventCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/2026-12");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(Path.of("target"), "corpus-");
        Path data = work.resolve("data");
        List<String> ids = new ArrayList<>();
        Map<String, JsonNode> answers;
        try (LedgerProcess ledger = start(data, work.resolve("ledger.log"))) {
            LedgerClient client = ledger.client();
            write(client, ledger.url(), ids);
            answers = answers(client, ids);
        }
        ExportCommand.export(EventStoreDatabase.embedded(data), out.resolve("events.ndjson"));
        // the personal-data keys are exported beside the events (events.ndjson.keys); the key file they are wrapped
        // by goes with the corpus, as an operator restores it with a backup
        if (Files.exists(data.resolve("personal-data.key"))) {
            Files.copy(data.resolve("personal-data.key"), out.resolve("personal-data.key"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        ArrayNode practitioners = file.putArray("practitioners");
        ids.forEach(practitioners::add);
        answers.forEach(file.putObject("answers")::set);
        JSON.writeValue(out.resolve("answers.json").toFile(), file);
        System.out.printf("corpus: %d practitioners, %d answers, written to %s%n", ids.size(), answers.size(),
                out.toAbsolutePath());
    }

    static LedgerProcess start(Path dataDir, Path log) {
        LedgerProcess ledger = LedgerProcess.start(new LedgerProcess.Spec(Path.of(System.getProperty("ledger.jar",
                "../ledger-app/target/ledger-app.jar")), dataDir, ADMIN, List.of("-Xmx512m"), LEDGER_ARGS, log));
        ledger.awaitReady(Duration.ofSeconds(120));
        return ledger;
    }

    private static void write(LedgerClient ledger, String url, List<String> ids) throws Exception {
        PopulationGenerator population = new PopulationGenerator(new Settings(30, 5, 7));
        Map<String, String> idNumbers = new java.util.HashMap<>();
        population.forEach(p -> idNumbers.put(p.id(), p.idNumber()));
        Batches.cut(population, 200, batch -> {
            JsonNode result = ledger.post("/api/v1/batches", batch.json(), Duration.ofMinutes(2)).expectOk("batch").json();
            if (result.path("rejected").asInt() != 0) {
                throw new IllegalStateException("the corpus's batch was refused in part: " + result);
            }
            ids.addAll(batch.practitionerIds());
        });
        String supervisor = key(ledger, "盟市人社局", "SUPERVISOR", null);
        String baseKey = key(ledger, "语料培训基地平台", "INTEGRATOR", BASE);
        String auditor = key(ledger, "审计", "AUDITOR", null);
        LedgerClient asSupervisor = new LedgerClient(url, supervisor);
        LedgerClient asBase = new LedgerClient(url, baseKey);
        LedgerClient asAuditor = new LedgerClient(url, auditor);
        asSupervisor.post("/api/v1/bases", """
                {"baseId":"%s","name":"语料继续教育基地","level":"REGIONAL","jurisdiction":"IM","region":"包头市"}"""
                .formatted(BASE)).expectOk("base");
        for (String session : List.of("c-1", "c-2")) {
            asBase.post("/api/v1/bases/" + BASE + "/sessions", """
                    {"sessionId":"%s","title":"专业技术人员能力提升培训","category":"PROFESSIONAL","mode":"IN_PERSON",
                     "startDate":"2026-10-12","endDate":"2026-10-14","location":"包头","capacity":40}"""
                    .formatted(session)).expectOk("plan");
        }
        // the base first credits ids[5] itself under the roster's award id with other hours: its row is refused
        asBase.post("/api/v1/practitioners/" + ids.get(5) + "/credits", """
                {"awardId":"c-1/%s","year":2026,"category":"PROFESSIONAL","activity":"BASE_TRAINING","hours":4,
                 "baseId":"%s","sessionId":"c-1","approvedBy":"语料继续教育基地","completedOn":"2026-10-14"}"""
                .formatted(ids.get(5), BASE)).expectOk("direct credit");
        StringBuilder csv = new StringBuilder("序号,姓名,性别,身份证号,单位,学时,科目类别\n");
        for (int i = 3; i <= 5; i++) {
            // a 身份证号 column: the number the practitioner was registered with (versions before took it as the id)
            csv.append(i - 2).append(",张").append(i).append(",男,").append(idNumbers.getOrDefault(ids.get(i), ids.get(i)))
                    .append(",包头钢铁,24,专业科目\n");
        }
        HttpResponse<String> roster = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/api/v1/bases/" + BASE + "/sessions/c-1/roster"))
                .header("Authorization", "Bearer " + baseKey).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (roster.statusCode() != 200) {
            throw new IllegalStateException("the CSV roster was refused: " + roster.body());
        }
        asBase.post("/api/v1/bases/" + BASE + "/sessions/c-2/roster", """
                {"entries":[{"practitionerId":"%s","hours":16,"category":"PROFESSIONAL"},
                            {"practitionerId":"%s","hours":16,"category":"PROFESSIONAL"}]}"""
                .formatted(ids.get(6), ids.get(7))).expectOk("roster");
        asSupervisor.post("/api/v1/bases/" + BASE + "/sessions/c-2/inspections", """
                {"inspectionId":"ci-1","inspector":"张检查","date":"2026-11-20","observedHeadcount":1,
                 "observedHours":4,"verdict":"FALSIFIED","notes":"签到表伪造"}""").expectOk("inspection");
        for (int i = 0; i < 2; i++) {
            asAuditor.post("/api/v1/practitioners/" + ids.get(i) + "/certifications", """
                    {"certificationId":"corpus-cert-%d","purpose":"TITLE_EVALUATION","level":"INTERMEDIATE",
                     "year":2026,"asOf":"2026-11-20"}""".formatted(i)).expectOk("certification");
        }
        ledger.post("/api/v1/practitioners/" + ids.get(2) + "/profile-corrections", """
                {"correctionId":"corpus-fix-1","changes":{"grassroots":true},"reason":"单位核实为基层"}""")
                .expectOk("profile correction");
        // one person's personal data erased (versions that have erasures): their decisions stay
        LedgerClient.Response erased = ledger.post("/api/v1/practitioners/" + ids.get(8) + "/erasures", """
                {"erasureId":"corpus-erasure-1","reason":"本人申请删除","legalBasis":"PIPL art. 47"}""");
        if (erased.status() != 201) {
            throw new IllegalStateException("the erasure was refused: " + erased.raw());
        }
    }

    private static String key(LedgerClient admin, String name, String role, String baseId) {
        String bases = baseId == null ? "" : ",\"baseIds\":[\"" + baseId + "\"]";
        return admin.post("/api/v1/api-keys", "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]" + bases + "}")
                .expectOk("key").json().path("key").asText();
    }

    /** The questions asked of every practitioner, each with every answer-bearing parameter fixed. */
    static List<String> questions(String id) {
        String base = "/api/v1/practitioners/" + id;
        List<String> questions = new ArrayList<>();
        questions.add(base + "/years");
        Map<String, List<String>> levels = Map.of(
                "TITLE_EVALUATION", List.of("INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR"),
                "ASSESSMENT_RECOGNITION", List.of("BACHELOR_TO_ASSISTANT", "MASTER_TO_INTERMEDIATE"));
        for (String purpose : List.of("TITLE_EVALUATION", "ASSESSMENT_RECOGNITION")) {
            for (String level : levels.get(purpose)) {
                for (String year : List.of("2025", "2026")) {
                    questions.add(base + "/eligibility?purpose=" + purpose + "&level=" + level + "&year=" + year
                            + "&asOf=" + year + "-11-20");
                }
            }
        }
        return questions;
    }

    /** Every question's answer, reduced to what decides it ({@link Decisions}). */
    static Map<String, JsonNode> answers(LedgerClient ledger, List<String> ids) {
        Map<String, JsonNode> answers = new TreeMap<>();
        for (String id : ids) {
            for (String question : questions(id)) {
                LedgerClient.Response r = ledger.get(question);
                answers.put(question, r.ok() ? Decisions.essence(r.json())
                        : JsonNodeFactory.instance.objectNode().put("status", r.status()));
            }
        }
        return answers;
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
