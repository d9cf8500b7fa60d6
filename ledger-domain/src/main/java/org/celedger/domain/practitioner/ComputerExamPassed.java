package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A computer-skills exam for titles (职称计算机) passed in a number of modules (RULES.md §4.2). */
@Revision("1")
public record ComputerExamPassed(String practitionerId, String conversionId, LocalDate date, int modules,
                                 String evidence) implements ConversionRecorded {
    @Override
    public ConversionKind kind() {
        return ConversionKind.COMPUTER_EXAM_PASSED;
    }
}
