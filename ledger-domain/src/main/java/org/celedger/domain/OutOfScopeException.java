package org.celedger.domain;

/**
 * The command is well-formed, but the key that sent it may not act on this practitioner: a registrar acts
 * only within its jurisdictions and regions. The edge answers 403.
 */
public class OutOfScopeException extends DomainRejection {
    public OutOfScopeException(String field, String message) {
        super(field, message);
    }
}
