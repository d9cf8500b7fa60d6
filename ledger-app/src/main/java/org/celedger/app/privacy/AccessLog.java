package org.celedger.app.privacy;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.celedger.app.config.LedgerProperties;
import org.celedger.app.metrics.RequestWaits;
import org.celedger.app.web.ApiException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The log of who looked (PIPL records of processing; API.md "Personal data"): every read of a
 * practitioner's personal data, appended before the data is answered, and never changed or removed
 * (the ledger has no statement that updates or deletes it). It lives in the event-store database, the
 * ledger's durable store, beside the facts ({@link AccessLogTable}); on the embedded store each entry is made
 * durable in a journal file first and moved there within a tenth of a second ({@link AccessLogJournal}).
 *
 * <p>Reads are many and each must be durable before its answer leaves. On the embedded store a reader appends its
 * entry to the journal itself. On PostgreSQL entries are committed in groups: a reader queues its entry and waits;
 * one writer takes every entry queued meanwhile and stores them in one transaction. Alone, a read waits for one
 * commit; under load, one commit serves many reads.
 * When the log cannot be written the read is refused (503): data is never shown unlogged.
 */
@Component
public class AccessLog implements DisposableBean {

    /** Entries one request's page holds at most. */
    public static final int MAX_PAGE = 1_000;
    /** Entries waiting for their commit at most; past this a read waits for room, then is refused. */
    static final int QUEUE = 10_000;
    static final int MAX_PURPOSE = 200;
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** One read: who, when, which practitioner (null for a population read), what, and why. */
    public record Entry(long id, Instant at, String keyId, String keyName, String practitionerId, String method,
                        String endpoint, String purpose, String requestId) {
    }

    /** A page of the log, oldest first; ask again with {@code after = last} until {@code complete}. */
    public record Page(List<Entry> entries, long last, boolean complete) {
    }

    private record Pending(Entry entry, CompletableFuture<Void> written) {
    }

    private final AccessLogTable table;
    /** On the embedded store, where entries are made durable first (null on PostgreSQL: straight to the table). */
    private final AccessLogJournal journal;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean running = true;

    public AccessLog(DataSource dataSource, LedgerProperties properties) {
        this.table = new AccessLogTable(dataSource);
        this.journal = properties.eventStore().embedded() ? new AccessLogJournal(properties.dataDir(), table) : null;
        // the writer and its queue serve PostgreSQL's group commits; on the embedded store readers append themselves
        this.writer = journal == null ? new Thread(this::writeQueued, "access-log-writer") : null;
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Appends {@code entry} (its id and instant are the log's) and returns once it is committed. */
    public void record(Entry entry) {
        long start = System.nanoTime();
        if (journal != null) {
            // An append costs a write of a line's bytes: the reader makes it itself, which spares it waiting for
            // the writer thread to be scheduled and then to be scheduled again (on two busy cores, a wait each).
            try {
                journal.append(List.of(entry), Instant.now());
                return;
            } catch (IOException | RuntimeException e) {
                throw unavailable("it could not be written");
            } finally {
                RequestWaits.add(RequestWaits.Kind.ACCESS_LOG, System.nanoTime() - start);
            }
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw unavailable("too many reads are waiting for it");
            }
            pending.written().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e instanceof TimeoutException ? "it did not answer in time" : "it could not be written");
        } finally {
            RequestWaits.add(RequestWaits.Kind.ACCESS_LOG, System.nanoTime() - start);
        }
    }

    private static ApiException unavailable(String why) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Access log unavailable", null,
                "Personal data is answered only once its reading is logged, and the log is unavailable (" + why
                        + "). Retry shortly.").retryAfter(1);
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 999);
                try {
                    table.insert(batch.stream().map(Pending::entry).toList(), false, Instant.now());
                    batch.forEach(p -> p.written().complete(null));
                } catch (SQLException | RuntimeException e) {
                    batch.forEach(p -> p.written().completeExceptionally(e));
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Entries about a practitioner and/or by a key (either may be null: all), after {@code after}, oldest first. */
    public Page find(String practitionerId, String keyId, long after, int limit) {
        if (journal != null) {
            try {
                journal.moveAll(); // a read of the log finds every entry appended before it, its own included
            } catch (RuntimeException e) {
                throw unavailable("its latest entries could not be moved to where they are found");
            }
        }
        return table.find(practitionerId, keyId, after, limit);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(2_000);
        }
        if (journal != null) {
            journal.close();
        }
    }
}
