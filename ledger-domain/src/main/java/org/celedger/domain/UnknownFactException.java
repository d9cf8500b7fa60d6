package org.celedger.domain;

/** The command refers to a fact (an award, a conversion, an exemption) the aggregate does not hold. */
public class UnknownFactException extends DomainRejection {
    public UnknownFactException(String field, String message) {
        super(field, message);
    }
}
