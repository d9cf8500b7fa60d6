package org.celedger.app.axon;

import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's event processing, with every tracking processor storing its token after it has processed a
 * batch rather than before.
 *
 * <p>By default a tracking processor stores the token of a batch when it begins the batch, counting on the
 * token store to share the batch's transaction. The tokens live in MongoDB and the facts in SQL, so they
 * share none: the token was stored before the batch's handlers ran. A crash in between skipped the batch
 * for good (a production read store kept views without those facts, and the roster-credits process never
 * awarded those rosters' credits), and a reader waiting for a processor's token (a roster's answer, a
 * population read with {@code waitForPosition}) saw it pass events not yet handled. Stored after, a crash
 * redelivers the batch, which every handler tolerates (views are keyed by sequence, commands by fact id).
 *
 * <p>The Spring Boot auto-configuration registers the processors of {@code axon.eventhandling.processors}
 * through {@link #registerTrackingEventProcessor(String, Function, Function)}; this module builds them
 * as Axon does, with the one change.
 */
public class TokensStoredAfterProcessing extends EventProcessingModule {

    @Override
    public EventProcessingConfigurer registerTrackingEventProcessor(
            String name, Function<Configuration, StreamableMessageSource<TrackedEventMessage<?>>> source,
            Function<Configuration, TrackingEventProcessorConfiguration> processorConfiguration) {
        return registerEventProcessor(name, (processorName, configuration, invoker) -> TrackingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(rollbackConfiguration(processorName))
                .errorHandler(errorHandler(processorName))
                .messageMonitor(messageMonitor(TrackingEventProcessor.class, processorName))
                .messageSource(source.apply(configuration))
                .tokenStore(tokenStore(processorName))
                .transactionManager(transactionManager(processorName))
                .trackingEventProcessorConfiguration(processorConfiguration.apply(configuration))
                .storingTokensAfterProcessing()
                .build());
    }
}
