package org.celedger.domain.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link TrainingBase} aggregate remembers of one of its sessions, changed only by its event
 * sourcing handlers. A session exists once its plan is filed or a roster names it.
 */
final class Session {

    /** The filed plan, or null for a session known only from its roster (PLAN_MISSING). */
    SessionPlanFiled plan;
    /** The roster by practitioner, in the order rows were accepted. */
    final Map<String, RosterEntry> roster = new LinkedHashMap<>();
    final Map<String, SessionInspected> inspections = new HashMap<>();
    /** The inspection that found the session falsified, or null. */
    String falsifiedBy;
    /** Roster rows whose credit the practitioner refused, by practitioner: the reason. */
    final Map<String, String> creditRefusals = new HashMap<>();

    List<String> practitionerIds() {
        return new ArrayList<>(roster.keySet());
    }

    // Compared by value, so that Axon's test fixture can check that sourcing the events rebuilds the same state.
    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && Objects.equals(plan, s.plan) && roster.equals(s.roster)
                && inspections.equals(s.inspections) && Objects.equals(falsifiedBy, s.falsifiedBy)
                && creditRefusals.equals(s.creditRefusals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plan, roster, inspections, falsifiedBy);
    }

    @Override
    public String toString() {
        return "Session[plan=" + plan + ", roster=" + roster.values() + ", inspections=" + inspections.keySet()
                + ", falsifiedBy=" + falsifiedBy + "]";
    }
}
