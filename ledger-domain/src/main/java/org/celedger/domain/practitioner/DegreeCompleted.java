package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A degree study completed, with its enrolment and graduation dates and any hours certified for it (RULES.md §4.2, §6). */
@Revision("1")
public record DegreeCompleted(String practitionerId, String conversionId, LocalDate date, LocalDate enrolledOn,
                              LocalDate graduatedOn, Degree degree, BigDecimal certifiedHours,
                              String evidence) implements ConversionRecorded {
    @Override
    public ConversionKind kind() {
        return ConversionKind.DEGREE_COMPLETED;
    }
}
