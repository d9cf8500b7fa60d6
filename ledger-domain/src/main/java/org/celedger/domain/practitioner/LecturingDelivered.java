package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Hours taught as a lecturer (RULES.md §4.2; NX-2022 values them at 3 h per hour taught). */
@Revision("1")
public record LecturingDelivered(String practitionerId, String conversionId, LocalDate date, BigDecimal hoursTaught,
                                 String evidence) implements ConversionRecorded {
    @Override
    public ConversionKind kind() {
        return ConversionKind.LECTURING_DELIVERED;
    }
}
