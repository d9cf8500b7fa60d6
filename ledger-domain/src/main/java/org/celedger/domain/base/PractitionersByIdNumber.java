package org.celedger.domain.base;

import java.util.Optional;

/**
 * Finds the practitioner registered with a resident ID number. The ledger keeps the numbers encrypted
 * and finds them by a keyed hash (ledger-app, IdNumberIndex); a roster's 身份证号 column is read through it.
 */
@FunctionalInterface
public interface PractitionersByIdNumber {

    /** Resolves no number: for rosters that name practitioners by the ledger's id. */
    PractitionersByIdNumber NONE = number -> Optional.empty();

    /** The id of the practitioner registered with {@code number}, a valid, normalised resident ID number. */
    Optional<String> practitionerId(String number);
}
