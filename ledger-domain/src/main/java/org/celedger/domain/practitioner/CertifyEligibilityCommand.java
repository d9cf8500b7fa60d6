package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a decision as certified. The decision is computed by the rule engine before the command
 * is sent; the aggregate checks that it is complete and records it once per {@code certificationId}.
 */
public record CertifyEligibilityCommand(@TargetAggregateIdentifier String practitionerId, String certificationId,
                                        String purpose, String level, Integer year, LocalDate asOf,
                                        boolean exceptional, String ruleSetId, String ruleSetVersion,
                                        Long upToSequence, String outcome, boolean eligible) {
}
