package org.celedger.app.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.celedger.projections.rebuild.ProjectionRebuild;
import org.celedger.projections.rebuild.RebuildStatus;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Projection lag per processor ({@code ledger.projection.lag}, events behind the head) and rebuild
 * progress ({@code ledger.rebuild.events.done|total|rate}) as Micrometer gauges.
 */
@Component
public class ProjectionMetrics {

    private final MeterRegistry registry;
    private final ProjectionProgress progress;
    private final ProjectionRebuild rebuild;

    public ProjectionMetrics(MeterRegistry registry, ProjectionProgress progress, ProjectionRebuild rebuild) {
        this.registry = registry;
        this.progress = progress;
        this.rebuild = rebuild;
    }

    /** Processors exist once Axon has started, so their gauges are registered when the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (ProjectionProgress.Processor p : progress.processors()) {
            Gauge.builder("ledger.projection.lag", progress, pr -> lag(pr, p.name()))
                    .tag("processor", p.name()).description("events between the head of the event store and the processor")
                    .register(registry);
        }
        rebuildGauge("ledger.rebuild.events.done", RebuildStatus::eventsDone);
        rebuildGauge("ledger.rebuild.events.total", RebuildStatus::eventsTotal);
        rebuildGauge("ledger.rebuild.events.rate", RebuildStatus::eventsPerSecond);
    }

    private void rebuildGauge(String name, ToDoubleFunction<RebuildStatus> value) {
        Gauge.builder(name, rebuild, r -> {
            RebuildStatus s = r.status();
            return s == null ? 0 : value.applyAsDouble(s);
        }).register(registry);
    }

    private static double lag(ProjectionProgress progress, String name) {
        return progress.processors().stream().filter(p -> p.name().equals(name)).mapToLong(ProjectionProgress.Processor::lag)
                .findFirst().orElse(0);
    }
}
