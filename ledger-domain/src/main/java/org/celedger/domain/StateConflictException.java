package org.celedger.domain;

/**
 * The fact is well-formed but contradicts what the aggregate already holds, for example revoking
 * an award that was already revoked for another reason, or reassigning a revoked award.
 */
public class StateConflictException extends DomainRejection {
    public StateConflictException(String field, String message) {
        super(field, message);
    }
}
