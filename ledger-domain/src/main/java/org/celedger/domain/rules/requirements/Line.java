package org.celedger.domain.rules.requirements;

import org.celedger.domain.rules.Measure;
import org.celedger.domain.rules.RowKind;

import java.math.BigDecimal;

/** One minimum of a shaped requirement: {@code measure} must reach {@code required} in {@code year}, or over the window when {@code year} is null. */
public record Line(Integer year, Measure measure, BigDecimal required, RowKind kind, String citation) {

    /** Whether the line is about the window as a whole. */
    public boolean windowWide() {
        return year == null;
    }
}
