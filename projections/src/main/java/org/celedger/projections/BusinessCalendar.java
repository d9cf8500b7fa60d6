package org.celedger.projections;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The read side's dates: today's business date (China's, whatever the server's zone, by the clock given) and
 * the year of the title-eligibility view, configured ({@code ledger.evaluation-year}) or the current one.
 */
public final class BusinessCalendar {

    private final Clock clock;
    private final int configuredEvaluationYear;

    /** @param evaluationYear the year of the title-eligibility view, or 0 for the current year */
    public BusinessCalendar(Clock clock, int evaluationYear) {
        this.clock = clock;
        this.configuredEvaluationYear = evaluationYear;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int evaluationYear() {
        return configuredEvaluationYear != 0 ? configuredEvaluationYear : today().getYear();
    }
}
