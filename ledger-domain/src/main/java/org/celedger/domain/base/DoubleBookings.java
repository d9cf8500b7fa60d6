package org.celedger.domain.base;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Practitioners on two in-person sessions on an overlapping day, across all bases: the input of
 * {@link RiskSignal#DOUBLE_BOOKED} (RULES.md §8; in-person time, {@code IM-2022 五(一)}). One person cannot
 * sit in two classrooms on the same day, so at least one of the two rosters overstates.
 */
public final class DoubleBookings {

    private DoubleBookings() {
    }

    /**
     * For every session with a double-booked participant, those participants. Pass only in-person sessions
     * with a filed plan (the dates come from it); a session with the same key twice counts once.
     */
    public static Map<SessionKey, Set<String>> find(Collection<InPersonAttendance> sessions) {
        Map<String, List<InPersonAttendance>> byPractitioner = new HashMap<>();
        for (InPersonAttendance session : sessions) {
            for (String practitionerId : session.practitionerIds()) {
                byPractitioner.computeIfAbsent(practitionerId, p -> new ArrayList<>()).add(session);
            }
        }
        Map<SessionKey, Set<String>> found = new HashMap<>();
        byPractitioner.forEach((practitionerId, attended) -> {
            for (int i = 0; i < attended.size(); i++) {
                for (int j = i + 1; j < attended.size(); j++) {
                    InPersonAttendance a = attended.get(i);
                    InPersonAttendance b = attended.get(j);
                    if (!a.session().equals(b.session()) && a.overlaps(b)) {
                        found.computeIfAbsent(a.session(), k -> new TreeSet<>()).add(practitionerId);
                        found.computeIfAbsent(b.session(), k -> new TreeSet<>()).add(practitionerId);
                    }
                }
            }
        });
        return found;
    }
}
