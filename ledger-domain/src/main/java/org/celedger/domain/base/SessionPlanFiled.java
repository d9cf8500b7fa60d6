package org.celedger.domain.base;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.celedger.domain.practitioner.Category;

/**
 * A session's plan, filed on {@code filedOn} (the date in Asia/Shanghai of the event's timestamp, kept
 * in the event so that the read side compares it with {@code startDate} without recomputing it).
 * Whether it was filed in time is a risk signal ({@link RiskSignals}), not a reason to refuse it.
 */
@Revision("1")
public record SessionPlanFiled(String baseId, String sessionId, String title,
                               Category category, SessionMode mode,
                               LocalDate startDate, LocalDate endDate, String location, int capacity,
                               LocalDate filedOn) implements BaseEvent {

    /** Days of the session, both ends included (I-11: {@code endDate − startDate + 1}). */
    public long days() {
        return endDate.toEpochDay() - startDate.toEpochDay() + 1;
    }
}
