package org.celedger.app.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.celedger.app.read.PractitionerFacts;
import org.celedger.domain.practitioner.PersonalDataErased;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.springframework.stereotype.Component;

/**
 * Keeps the personal-data tables with the facts: the ID-number index follows registrations and corrections,
 * and an erasure destroys the practitioner's key and forgets their number. Its processing group is subscribing
 * (application.yaml): it runs inside the transaction that records the fact, so fact and tables are committed
 * together or not at all, and a failure here refuses the write. Stores written before it are brought in line at
 * start by {@link PersonalDataSealing}.
 */
@Component
@ProcessingGroup(PersonalDataFacts.GROUP)
public class PersonalDataFacts {

    public static final String GROUP = "personal-data";

    private final IdNumberIndex index;
    private final PersonalDataKeys keys;
    /** This node's decoded copies of the practitioner's facts, names included. */
    private final PractitionerFacts decoded;

    public PersonalDataFacts(IdNumberIndex index, PersonalDataKeys keys, PractitionerFacts decoded) {
        this.index = index;
        this.keys = keys;
        this.decoded = decoded;
    }

    @EventHandler
    void on(PractitionerRegistered e) {
        if (e.profile().idNumber() != null) {
            index.record(e.practitionerId(), e.profile().idNumber(), "idNumber");
        }
    }

    @EventHandler
    void on(PractitionerProfileCorrected e) {
        if (e.changes().idNumber() != null) {
            index.record(e.practitionerId(), e.changes().idNumber(), "changes.idNumber");
        }
    }

    @EventHandler
    void on(PersonalDataErased e) {
        index.forget(e.practitionerId());
        keys.destroy(e.practitionerId());
        decoded.forget(e.practitionerId());
    }
}
