package org.celedger.app.store;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** How far each tracking projection is behind the head of the event store: for readiness and for metrics. */
@Component
public class ProjectionProgress {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public ProjectionProgress(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** One processor: running, caught up, its slowest segment's position, the head, and the lag between them. */
    public record Processor(String name, boolean running, boolean caughtUp, long position, long head) {
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
            result.add(new Processor(processor.getName(), streaming.isRunning(), caughtUp && streaming.isRunning(),
                    position, head));
        }
        return result;
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
