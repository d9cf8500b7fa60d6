package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Days of a study tour, travel excluded, halves allowed (RULES.md §4.2: 8 h a day in IM, 6 h in NX). */
@Revision("1")
public record StudyTourCompleted(String practitionerId, String conversionId, LocalDate date, BigDecimal days,
                                 String evidence) implements ConversionRecorded {
    @Override
    public ConversionKind kind() {
        return ConversionKind.STUDY_TOUR_COMPLETED;
    }
}
