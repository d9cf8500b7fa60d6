package org.celedger.app.security;

import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.RegistrarScope;
import org.celedger.domain.practitioner.ResidentIdNumber;

/**
 * How much of a practitioner's personal data one caller is shown (API.md "Personal data", masking): the
 * resident ID number whole only to ADMIN and to a registrar whose scope covers the practitioner, masked
 * ({@code 150102********1234}) to everyone else; names whole to the roles that read practitioners (auditors,
 * registrars, ADMIN), masked ({@code 王*}) to supervisors and bases in base, session and roster answers.
 * The ledger's stored facts and views always hold the values as recorded; only what an answer shows is masked.
 *
 * @param allIdNumbers   every ID number whole (ADMIN)
 * @param registrarScope the practitioners whose ID number a registrar sees whole, or null
 * @param names          names whole
 */
public record Disclosure(boolean allIdNumbers, RegistrarScope registrarScope, boolean names) {

    /** The attribute of an answer's JSON writer that holds the caller's disclosure. */
    public static final String ATTRIBUTE = Disclosure.class.getName();

    /** For a caller unknown: everything masked. */
    public static final Disclosure NOTHING = new Disclosure(false, null, false);

    public static Disclosure of(ApiKey caller) {
        if (caller == null) {
            return NOTHING;
        }
        if (caller.roles().contains(Role.ADMIN)) {
            return new Disclosure(true, null, true);
        }
        boolean registrar = caller.roles().contains(Role.REGISTRAR);
        return new Disclosure(false, registrar ? caller.registrarScope() : null, caller.readsPractitioners());
    }

    /** The ID number as shown to this caller, of the practitioner with {@code profile} (null where unknown). */
    public String idNumber(String number, PractitionerProfile profile) {
        if (number == null) {
            return null;
        }
        boolean whole = allIdNumbers || registrarScope != null && profile != null && registrarScope.covers(profile);
        return whole ? number : ResidentIdNumber.masked(number);
    }

    /** The name as shown to this caller: whole, or its first character and a star for each other. */
    public String name(String name) {
        if (name == null || names) {
            return name;
        }
        int first = name.offsetByCodePoints(0, Math.min(1, name.codePointCount(0, name.length())));
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
