package org.celedger.projections.rebuild;

import java.time.Instant;

/**
 * Progress of a rebuild: events read so far of the events recorded when it started (the head of the
 * event store's global index then, so gaps make the total a slight over-count), the rate, and the
 * generations it replaces and builds.
 */
public record RebuildStatus(String id, String projection, State state, int fromGeneration, int toGeneration,
                            long eventsDone, long eventsTotal, double eventsPerSecond, Instant startedAt,
                            Instant finishedAt, String ruleSets, String problem) {

    public enum State { RUNNING, COMPLETED, FAILED }
}
