package org.celedger.domain;

/** The command describes a fact that cannot be true or is incomplete: a missing field, a value out of range. */
public class InvalidFactException extends DomainRejection {
    public InvalidFactException(String field, String message) {
        super(field, message);
    }
}
