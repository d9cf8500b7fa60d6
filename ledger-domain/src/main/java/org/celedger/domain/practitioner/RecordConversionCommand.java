package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a conversion fact; which fields it needs depends on {@code kind} (API.md, RULES.md §4.2). */
public record RecordConversionCommand(@TargetAggregateIdentifier String practitionerId, String conversionId, ConversionKind kind, LocalDate date, BigDecimal quantity, Boolean inRegion, LocalDate enrolledOn, LocalDate graduatedOn, Degree degree, BigDecimal certifiedHours, String evidence) {
}
