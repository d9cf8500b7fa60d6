package org.celedger.domain.rules;

import org.celedger.domain.practitioner.ComputerExamPassed;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.practitioner.ExemptionGranted;
import org.celedger.domain.practitioner.LecturingDelivered;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.StudyTourCompleted;
import org.celedger.domain.practitioner.TitleLanguageExamPassed;

/** The event type names traces print (API.md {@code eventType}), without reflection in the hot path. */
final class EventTypes {

    private EventTypes() {
    }

    static String of(PractitionerEvent event) {
        if (event instanceof CreditAwarded) {
            return "CreditAwarded";
        } else if (event instanceof QualificationExamPassed) {
            return "QualificationExamPassed";
        } else if (event instanceof TitleLanguageExamPassed) {
            return "TitleLanguageExamPassed";
        } else if (event instanceof ComputerExamPassed) {
            return "ComputerExamPassed";
        } else if (event instanceof LecturingDelivered) {
            return "LecturingDelivered";
        } else if (event instanceof StudyTourCompleted) {
            return "StudyTourCompleted";
        } else if (event instanceof DegreeCompleted) {
            return "DegreeCompleted";
        } else if (event instanceof ExemptionGranted) {
            return "ExemptionGranted";
        } else if (event instanceof PractitionerTransferred) {
            return "PractitionerTransferred";
        } else if (event instanceof PractitionerRegistered) {
            return "PractitionerRegistered";
        } else if (event instanceof PractitionerProfileCorrected) {
            return "PractitionerProfileCorrected";
        }
        return event.getClass().getSimpleName(); // not reached for the facts the engine values
    }
}
