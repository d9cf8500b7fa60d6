package org.celedger.domain.base;

/**
 * Where a base stands with its supervisor (RULES.md §8, sanctions): {@code IM-MEASURES-2017 第三十二条}
 * orders correction, a warning (警告) and, when serious, withdrawal of the right to teach (撤销施教资格);
 * {@code NX-2022 三} certifies or withdraws bases.
 *
 * <ul>
 *   <li>{@link #ACTIVE}: accredited and in good standing; reinstating a base means returning it here.</li>
 *   <li>{@link #WARNED}: warned; it still files plans and rosters.</li>
 *   <li>{@link #SUSPENDED}: told to stop and correct (责令改正): it files no new session plans, but may still
 *       report rosters, so that practitioners keep the hours of sessions already held.</li>
 *   <li>{@link #WITHDRAWN}: accreditation withdrawn: it files neither plans nor rosters.</li>
 * </ul>
 */
public enum BaseStatus {
    ACTIVE, WARNED, SUSPENDED, WITHDRAWN;

    /** Whether a base in this status may file a new session plan. */
    public boolean mayFilePlans() {
        return this == ACTIVE || this == WARNED;
    }

    /** Whether a base in this status may report a roster. */
    public boolean mayReportRosters() {
        return this != WITHDRAWN;
    }
}
