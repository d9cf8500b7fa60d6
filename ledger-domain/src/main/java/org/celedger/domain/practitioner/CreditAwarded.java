package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An award of hours (or minutes, converted when evaluated) in a credit year and category, RULES.md §4.1. */
@Revision("1")
public record CreditAwarded(String practitionerId, String awardId, int year, Category category, Activity activity, BigDecimal hours, Integer minutes, String baseId, String sessionId, String approvedBy, String certificateNo, LocalDate completedOn) implements PractitionerEvent {
}
