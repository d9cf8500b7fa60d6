package org.celedger.domain.rules;

/** The facts given hold no {@code PractitionerRegistered}: there is no profile to evaluate. */
public class UnregisteredPractitionerException extends RuntimeException {
    public UnregisteredPractitionerException() {
        super("the facts hold no PractitionerRegistered event; cannot evaluate without a profile");
    }
}
