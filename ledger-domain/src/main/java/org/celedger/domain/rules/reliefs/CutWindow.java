package org.celedger.domain.rules.reliefs;

import java.util.Set;
import java.util.TreeSet;

/**
 * The window after the window cuts (RULES.md §6 "window cuts"), applied in the table's order: the
 * years kept, the first cut that removed a year (decisive for MET or NOT_MET when no requirement
 * modifier applies) and the cut that removed the last year (decisive for the WAIVED that follows;
 * rule-sets README 7).
 */
public record CutWindow(int[] years, AppliedRelief firstCut, AppliedRelief emptiedBy) {

    /** Cuts {@code baseWindow} by every applied relief's {@code cutYears}, in order. */
    public static CutWindow of(int[] baseWindow, Iterable<AppliedRelief> applied) {
        Set<Integer> kept = new TreeSet<>();
        for (int y : baseWindow) {
            kept.add(y);
        }
        AppliedRelief emptiedBy = null;
        AppliedRelief firstCut = null;
        for (AppliedRelief r : applied) {
            if (!r.cutYears().isEmpty() && kept.removeAll(r.cutYears())) {
                firstCut = firstCut == null ? r : firstCut;
                if (kept.isEmpty() && emptiedBy == null) {
                    emptiedBy = r;
                }
            }
        }
        return new CutWindow(kept.stream().mapToInt(Integer::intValue).toArray(), firstCut, emptiedBy);
    }

    /** Whether the cuts left no year: nothing is required. */
    public boolean empty() {
        return years.length == 0;
    }
}
