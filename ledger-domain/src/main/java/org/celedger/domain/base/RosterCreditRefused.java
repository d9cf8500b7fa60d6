package org.celedger.domain.base;

import org.axonframework.serialization.Revision;

/**
 * A roster row accepted on a session did not become its credit: the practitioner refused the award
 * {@code awardId} ({@link RosterCredits#awardId}) for {@code reason}. Recorded once per row. The hours
 * are not counted anywhere; the base may award the credit itself under the same award id once the cause
 * is removed.
 */
@Revision("1")
public record RosterCreditRefused(String baseId, String sessionId, String practitionerId, String awardId,
                                  String reason) implements BaseEvent {
}
