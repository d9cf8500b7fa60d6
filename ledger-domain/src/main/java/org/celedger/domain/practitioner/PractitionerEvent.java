package org.celedger.domain.practitioner;

/**
 * An event on the practitioner aggregate: a fact with its business date. The recording instant
 * is the event message's timestamp; the aggregate sequence number orders the facts.
 */
public interface PractitionerEvent {
    String practitionerId();
}
