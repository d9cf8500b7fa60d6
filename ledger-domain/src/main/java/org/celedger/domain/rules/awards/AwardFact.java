package org.celedger.domain.rules.awards;

import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.rules.RecordedFact;

/** An award ({@code CreditAwarded}) with what later facts did to it: the first revocation and the latest reassignment, if any. */
public record AwardFact(RecordedFact fact, RecordedFact revokedBy, RecordedFact reassignedBy) {

    public CreditAwarded award() {
        return (CreditAwarded) fact.event();
    }

    /** The latest reassignment, or null. */
    public CreditReassigned reassignment() {
        return reassignedBy == null ? null : (CreditReassigned) reassignedBy.event();
    }
}
