package org.celedger.app.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** How far each tracking projection is behind the head of the event store: for readiness and for metrics. */
@Component
public class ProjectionProgress {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TokenStore tokens;

    public ProjectionProgress(EventProcessingConfiguration processing, EventStore events, TokenStore tokens) {
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
    }

    /**
     * One processor as this node runs it: running, caught up, its slowest segment's position, the head,
     * and the lag between them. {@code heldElsewhere}: every segment is claimed by other nodes, so this
     * node has nothing of it to catch up on (the node holding it reports its progress).
     */
    public record Processor(String name, boolean running, boolean caughtUp, long position, long head,
                            boolean heldElsewhere) {
        public long lag() {
            return Math.max(0, head - position);
        }
    }

    public List<Processor> processors() {
        long head = position(events.createHeadToken()).orElse(0);
        List<Processor> result = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            boolean caughtUp = !streaming.processingStatus().isEmpty();
            long slowest = Long.MAX_VALUE;
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                caughtUp &= status.isCaughtUp() && !status.isReplaying();
                slowest = Math.min(slowest, position(status.getTrackingToken()).orElse(0));
            }
            long position = slowest == Long.MAX_VALUE ? 0 : slowest;
            // With nothing to read (an empty store) a processor has nothing to catch up on.
            caughtUp |= position >= head;
            boolean heldElsewhere = streaming.processingStatus().isEmpty() && allClaimedByOthers(processor.getName());
            result.add(new Processor(processor.getName(), streaming.isRunning(),
                    (caughtUp || heldElsewhere) && streaming.isRunning(), position, head, heldElsewhere));
        }
        return result;
    }

    /** Segments exist and none is free: other nodes process them (a node that just started finds some free). */
    private boolean allClaimedByOthers(String processor) {
        return tokens.fetchSegments(processor).length > 0 && tokens.fetchAvailableSegments(processor).isEmpty();
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
