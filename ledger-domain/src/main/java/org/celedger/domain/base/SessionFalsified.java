package org.celedger.domain.base;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An inspection found the session falsified (弄虚作假, {@code IM-2022 五(一)}): the session is invalid and
 * every credit it produced is to be revoked by a new event with the inspection as cause (RULES.md §8).
 * Applied once per session, right after the first {@link SessionInspected} with verdict FALSIFIED; a session
 * once falsified takes no more roster rows, so {@code practitionerIds} is complete.
 *
 * <p>A process manager revokes, for each practitioner, the award
 * {@link RosterCredits#awardId(String, String) awardId(sessionId, practitionerId)} with cause
 * {@code FAILED_INSPECTION} and {@code causeReference = inspectionId}: {@link RosterCredits#revocationsFor}
 * builds those commands.
 *
 * @param practitionerIds every practitioner on the session's roster, in roster order
 * @param reason          the inspection's notes
 */
@Revision("1")
public record SessionFalsified(String baseId, String sessionId, String inspectionId, List<String> practitionerIds,
                               String reason) implements BaseEvent {
}
