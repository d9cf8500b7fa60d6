package org.celedger.domain.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of a decision (API.md): in {@code scope} (a year such as {@code "2023"}, or
 * {@code "window"}) the {@code category} must reach {@code required} hours; {@code credited} are the
 * hours counted, made of the {@code contributions}. {@code shortfall} is what is missing (0 when met)
 * and {@code citation} the clause that set {@code required}.
 */
public record Requirement(String scope, Measure category, BigDecimal required, BigDecimal credited, boolean met,
                          List<Contribution> contributions, BigDecimal shortfall, RowKind rule,
                          String citation) {

    /** The scope of rows about the window as a whole. */
    public static final String WINDOW = "window";
}
