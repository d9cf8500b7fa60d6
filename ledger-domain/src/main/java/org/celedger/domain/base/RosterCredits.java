package org.celedger.domain.base;

import java.util.List;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.RevokeCreditCommand;

/**
 * How a base's roster becomes credits on its practitioners, and how a falsified session takes them
 * back (API.md, "Supervisors and bases"; RULES.md §8). The one place that names a roster's awards, so
 * that the process manager awarding them and the one revoking them agree.
 *
 * <p>Both translations are pure and their commands idempotent on the practitioner (the award id is the
 * idempotency key), so a process manager may run them again after a crash without doubling anything.
 */
public final class RosterCredits {

    private RosterCredits() {
    }

    /** What separates the session from the practitioner in a roster's award id; no other award id holds it. */
    public static final String SEPARATOR = "/";

    /** The award a roster row becomes: {@code sessionId + "/" + practitionerId} (API.md). */
    public static String awardId(String sessionId, String practitionerId) {
        return sessionId + SEPARATOR + practitionerId;
    }

    /**
     * The awards of the rows new in {@code event}: activity {@code BASE_TRAINING} (RULES.md §4.1), in the
     * credit year of {@code completedOn}, the base and session recorded.
     *
     * @param approvedBy the approving authority (核定单位) the caller records for base training
     */
    public static List<AwardCreditCommand> awardsFor(RosterSubmitted event, String approvedBy) {
        return event.newEntries().stream()
                .map(e -> new AwardCreditCommand(e.practitionerId(), awardId(event.sessionId(), e.practitionerId()),
                        event.completedOn().getYear(), e.category(), Activity.BASE_TRAINING, e.hours(), null,
                        event.baseId(), event.sessionId(), approvedBy, null, event.completedOn()))
                .toList();
    }

    /** The revocations a falsified session causes: one per practitioner, the inspection as cause. */
    public static List<RevokeCreditCommand> revocationsFor(SessionFalsified event) {
        return event.practitionerIds().stream()
                .map(p -> new RevokeCreditCommand(p, awardId(event.sessionId(), p), event.reason(),
                        RevocationCause.FAILED_INSPECTION, event.inspectionId()))
                .toList();
    }
}
