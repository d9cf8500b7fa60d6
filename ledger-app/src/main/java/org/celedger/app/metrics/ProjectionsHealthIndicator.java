package org.celedger.app.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the read side: the embedded read store starts empty and is rebuilt from the event
 * store, so the ledger is not ready until every projection has caught up. While it catches up, the
 * details show each processor's position against the head of the event store.
 */
@Component("projections")
public class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionProgress progress;

    public ProjectionsHealthIndicator(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        boolean caughtUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProjectionProgress.Processor p : progress.processors()) {
            caughtUp &= p.caughtUp();
            details.put(p.name(), p.heldElsewhere()
                    ? Map.of("running", p.running(), "caughtUp", p.caughtUp(), "segments", "held by other nodes")
                    : Map.of("running", p.running(), "caughtUp", p.caughtUp(), "position", p.position(),
                    "head", p.head(), "lag", p.lag()));
        }
        return (caughtUp ? Health.up() : Health.outOfService()).withDetails(details).build();
    }
}
