package org.celedger.domain.rules.conversions;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.RecordedFact;

/** The trace items of conversion facts. */
final class Items {

    private Items() {
    }

    /** A conversion that counts nothing, with the reason. */
    static Contribution zero(RecordedFact fact, String eventType, String citation, Category category, String note) {
        return new Contribution(fact.sequence(), eventType, ((ConversionRecorded) fact.event()).conversionId(), Hours.ZERO,
                citation, category, note);
    }
}
