package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An official eligibility decision (RULES.md §2, §7): what was decided, under which rule set and
 * hash, as of which date and on the facts up to which sequence, so that a later replay as known
 * at its instant reproduces it and can be compared with today's evaluation.
 */
@Revision("1")
public record EligibilityCertified(String practitionerId, String certificationId, String purpose, String level,
                                   int year, LocalDate asOf, boolean exceptional, String ruleSetId,
                                   String ruleSetVersion, long upToSequence, String outcome,
                                   boolean eligible) implements PractitionerEvent {
}
