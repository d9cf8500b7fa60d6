package org.celedger.app.privacy;

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

/**
 * The access log on PostgreSQL: entries committed to the table in groups. A reader queues its entry and waits; one
 * writer thread takes every entry queued meanwhile and stores them in one transaction. Alone, a read waits for one
 * commit; under load, one commit serves many reads.
 */
final class AccessLogGroupCommits implements AccessLogWriter {

    /** Entries waiting for their commit at most; past this a read waits for room, then is refused. */
    static final int QUEUE = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private record Pending(AccessLog.Entry entry, CompletableFuture<Void> written) {
    }

    private final AccessLogTable table;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean running = true;

    AccessLogGroupCommits(AccessLogTable table) {
        this.table = table;
        this.writer = new Thread(this::writeQueued, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void append(AccessLog.Entry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AccessLogUnavailable("too many reads are waiting for it", null);
            }
            pending.written().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessLogUnavailable("interrupted", e);
        } catch (TimeoutException e) {
            throw new AccessLogUnavailable("it did not answer in time", e);
        } catch (ExecutionException e) {
            throw new AccessLogUnavailable("it could not be written", e);
        }
    }

    /** Nothing to do: an entry is in the table once its append has returned. */
    @Override
    public void catchUp() {
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

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(2_000);
    }
}
