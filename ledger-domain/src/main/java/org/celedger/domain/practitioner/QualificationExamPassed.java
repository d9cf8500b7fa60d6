package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A professional qualification exam passed (RULES.md §4.2); {@code inRegion} decides whether IM rules value it. */
@Revision("1")
public record QualificationExamPassed(String practitionerId, String conversionId, LocalDate date, boolean inRegion,
                                      String evidence) implements ConversionRecorded {
    @Override
    public ConversionKind kind() {
        return ConversionKind.QUALIFICATION_EXAM_PASSED;
    }
}
