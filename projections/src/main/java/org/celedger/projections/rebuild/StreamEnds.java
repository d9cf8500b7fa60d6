package org.celedger.projections.rebuild;

import java.util.Collection;
import java.util.Map;

/**
 * Where practitioners' streams end in the event store, as far as a rebuild reads it: what lets the rebuild derive
 * each practitioner's document once, in the window that holds its last event, instead of once in every window that
 * holds one of its events.
 */
@FunctionalInterface
public interface StreamEnds {

    /** The global position of the last event at or before {@code head} of each of {@code ids} that has one. */
    Map<String, Long> lastPositions(Collection<String> ids, long head);
}
