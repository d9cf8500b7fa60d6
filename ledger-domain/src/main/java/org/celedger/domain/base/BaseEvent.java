package org.celedger.domain.base;

/**
 * An event on the {@link TrainingBase} aggregate. The recording instant is the event message's
 * timestamp; facts that need a business date carry it (for example {@link SessionPlanFiled#filedOn()}).
 */
public interface BaseEvent {
    String baseId();
}
