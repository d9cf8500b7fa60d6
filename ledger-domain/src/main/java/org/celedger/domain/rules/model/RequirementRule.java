package org.celedger.domain.rules.model;

import java.math.BigDecimal;

/**
 * The hours required for one purpose and level (RULES.md §5). The window of evaluation year E is
 * {@code E-length+1+offset … E+offset}. Minimums are per year for {@code YEARLY} and over the
 * window for {@code WINDOW}; a null minimum is not required. {@code participation} asks for some
 * PUBLIC and some PROFESSIONAL hours in every year of the window (连续参加, IM-2017 三(一)).
 * For {@code NO_RULE} and {@code WAIVED} only {@code kind} is set.
 */
public record RequirementRule(Cited<RequirementKind> kind, Cited<Integer> length, Cited<Integer> offset,
                              Cited<BigDecimal> publicHours, Cited<BigDecimal> professionalHours,
                              Cited<BigDecimal> totalHours, Cited<Boolean> participation) {

    /** The years of the window of evaluation year {@code e}, before any relief cuts it. */
    public int[] window(int e) {
        int n = length.value();
        int o = offset.value();
        int[] years = new int[n];
        for (int i = 0; i < n; i++) {
            years[i] = e - n + 1 + o + i;
        }
        return years;
    }
}
