package org.celedger.ops.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.celedger.ops.ledger.LedgerProcess;
import org.celedger.ops.store.EventStoreDatabase;
import org.celedger.ops.store.ImportCommand;
import org.junit.jupiter.api.Test;

/**
 * Stores written before a change are still read: every corpus under {@code src/test/resources/corpus}
 * (events written by an earlier version, see {@link EventCorpus}) is imported into a fresh store, a
 * ledger of this build starts on it, and every question gets the answer that version gave.
 */
class EventCorpusIT {

    @Test
    void everyCorpusGivesTheDecisionsItsVersionGave() throws Exception {
        Path corpora = Path.of("src/test/resources/corpus");
        List<Path> versions = new ArrayList<>();
        try (var dirs = Files.list(corpora)) {
            dirs.filter(Files::isDirectory).sorted().forEach(versions::add);
        }
        assertThat(versions).as("corpora in " + corpora.toAbsolutePath()).isNotEmpty();
        for (Path corpus : versions) {
            JsonNode expected = EventCorpus.read(corpus.resolve("answers.json"));
            Path work = Files.createTempDirectory(Path.of("target"), "corpus-" + corpus.getFileName() + "-");
            long imported = ImportCommand.importInto(EventStoreDatabase.embedded(work.resolve("data")),
                    corpus.resolve("events.ndjson"));
            List<String> ids = new ArrayList<>();
            expected.path("practitioners").forEach(p -> ids.add(p.asText()));
            try (LedgerProcess ledger = EventCorpus.start(work.resolve("data"), work.resolve("ledger.log"))) {
                ledger.awaitReady(Duration.ofSeconds(120));
                Map<String, JsonNode> answers = EventCorpus.answers(ledger.client(), ids);
                Map<String, JsonNode> before = new TreeMap<>();
                expected.path("answers").fields().forEachRemaining(e -> before.put(e.getKey(), e.getValue()));
                assertThat(answers.keySet()).isEqualTo(before.keySet());
                for (String question : before.keySet()) {
                    // read back as the corpus file was, so that numbers compare by value (57.7 as 57.7)
                    JsonNode answer = EventCorpus.JSON.readTree(answers.get(question).toString());
                    assertThat(answer).as(corpus.getFileName() + ": " + question).isEqualTo(before.get(question));
                }
                System.out.printf("corpus %s: %d events of %d practitioners read; %d answers as before%n",
                        corpus.getFileName(), imported, ids.size(), answers.size());
            }
        }
    }
}
