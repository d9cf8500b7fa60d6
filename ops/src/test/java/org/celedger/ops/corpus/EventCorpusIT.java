package org.celedger.ops.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.celedger.ops.OpsException;
import org.celedger.ops.generate.ResidentIds;
import org.celedger.ops.ledger.LedgerProcess;
import org.celedger.ops.store.CompactCommand;
import org.celedger.ops.store.EventRows;
import org.celedger.ops.store.EventStoreDatabase;
import org.celedger.ops.store.ImportCommand;
import org.celedger.ops.store.RekeyPractitionersCommand;
import org.junit.jupiter.api.Test;

/**
 * Stores written before a change are still read: every corpus under {@code src/test/resources/corpus}
 * (events written by an earlier version, see {@link EventCorpus}) is imported into a fresh store, and a ledger
 * of this build starts on it two ways:
 * <ol>
 *   <li>the store as it was: every question gets the answer that version gave;</li>
 *   <li>the store re-keyed by {@code ops rekey-practitioners}: every question, asked with the old ids replaced by
 *   the new ones of the mapping, gets the answer that version gave with the same replacement applied to the ids
 *   in it (award ids such as {@code sessionId/<id>}), and nothing else differs; each profile holds its number as
 *   {@code idNumber} and is found by it ({@code GET /api/v1/practitioners?idNumber=}); the ledger's log names no
 *   number, and once the ledger has run (sealing them) and the store is compacted, neither does the H2 file.</li>
 * </ol>
 */
class EventCorpusIT {

    @Test
    void everyCorpusGivesTheDecisionsItsVersionGave() throws Exception {
        for (Path corpus : corpora()) {
            JsonNode expected = EventCorpus.read(corpus.resolve("answers.json"));
            Path work = Files.createTempDirectory(Path.of("target"), "corpus-" + corpus.getFileName() + "-");
            long imported = ImportCommand.importInto(EventStoreDatabase.embedded(work.resolve("data")),
                    corpus.resolve("events.ndjson"));
            withKeyFile(corpus, work.resolve("data"));
            List<String> ids = practitioners(expected);
            try (LedgerProcess ledger = EventCorpus.start(work.resolve("data"), work.resolve("ledger.log"))) {
                ledger.awaitReady(Duration.ofSeconds(120));
                Map<String, JsonNode> answers = EventCorpus.answers(ledger.client(), ids);
                assertSameAnswers(corpus + " as it was", answers, recorded(expected, Map.of()));
                System.out.printf("corpus %s: %d events of %d practitioners read; %d answers as before%n",
                        corpus.getFileName(), imported, ids.size(), answers.size());
            }
        }
    }

    @Test
    void everyCorpusRekeyedGivesTheSameDecisionsUnderTheNewIds() throws Exception {
        for (Path corpus : corpora()) {
            JsonNode expected = EventCorpus.read(corpus.resolve("answers.json"));
            List<String> ids = practitioners(expected);
            Path work = Files.createTempDirectory(Path.of("target"), "corpus-rekeyed-" + corpus.getFileName() + "-");
            EventStoreDatabase db = EventStoreDatabase.embedded(work.resolve("data"));
            long imported = ImportCommand.importInto(db, corpus.resolve("events.ndjson"));
            withKeyFile(corpus, work.resolve("data"));
            Counts counts = Counts.of(corpus.resolve("events.ndjson"), ids);
            if (counts.streams == 0) {
                // written by a version whose ids carry no personal data: nothing to re-key, and nothing is changed
                assertThat(RekeyPractitionersCommand.rekey(db, work.resolve("mapping.csv")).nothingToDo()).isTrue();
                System.out.printf("corpus %s: no practitioner under an ID number, nothing re-keyed%n", corpus.getFileName());
                continue;
            }
            if (corpus.getFileName().toString().equals("2026-12")) {
                // 30 practitioners; 304 events in their streams; 308 payloads name one (those and 4 of the base's)
                assertThat(counts).isEqualTo(new Counts(30, 304, 308, 0, 308));
            }

            Path mappingFile = work.resolve("mapping.csv");
            RekeyPractitionersCommand.Result r = RekeyPractitionersCommand.rekey(db, mappingFile);
            assertThat(r.streams()).as("streams re-keyed").isEqualTo(counts.streams);
            assertThat(r.eventsMoved()).as("events moved to a new id").isEqualTo(counts.moved);
            assertThat(r.payloadsRewritten()).as("payloads naming an old id").isEqualTo(counts.payloads);
            assertThat(r.metaDataRewritten()).as("metadata naming an old id").isEqualTo(counts.metaData);
            assertThat(r.eventsRewritten()).as("events rewritten").isEqualTo(counts.rows);
            assertThat(r.profilesGivenIdNumber()).isEqualTo(counts.streams);
            assertThat(r.accessLogRows()).as("an imported store has no access log yet").isZero();
            assertThat(r.idNumbersLeft()).isZero();
            assertThat(EventRows.assertNoIdNumberOutsideProfiles(db)).isEqualTo(counts.streams);
            Map<String, String> mapping = RekeyPractitionersCommand.readMapping(mappingFile);
            assertThat(mapping).isEqualTo(r.mapping());
            List<String> newIds = ids.stream().map(id -> mapping.getOrDefault(id, id)).toList();

            try (LedgerProcess ledger = EventCorpus.start(work.resolve("data"), work.resolve("ledger.log"))) {
                ledger.awaitReady(Duration.ofSeconds(120));
                assertThatThrownBy(() -> RekeyPractitionersCommand.rekey(db, work.resolve("again.csv")))
                        .as("refused while a ledger holds the store").isInstanceOf(OpsException.class)
                        .hasMessageContaining("is open in another process: stop the ledger first");
                Map<String, JsonNode> answers = EventCorpus.answers(ledger.client(), newIds);
                assertSameAnswers(corpus + " re-keyed", answers, recorded(expected, mapping));
                for (Map.Entry<String, String> e : mapping.entrySet()) {
                    // the ledger reads the number the migration put in the profile (the corpus's key is ADMIN's)
                    JsonNode profile = ledger.client().get("/api/v1/practitioners/" + e.getValue())
                            .expectOk("profile").json();
                    assertThat(profile.path("id").asText()).isEqualTo(e.getValue());
                    assertThat(profile.path("profile").path("idNumber").asText()).as("profile.idNumber of a re-keyed "
                            + "practitioner").isEqualTo(e.getKey());
                    // and finds them by it: the ID-number index was built from the migrated profiles
                    JsonNode found = ledger.client().get("/api/v1/practitioners?idNumber=" + e.getKey())
                            .expectOk("lookup").json().path("items");
                    assertThat(found.size()).as("practitioners found by a re-keyed number").isEqualTo(1);
                    assertThat(found.get(0).path("practitionerId").asText()).isEqualTo(e.getValue());
                }
                System.out.printf("corpus %s re-keyed: %d events, %d streams re-keyed (%d events moved, %d payloads "
                                + "rewritten); %d answers as before under the new ids%n", corpus.getFileName(), imported,
                        r.streams(), r.eventsMoved(), r.payloadsRewritten(), answers.size());
            }
            // the ledger sealed the numbers at its start; its log never named one, and once the store is compacted
            // (ops/README.md, the operator's order) no page of the file holds one either
            assertThat(numbersIn(work.resolve("ledger.log"), mapping)).as("ID numbers in the ledger's log").isZero();
            long lingering = numbersIn(work.resolve("data/events.mv.db"), mapping);
            CompactCommand.compact(db);
            assertThat(numbersIn(work.resolve("data/events.mv.db"), mapping))
                    .as("ID numbers in the H2 file after the re-keyed ledger ran and the store was compacted").isZero();
            System.out.printf("corpus %s re-keyed: %d of %d ID numbers lingered in superseded pages of the H2 file "
                    + "after the ledger sealed them, none once compacted%n", corpus.getFileName(), lingering, mapping.size());
            RekeyPractitionersCommand.Result again = RekeyPractitionersCommand.rekey(db, work.resolve("again.csv"));
            assertThat(again.nothingToDo()).as("after the ledger ran on it, nothing is left to re-key").isTrue();
            assertThat(work.resolve("again.csv")).doesNotExist();
        }
    }

    /**
     * A corpus written by a version that seals personal data holds the key file its keys are wrapped by: restored
     * into the data directory, as an operator restores it with a backup.
     */
    private static void withKeyFile(Path corpus, Path data) throws IOException {
        if (Files.exists(corpus.resolve("personal-data.key"))) {
            Files.copy(corpus.resolve("personal-data.key"), data.resolve("personal-data.key"));
        }
    }

    /** How many of the mapping's old ids (ID numbers) occur in {@code file}'s bytes. */
    private static long numbersIn(Path file, Map<String, String> mapping) throws Exception {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return mapping.keySet().stream().filter(text::contains).count();
    }

    private static List<Path> corpora() throws Exception {
        Path corpora = Path.of("src/test/resources/corpus");
        List<Path> versions = new ArrayList<>();
        try (var dirs = Files.list(corpora)) {
            dirs.filter(Files::isDirectory).sorted().forEach(versions::add);
        }
        assertThat(versions).as("corpora in " + corpora.toAbsolutePath()).isNotEmpty();
        return versions;
    }

    private static List<String> practitioners(JsonNode expected) {
        List<String> ids = new ArrayList<>();
        expected.path("practitioners").forEach(p -> ids.add(p.asText()));
        return ids;
    }

    /** The recorded answers, questions and ids in them re-keyed by {@code mapping} (old → new). */
    private static Map<String, JsonNode> recorded(JsonNode expected, Map<String, String> mapping) {
        Map<String, JsonNode> before = new TreeMap<>();
        expected.path("answers").fields().forEachRemaining(e -> before.put(
                RekeyPractitionersCommand.replace(e.getKey(), mapping), rekeyed(e.getValue().deepCopy(), mapping)));
        return before;
    }

    private static JsonNode rekeyed(JsonNode node, Map<String, String> mapping) {
        if (node.isTextual()) {
            return TextNode.valueOf(RekeyPractitionersCommand.replace(node.asText(), mapping));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rekeyed(array.get(i), mapping));
            }
        } else if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(rekeyed(e.getValue(), mapping));
            }
        }
        return node;
    }

    private static void assertSameAnswers(String what, Map<String, JsonNode> answers, Map<String, JsonNode> before)
            throws Exception {
        assertThat(answers.keySet()).as(what).isEqualTo(before.keySet());
        for (String question : before.keySet()) {
            // read back as the corpus file was, so that numbers compare by value (57.7 as 57.7)
            JsonNode answer = EventCorpus.JSON.readTree(answers.get(question).toString());
            assertThat(answer).as(what + ": " + question).isEqualTo(before.get(question));
        }
    }

    /** What re-keying the corpus must do, counted from its export file independently of the command. */
    private record Counts(int streams, long moved, long payloads, long metaData, long rows) {

        static Counts of(Path events, List<String> ids) throws Exception {
            List<String> numbers = ids.stream().filter(ResidentIds::valid).toList();
            long moved = 0;
            long payloads = 0;
            long metaData = 0;
            long rows = 0;
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = EventCorpus.JSON.readTree(line);
                boolean m = "Practitioner".equals(e.path("type").asText())
                        && numbers.contains(e.path("aggregateIdentifier").asText());
                boolean p = numbers.stream().anyMatch(e.path("payload").asText()::contains);
                boolean md = numbers.stream().anyMatch(e.path("metaData").asText()::contains);
                moved += m ? 1 : 0;
                payloads += p ? 1 : 0;
                metaData += md ? 1 : 0;
                rows += m || p || md ? 1 : 0;
            }
            return new Counts(numbers.size(), moved, payloads, metaData, rows);
        }
    }
}
