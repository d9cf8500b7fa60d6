package org.celedger.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.supervision.BaseViewProjection;
import org.celedger.projections.supervision.RosterCreditsProcess;
import org.celedger.projections.rebuild.ProjectionRebuild;
import org.celedger.projections.rebuild.RebuildStatus;
import org.springframework.stereotype.Component;

/**
 * Projection lag per processor ({@code ledger.projection.lag}: events between the head of the event
 * store and the processor's slowest segment) and rebuild progress ({@code ledger.rebuild.events.done},
 * {@code ledger.rebuild.events.expected}, {@code ledger.rebuild.events.rate}) as Micrometer gauges.
 */
@Component
public class ProjectionMetrics implements MeterBinder {

    /** The tracking projections of the ledger, by processing group. */
    static final List<String> PROCESSORS = List.of(PractitionerViewStore.PROJECTION, BaseViewProjection.PROCESSOR,
            RosterCreditsProcess.PROCESSOR);

    private final ProjectionProgress progress;
    private final ProjectionRebuild rebuild;

    public ProjectionMetrics(ProjectionProgress progress, ProjectionRebuild rebuild) {
        this.progress = progress;
        this.rebuild = rebuild;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : PROCESSORS) {
            Gauge.builder("ledger.projection.lag", progress, p -> lag(p, name)).tag("processor", name)
                    .description("events between the head of the event store and the processor").register(registry);
        }
        rebuildGauge(registry, "ledger.rebuild.events.done", RebuildStatus::eventsDone);
        rebuildGauge(registry, "ledger.rebuild.events.expected", RebuildStatus::eventsTotal);
        rebuildGauge(registry, "ledger.rebuild.events.rate", RebuildStatus::eventsPerSecond);
    }

    private void rebuildGauge(MeterRegistry registry, String name, ToDoubleFunction<RebuildStatus> value) {
        Gauge.builder(name, rebuild, r -> {
            RebuildStatus s = r.status();
            return s == null ? 0 : value.applyAsDouble(s);
        }).register(registry);
    }

    private static double lag(ProjectionProgress progress, String name) {
        return progress.processors().stream().filter(p -> p.name().equals(name) && !p.heldElsewhere())
                .mapToLong(ProjectionProgress.Processor::lag).findFirst().orElse(0);
    }
}
