package org.celedger.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.ServingRuleSets;
import org.celedger.projections.history.FactCodec;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.PractitionerViewStore.Generations;
import org.celedger.projections.history.StoredFact;
import org.celedger.projections.history.ViewUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the practitioner views under the rule sets as they are now (after a rule-set file was
 * added or changed), without ever serving a half-built view:
 * <ol>
 *   <li>mark the next generation as being rebuilt: from then on the live projection writes every
 *       batch to it as well as to the active one;</li>
 *   <li>take the head of the event store, and read every event up to it into the new generation
 *       (the live projection covers everything after);</li>
 *   <li>switch readers to the new generation.</li>
 * </ol>
 * Facts are keyed by sequence, so an event written both by the rebuild and by the live projection
 * counts once; the derived parts are a function of the facts and the rule sets, so two rebuilds of
 * the same events under the same rule sets give identical documents.
 */
public final class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /**
     * Events read before their practitioners' documents are written: each practitioner in a window is written once
     * for all its events there, and derived only in the window that holds its last event ({@link StreamEnds}). The
     * events written one at a time after an ingestion are spread over the whole population, so a window of 2,000
     * derived nearly every document once per event (the last fifth of the events took three quarters of a rebuild
     * at 20,000 practitioners: ops/README.md, issue 13), and windows of 50,000 that derived everyone they touched
     * still derived most practitioners twice.
     */
    private static final int WINDOW = 50_000;
    /** Practitioners a deriver takes at a time: a window is shared among the derivers. */
    private static final int BATCH = 2_000;
    private static final int DERIVERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final int windowSize;
    private final EventStore events;
    private final StreamEnds ends;
    private final ViewUpdater updater;
    private final FactCodec codec;
    private final ServingRuleSets ruleSets;
    private final Clock clock;
    private final AtomicReference<RebuildStatus> last = new AtomicReference<>();
    private final AtomicLong done = new AtomicLong();

    public ProjectionRebuild(EventStore events, StreamEnds ends, ViewUpdater updater, FactCodec codec,
                             ServingRuleSets ruleSets, Clock clock) {
        this(events, ends, updater, codec, ruleSets, clock, WINDOW);
    }

    /** With windows of {@code window} events: tests rebuild a few events across several windows. */
    ProjectionRebuild(EventStore events, StreamEnds ends, ViewUpdater updater, FactCodec codec,
                      ServingRuleSets ruleSets, Clock clock, int window) {
        this.windowSize = window;
        this.events = events;
        this.ends = ends;
        this.updater = updater;
        this.codec = codec;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /** Starts a rebuild in the background, or answers the one already running on this node. */
    public synchronized RebuildStatus start() {
        RebuildStatus current = last.get();
        if (current != null && current.state() == RebuildStatus.State.RUNNING) {
            return status();
        }
        RuleSets fresh = ruleSets.fresh();
        PractitionerViewStore store = updater.store();
        Generations generations = store.generations();
        int target = Math.max(generations.active(), generations.rebuilding() == null ? 0 : generations.rebuilding()) + 1;
        ruleSets.fix(target, fresh);
        store.beginRebuild(target);
        // The head is taken after the live projection started writing to the new generation: whatever it
        // handles from now on is at most covered twice, never missed.
        OptionalLong head = position(events.createHeadToken());
        done.set(0);
        RebuildStatus started = new RebuildStatus(UUID.randomUUID().toString(), PractitionerViewStore.PROJECTION,
                RebuildStatus.State.RUNNING, generations.active(), target, 0, head.orElse(0), 0, clock.instant(),
                null, fresh.all().stream().map(r -> r.id() + "@" + r.version()).collect(Collectors.joining(", ")),
                null);
        last.set(started);
        Thread worker = new Thread(() -> run(started, head), "rebuild-" + PractitionerViewStore.PROJECTION);
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    /** The running or last rebuild with its progress now, or null if none ran on this node. */
    public RebuildStatus status() {
        RebuildStatus s = last.get();
        if (s == null || s.state() != RebuildStatus.State.RUNNING) {
            return s;
        }
        return with(s, s.state(), done.get(), null, null);
    }

    /** Blocks until the current rebuild has ended (for operators' scripts and tests). */
    public RebuildStatus await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status() != null && status().state() == RebuildStatus.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return status();
    }

    private void run(RebuildStatus started, OptionalLong head) {
        int target = started.toGeneration();
        try {
            if (head.isPresent()) {
                // One thread reads the event store; deriving and writing the documents, most of the work,
                // runs on the others. Two batches touching one practitioner meet in the store's optimistic
                // writes, which merge them; at most a few batches wait, so memory stays bounded.
                ExecutorService derivers = Executors.newFixedThreadPool(DERIVERS);
                Semaphore inFlight = new Semaphore(DERIVERS * 2);
                List<Future<?>> pending = new ArrayList<>();
                ViewUpdater.Batch window = new ViewUpdater.Batch();
                long windowEnd = -1;
                try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                    while (true) {
                        if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                            continue;
                        }
                        TrackedEventMessage<?> message = stream.nextAvailable();
                        OptionalLong at = position(message.trackingToken());
                        if (message instanceof DomainEventMessage<?> domain
                                && domain.getPayload() instanceof PractitionerEvent event) {
                            window.add(event.practitionerId(),
                                    codec.encode(domain.getSequenceNumber(), domain.getTimestamp(), event));
                        }
                        done.incrementAndGet();
                        if (at.isPresent()) {
                            windowEnd = at.getAsLong();
                            if (windowEnd >= head.getAsLong()) {
                                break;
                            }
                        }
                        if (window.size() >= windowSize) {
                            submitInBatches(derivers, inFlight, pending, target, window,
                                    new Through(windowEnd, head.getAsLong()));
                            window = new ViewUpdater.Batch();
                        }
                    }
                }
                // the last window: every practitioner in it has all its events up to the head read
                submitInBatches(derivers, inFlight, pending, target, window, Through.HEAD);
                try {
                    for (Future<?> f : pending) {
                        f.get();
                    }
                } finally {
                    derivers.shutdownNow();
                }
                // An event committed late below the head (a gap when it was read) can leave a practitioner that a
                // window took for incomplete without a later window: derived here, so nothing stays underived.
                int late = updater.deriveGathered(target);
                if (late > 0) {
                    log.info("Rebuild of {}: {} practitioners derived after the last window", started.projection(),
                            late);
                }
            }
            updater.store().completeRebuild(target);
            last.set(with(started, RebuildStatus.State.COMPLETED, done.get(), clock.instant(), null));
            log.info("Rebuilt {} into generation {}: {} events", started.projection(), target, done.get());
        } catch (Exception e) {
            log.error("Rebuild of {} failed; the previous view stays active", started.projection(), e);
            updater.store().abandonRebuild(target);
            last.set(with(started, RebuildStatus.State.FAILED, done.get(), clock.instant(), e.toString()));
        }
    }

    /**
     * How far a window reaches: its last event's position, and the head the rebuild reads to. A practitioner whose
     * last event up to the head is within it is complete there; {@link #HEAD}: every practitioner is.
     */
    private record Through(long windowEnd, long head) {
        static final Through HEAD = new Through(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private void submitInBatches(ExecutorService derivers, Semaphore inFlight, List<Future<?>> pending, int target,
                                 ViewUpdater.Batch window, Through through) throws InterruptedException {
        Map<String, List<StoredFact>> batch = new HashMap<>();
        for (Map.Entry<String, List<StoredFact>> practitioner : window.byPractitioner().entrySet()) {
            batch.put(practitioner.getKey(), practitioner.getValue());
            if (batch.size() == BATCH) {
                submit(derivers, inFlight, pending, target, batch, through);
                batch = new HashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            submit(derivers, inFlight, pending, target, batch, through);
        }
    }

    private void submit(ExecutorService derivers, Semaphore inFlight, List<Future<?>> pending, int target,
                        Map<String, List<StoredFact>> batch, Through through) throws InterruptedException {
        inFlight.acquire();
        pending.add(derivers.submit(() -> {
            try {
                updater.apply(target, batch, complete(batch.keySet(), through));
            } finally {
                inFlight.release();
            }
        }));
    }

    /** Which of {@code ids} have no event after the window up to the head: those are derived now. */
    private Predicate<String> complete(Set<String> ids, Through through) {
        if (through == Through.HEAD) {
            return id -> true;
        }
        Map<String, Long> last = ends.lastPositions(ids, through.head());
        // A practitioner the store does not answer for is derived now: a document derived twice is only slower.
        return id -> last.getOrDefault(id, Long.MIN_VALUE) <= through.windowEnd();
    }

    private RebuildStatus with(RebuildStatus s, RebuildStatus.State state, long eventsDone, Instant finishedAt,
                               String problem) {
        Instant end = finishedAt != null ? finishedAt : clock.instant();
        double seconds = Math.max(0.001, Duration.between(s.startedAt(), end).toNanos() / 1e9);
        return new RebuildStatus(s.id(), s.projection(), state, s.fromGeneration(), s.toGeneration(), eventsDone,
                Math.max(s.eventsTotal(), eventsDone), eventsDone / seconds, s.startedAt(), finishedAt, s.ruleSets(),
                problem);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

}
