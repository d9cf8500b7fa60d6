package org.celedger.ops.generate;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param practitioners         how many practitioners
 * @param years                 credit years of history per practitioner, ending in {@code asOf}'s year (never before 2017)
 * @param seed                  everything is drawn from this seed: the same settings give the same bytes
 * @param asOf                  no fact is dated after this day (the ledger refuses facts in the future)
 * @param rosterCreditsInBatches whether the batches also carry the base-training credits that the rosters list
 *                              (true: the batches alone are the whole population)
 */
public record Settings(int practitioners, int years, long seed, LocalDate asOf, boolean rosterCreditsInBatches) {

    /** The last day facts may carry by default: before "today" (2026-11-22) in any time zone. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 20);
    /** Award years start here (the oldest rule set the ledger holds is IM-2017). */
    public static final int EARLIEST_YEAR = 2017;

    public Settings {
        if (practitioners < 1) {
            throw new IllegalArgumentException("practitioners must be at least 1");
        }
        if (years < 1 || years > 10) {
            throw new IllegalArgumentException("years must be 1 to 10");
        }
    }

    public Settings(int practitioners, int years, long seed) {
        this(practitioners, years, seed, DEFAULT_AS_OF, true);
    }

    public int lastYear() {
        return asOf.getYear();
    }

    public int firstYear() {
        return Math.max(EARLIEST_YEAR, lastYear() - years + 1);
    }
}
