package org.celedger.app.consistency;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The events this node appends, handed to what follows them ({@link StreamHeads}, the audit trail's actors) once
 * the unit of work that appended them has committed, so that nothing kept in memory runs ahead of the store. One
 * dispatch interceptor for all of them: each append registers one callback, whatever follows it.
 */
@Component
public class CommittedAppends {

    private final EventStore events;
    private final List<Consumer<DomainEventMessage<?>>> followers = new CopyOnWriteArrayList<>();

    public CommittedAppends(EventStore events) {
        this.events = events;
    }

    /** Hands {@code follower} each event this node appends from the start on, once committed, in order. */
    public void follow(Consumer<DomainEventMessage<?>> follower) {
        followers.add(follower);
    }

    @EventListener(ApplicationStartedEvent.class)
    public void interceptAppends() {
        events.registerDispatchInterceptor(messages -> {
            if (!followers.isEmpty()) {
                CurrentUnitOfWork.ifStarted(u -> u.afterCommit(done -> messages.forEach(m -> {
                    if (m instanceof DomainEventMessage<?> event) {
                        followers.forEach(follower -> follower.accept(event));
                    }
                })));
            }
            return (index, message) -> message;
        });
    }
}
