package org.celedger.app.axon;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.celedger.app.metrics.RequestWaits;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: every transaction that changed something waits until its changes are
 * stored in H2's file, and one store serves every transaction that committed while the last one was being written.
 *
 * <p>Why: H2's MVStore has no write-ahead log. Each store writes a new chunk holding every page changed since the
 * last one (the changed leaves, their parents up to each root, and the store's layout map), so with
 * {@code WRITE_DELAY=0}, each commit stored its own chunk, in the committing thread, under the store's one fair
 * lock. That was a third of a single write's CPU, and concurrent commits queued for that lock for up to 139 ms
 * (the profile in ops/README.md). Here a commit only changes the maps in memory; the committing thread then waits
 * for the next store, which one thread (this) runs for all of them. A write is acknowledged only once its store has
 * returned, so an acknowledged write survives {@code kill -9} as before (the file is written through to the
 * operating system, not synced to the disk: the same guarantee as {@code WRITE_DELAY=0}).
 *
 * <p>Stores run as soon as a transaction waits; there is no deliberate delay. Alone, a write waits for one store
 * (as before, on another thread); under load, the transactions that commit during one store share the next.
 */
public final class GroupCommit implements AutoCloseable {

    /** A store from this long is logged with its CPU: it explains the slow requests that waited for it. */
    private static final long SLOW_STORE_NANOS = 20_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** A commit that waits longer than this for its store is failed: the store is stuck or broken. */
    private static final long MAX_WAIT_SECONDS = 30;

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final Condition stored = lock.newCondition();
    /** Tickets handed out: one per transaction that waits, in order. */
    private long requested;
    /** Every ticket up to this one is served: stored, or in one of {@link #failedTickets}. */
    private long storedThrough;
    /**
     * The tickets served by stores that failed, as ranges (first, last), adjacent ones merged: a waiter served by a
     * good store but woken only after a later store failed must still be told its commit is stored.
     */
    private final List<long[]> failedTickets = new ArrayList<>();
    private Throwable failure;
    private volatile boolean running = true;
    private final Thread writer;
    private final LongAdder stores = new LongAdder();
    /** The last ticket the writer thread has served (its own, unshared). */
    private long servedThrough;
    private final LongAdder commits = new LongAdder();

    public GroupCommit(MVStore store) {
        this.store = store;
        storeOnTheCallingThread(store);
        this.writer = new Thread(this::storeWhileRunning, "h2-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Returns once every change committed before this call is in the store's file. Called by a thread whose
     * transaction has just committed.
     */
    public void awaitStored() throws SQLException {
        commits.increment();
        long start = System.nanoTime();
        try {
            awaitStore();
        } finally {
            RequestWaits.add(RequestWaits.Kind.STORE, System.nanoTime() - start);
        }
    }

    private void awaitStore() throws SQLException {
        lock.lock();
        try {
            long ticket = ++requested;
            waiting.signal();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
            while (storedThrough < ticket) {
                long left = deadline - System.nanoTime();
                if (!writer.isAlive()) {
                    throw new SQLTransientException("The event store is closing; the commit may not be stored");
                }
                if (left <= 0) {
                    throw new SQLTransientException("The commit was not stored in the event store's file within "
                            + MAX_WAIT_SECONDS + " s");
                }
                stored.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            if (failed(ticket)) {
                throw new SQLException("The commit could not be stored in the event store's file", failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientException("Interrupted while the commit was being stored", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes H2 store a chunk on the thread that asks for it, as it does with {@code WRITE_DELAY=0}. With a write
     * delay H2 hands each store to a serialization thread, which hands the chunk's bytes to a writing thread: with
     * both cores busy (the projection, the collector) each hand-off waited for a core, and the slow single writes
     * at 100 and 300 a second were all waiting for the store, up to 135 ms with 1 ms of their own CPU (the
     * benchmark's slow-request lines, ops/README.md). H2 keeps no API for this, so its two executors are taken
     * out by reflection (H2 2.3.232, whose version the build fixes); without them H2 runs the same code inline.
     * If H2 changes, the store still works, through its threads, and this says so at start.
     */
    private static void storeOnTheCallingThread(MVStore store) {
        Object fileStore = store.getFileStore();
        try {
            for (String name : new String[] {"serializationExecutor", "bufferSaveExecutor"}) {
                Field field = org.h2.mvstore.FileStore.class.getDeclaredField(name);
                field.setAccessible(true);
                ThreadPoolExecutor executor = (ThreadPoolExecutor) field.get(fileStore);
                field.set(fileStore, null);
                if (executor != null) {
                    executor.shutdown(); // what it holds still runs
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("H2's stores stay on its own threads ({}); a commit's"
                    + " store then waits for two more threads to get a core", e.toString());
        }
    }

    /** Stores run so far, and commits that waited for one: their ratio is how many writes shared a store. */
    public long stores() {
        return stores.sum();
    }

    public long commits() {
        return commits.sum();
    }

    private void storeWhileRunning() {
        while (true) {
            long through;
            lock.lock();
            try {
                while (requested == storedThrough && running) {
                    waiting.await(1, TimeUnit.SECONDS);
                }
                if (requested == storedThrough) {
                    return; // closing, and nobody waits
                }
                through = requested;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            Throwable failed = null;
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            try {
                storeEverythingCommitted();
                stores.increment();
            } catch (Throwable t) {
                failed = t;
            }
            long took = System.nanoTime() - start;
            if (took >= SLOW_STORE_NANOS) {
                // a slow request that waited for the store (SlowRequests) is explained here: the store's own CPU,
                // or a wait (for a core, for H2's store lock)
                log.warn(String.format("slow store: %.1f ms, its thread's CPU %.1f ms, for %d commits", took / 1e6,
                        (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6, through - servedThrough));
            }
            servedThrough = through;
            lock.lock();
            try {
                if (failed != null) {
                    long[] last = failedTickets.isEmpty() ? null : failedTickets.get(failedTickets.size() - 1);
                    if (last != null && last[1] == storedThrough) {
                        last[1] = through;
                    } else {
                        failedTickets.add(new long[] {storedThrough + 1, through});
                    }
                    failure = failed;
                }
                storedThrough = through;
                stored.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean failed(long ticket) {
        for (long[] range : failedTickets) {
            if (ticket >= range[0] && ticket <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores every change committed so far and returns once it is written to the file. H2's own background writer
     * (at {@code WRITE_DELAY}) may have begun storing these changes already, on its serialization threads, and
     * then {@code commit()} finds nothing unsaved and returns at once; waiting for those threads to drain covers
     * that case. A commit that stored something waited for its own chunk, and the threads run in order.
     *
     * <p>H2 stores nothing, and says nothing, once its store is closed (it closes it itself when a write to the
     * file fails); the commits waiting are then failed, since what they changed may not be in the file. The
     * ledger's own shutdown closes this group commit before H2, so a closed store here is never the normal case.
     */
    private void storeEverythingCommitted() {
        long version = store.commit();
        if (store.isClosed()) {
            throw new IllegalStateException("H2's store is closed; the changes committed may not be in the file");
        }
        if (version < 0) {
            store.executeFilestoreOperation(() -> { });
        }
    }

    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            waiting.signalAll();
            stored.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
