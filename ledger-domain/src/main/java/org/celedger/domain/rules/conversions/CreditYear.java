package org.celedger.domain.rules.conversions;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.RecordedFact;

import java.math.BigDecimal;

/** The credit year a conversion is valued into (RULES.md §4): items added, or a category deemed met at its minimum. */
public interface CreditYear {

    void add(Contribution item);

    /** Whether a category of this year is already deemed met. */
    boolean deemed(Category category);

    /** Deems {@code category} met for this year up to {@code minimum} because of {@code fact} (of {@code eventType}). */
    void deem(Category category, RecordedFact fact, String eventType, String id, BigDecimal minimum, String citation);
}
