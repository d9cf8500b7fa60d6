package org.celedger.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Hours arithmetic: one decimal place (RULES.md §1), truncated where a conversion gives more. */
public final class Hours {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1);
    /** The least positive amount at one decimal: "some hours" (participation) means at least this. */
    public static final BigDecimal SOME = new BigDecimal("0.1");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private Hours() {
    }

    /** Truncates to one decimal: 1,349 minutes at 45 a hour are 29.9 hours, not 30.0. */
    public static BigDecimal truncate(BigDecimal hours) {
        return hours.setScale(1, RoundingMode.DOWN);
    }

    /** Minutes to hours at {@code minutesPerHour}, truncated to one decimal (IM-MEASURES-2017 第十条). */
    public static BigDecimal ofMinutes(int minutes, int minutesPerHour) {
        // Ten times the hours, floored, then scaled: exact, no intermediate rounding.
        return BigDecimal.valueOf(Math.floorDiv(10L * minutes, minutesPerHour), 1);
    }

    /**
     * One third of a requirement, rounded up to one decimal. Credited hours have one decimal, so
     * "credited ≥ x/3" holds exactly when "credited ≥ ceil₀.₁(x/3)": rounding up loses nothing.
     */
    public static BigDecimal oneThird(BigDecimal required) {
        return required.divide(THREE, 1, RoundingMode.CEILING);
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
