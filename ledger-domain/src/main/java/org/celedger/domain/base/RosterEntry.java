package org.celedger.domain.base;

import java.math.BigDecimal;
import org.celedger.domain.practitioner.Category;

/**
 * One row of a roster (培训花名册): a practitioner of the session and the hours (one decimal, RULES.md §1)
 * and category the session gives them. {@code name} is as the base wrote it and optional (the JSON form of
 * API.md has none); it is informational: two rows for the same practitioner are the same row when their
 * hours and category agree, whatever the name says.
 */
public record RosterEntry(String practitionerId, String name, BigDecimal hours, Category category) {

    /** Whether this row says the same as {@code other} about its practitioner: same hours and category. */
    public boolean sameCreditAs(RosterEntry other) {
        return practitionerId.equals(other.practitionerId) && hours.compareTo(other.hours) == 0
                && category == other.category;
    }
}
