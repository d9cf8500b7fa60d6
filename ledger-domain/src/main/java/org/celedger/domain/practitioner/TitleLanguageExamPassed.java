package org.celedger.domain.practitioner;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A foreign-language exam for titles (职称外语) passed (RULES.md §4.2). */
@Revision("1")
public record TitleLanguageExamPassed(String practitionerId, String conversionId, LocalDate date,
                                      String evidence) implements ConversionRecorded {
    @Override
    public ConversionKind kind() {
        return ConversionKind.TITLE_LANGUAGE_EXAM_PASSED;
    }
}
