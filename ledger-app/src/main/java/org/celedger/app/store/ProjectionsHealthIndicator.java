package org.celedger.app.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the read side: the embedded read store starts empty and is rebuilt from the event
 * store, so the ledger is not ready until every projection has caught up. Reports each processor's
 * position against the head of the event store while it catches up.
 */
@Component("projections")
public class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public ProjectionsHealthIndicator(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @Override
    public Health health() {
        OptionalLong head = position(events.createHeadToken());
        boolean caughtUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            boolean processorCaughtUp = !streaming.processingStatus().isEmpty();
            long slowest = Long.MAX_VALUE;
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                processorCaughtUp &= status.isCaughtUp() && !status.isReplaying();
                slowest = Math.min(slowest, position(status.getCurrentPosition().isPresent()
                        ? status.getTrackingToken() : null).orElse(-1));
            }
            caughtUp &= processorCaughtUp && streaming.isRunning();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("running", streaming.isRunning());
            p.put("caughtUp", processorCaughtUp);
            p.put("position", slowest == Long.MAX_VALUE ? -1 : slowest);
            p.put("head", head.orElse(-1));
            details.put(processor.getName(), p);
        }
        return (caughtUp ? Health.up() : Health.outOfService()).withDetails(details).build();
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
