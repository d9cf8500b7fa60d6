package org.celedger.domain.base;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Rows added to a session's roster: only the new ones ({@code newEntries}, hours with scale 1), never
 * a row already there. Each becomes a {@code CreditAwarded} on its practitioner with
 * {@link RosterCredits#awardId(String, String)}; {@link RosterCredits#awardsFor} builds those commands.
 *
 * @param submittedOn the date (Asia/Shanghai) the rows were reported; judged against the deadline after
 *                    the end ({@code IM-2022 四(二)2}, {@code IM-2025 一(六)1})
 * @param completedOn the date the credits are completed on: the end date of the filed plan, or, for a
 *                    session without a plan, {@code submittedOn}; its year is the credit year
 */
@Revision("1")
public record RosterSubmitted(String baseId, String sessionId, List<RosterEntry> newEntries, LocalDate submittedOn,
                              LocalDate completedOn) implements BaseEvent {
}
