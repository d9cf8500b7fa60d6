package org.celedger.domain.base;

import java.time.LocalDate;
import java.util.Set;

/** Who attended an in-person session and on which days, for {@link DoubleBookings}. */
public record InPersonAttendance(SessionKey session, LocalDate startDate, LocalDate endDate,
                                 Set<String> practitionerIds) {

    public InPersonAttendance {
        practitionerIds = Set.copyOf(practitionerIds);
    }

    boolean overlaps(InPersonAttendance other) {
        return !startDate.isAfter(other.endDate) && !other.startDate.isAfter(endDate);
    }
}
