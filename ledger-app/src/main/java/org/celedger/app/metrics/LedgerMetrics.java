package org.celedger.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Metrics of the write side: {@code ledger.events.appended{type}} counts events once their transaction
 * has committed (a rolled-back command appends nothing), and {@code ledger.command{command, outcome}}
 * times every command handled, whoever sent it (HTTP, batches, the roster-credits process manager).
 */
@Component
public class LedgerMetrics {

    private final MeterRegistry registry;
    private final EventStore events;
    private final CommandBus commands;
    /** The meters by event type and by command and outcome: found once, not looked up by tags per event. */
    private final Map<String, Counter> appended = new ConcurrentHashMap<>();
    private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();

    public LedgerMetrics(MeterRegistry registry, EventStore events, CommandBus commands) {
        this.registry = registry;
        this.events = events;
        this.commands = commands;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void register() {
        events.registerDispatchInterceptor(messages -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> messages.forEach(m -> appended(m.getPayloadType().getSimpleName())));
            } else {
                messages.forEach(m -> appended(m.getPayloadType().getSimpleName()));
            }
            return (index, message) -> message;
        });
        commands.registerHandlerInterceptor((unitOfWork, chain) -> {
            long start = System.nanoTime();
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            String outcome = "ok";
            try {
                return chain.proceed();
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
                throw e;
            } finally {
                commandTimer(command, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
    }

    private void appended(String type) {
        appended.computeIfAbsent(type, t -> Counter.builder("ledger.events.appended")
                .description("events committed to the event store").tag("type", t).register(registry)).increment();
    }

    private Timer commandTimer(String command, String outcome) {
        return commandTimers.computeIfAbsent(command + " " + outcome, k -> Timer.builder("ledger.command")
                .description("command handling, from dispatch to the handler's answer")
                .tag("command", command).tag("outcome", outcome).publishPercentileHistogram().register(registry));
    }
}
