package org.celedger.domain;

/**
 * The idempotency key of a write (award id, conversion id, …) was already used for a fact with
 * other content. The same content again is a duplicate, not a conflict.
 */
public class IdConflictException extends DomainRejection {
    public IdConflictException(String field, String message) {
        super(field, message);
    }
}
