package org.celedger.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log's journal on the embedded store: durable appends, moved into the table, and what a crash leaves. */
class AccessLogJournalTest {

    @TempDir
    Path dataDir;
    private AccessLogTable table;

    @BeforeEach
    void table() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:journal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        table = new AccessLogTable(db);
    }

    private static AccessLog.Entry read(String practitionerId, String endpoint) {
        return new AccessLog.Entry(0, null, "key-1", "审计处", practitionerId, "GET", endpoint, "职称评审", "r-1");
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve(AccessLogJournal.DIRECTORY))) {
            return files.sorted().toList();
        }
    }

    @Test
    void appendedEntriesAreInTheSegmentAtOnceAndFoundInTheTableOnceMoved() throws Exception {
        AccessLogJournal journal = new AccessLogJournal(dataDir, table, 0);
        Instant at = Instant.parse("2026-12-02T06:00:00Z");
        journal.append(List.of(read("p-1", "/api/v1/practitioners/{id}"), read(null, "/api/v1/eligibility")), at);

        assertThat(segments()).hasSize(1);
        assertThat(segments().get(0).getFileName().toString()).isEqualTo("journal-0000000000000000001.jsonl");
        assertThat(Files.readAllLines(segments().get(0), StandardCharsets.UTF_8)).hasSize(2);
        assertThat(table.lastId()).as("not yet moved").isZero();

        journal.moveAll();
        assertThat(segments()).as("deleted once its entries are committed in the table").isEmpty();
        AccessLog.Page page = table.find(null, null, 0, 10);
        assertThat(page.entries()).containsExactly(
                new AccessLog.Entry(1, at, "key-1", "审计处", "p-1", "GET", "/api/v1/practitioners/{id}", "职称评审", "r-1"),
                new AccessLog.Entry(2, at, "key-1", "审计处", null, "GET", "/api/v1/eligibility", "职称评审", "r-1"));

        journal.append(List.of(read("p-2", "/api/v1/practitioners/{id}/years")), at);
        assertThat(segments()).extracting(p -> p.getFileName().toString()).containsExactly("journal-0000000000000000003.jsonl");
        journal.close();
        assertThat(segments()).as("a shutdown moves everything").isEmpty();
        assertThat(table.find("p-2", null, 0, 10).entries()).extracting(AccessLog.Entry::id).containsExactly(3L);
    }

    @Test
    void aStartMovesWhatTheLastRunLeftSkippingWhatWasMovedAndDroppingALineCutShort() throws Exception {
        Instant at = Instant.parse("2026-12-02T06:00:00Z");
        AccessLogJournal first = new AccessLogJournal(dataDir, table, 0);
        first.append(List.of(read("p-1", "/a"), read("p-2", "/b")), at);
        first.moveAll();
        first.append(List.of(read("p-3", "/c"), read("p-4", "/d")), at);
        Path segment = segments().get(0);
        // as if killed: the segment's first entries moved but the file not deleted (a copy of it), and an append cut short
        Files.writeString(dataDir.resolve(AccessLogJournal.DIRECTORY).resolve("journal-0000000000000000001.jsonl"),
                "{\"id\":1,\"at\":\"2026-12-02T06:00:00Z\",\"keyId\":\"key-1\",\"method\":\"GET\",\"endpoint\":\"/a\"}\n");
        Files.writeString(segment, "{\"id\":5,\"at\":\"2026-12-", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        AccessLogJournal second = new AccessLogJournal(dataDir, table, 0);
        assertThat(segments()).isEmpty();
        assertThat(table.find(null, null, 0, 10).entries()).extracting(AccessLog.Entry::id, AccessLog.Entry::practitionerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "p-1"), org.assertj.core.groups.Tuple.tuple(2L, "p-2"),
                        org.assertj.core.groups.Tuple.tuple(3L, "p-3"), org.assertj.core.groups.Tuple.tuple(4L, "p-4"));

        second.append(List.of(read("p-5", "/e")), at);
        second.moveAll();
        assertThat(table.lastId()).as("ids go on after the last entry").isEqualTo(5);
        second.close();
    }

    @Test
    void aSegmentWithALineThatIsNotAnEntryStopsTheStartAndStays() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve(AccessLogJournal.DIRECTORY));
        Path segment = dir.resolve("journal-0000000000000000001.jsonl");
        Files.writeString(segment, "{\"id\":1,\"at\":\"2026-12-02T06:00:00Z\",\"keyId\":\"k\",\"method\":\"GET\",\"endpoint\":\"/a\"}\n"
                + "not json\n");

        assertThatThrownBy(() -> new AccessLogJournal(dataDir, table, 0))
                .hasMessageContaining("line 2 of journal-0000000000000000001.jsonl is not an access-log entry");
        assertThat(Files.exists(segment)).isTrue();
        assertThat(table.lastId()).as("nothing of it moved").isZero();
    }

    @Test
    void theBackgroundMoverMovesWithinItsInterval() throws Exception {
        AccessLogJournal journal = new AccessLogJournal(dataDir, table, 50);
        journal.append(List.of(read("p-1", "/a")), Instant.now());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (table.lastId() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(table.lastId()).isEqualTo(1);
        journal.close();
        assertThat(segments()).isEmpty();
    }

    @Test
    void theJournalIsTheOwnersOnly() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        AccessLogJournal journal = new AccessLogJournal(dataDir, table, 0);
        journal.append(List.of(read("p-1", "/a")), Instant.now());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(AccessLogJournal.DIRECTORY))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(segments().get(0)))).isEqualTo("rw-------");
        journal.close();
    }
}
