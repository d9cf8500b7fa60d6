package org.celedger.domain;

/**
 * A command the domain refuses. Subclasses say why, so that the edge can answer with the right
 * status; each names the offending field of the command.
 */
public abstract class DomainRejection extends RuntimeException {

    private final String field;

    protected DomainRejection(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The command field the rejection is about, in the names of API.md (for example {@code hours}). */
    public String field() {
        return field;
    }
}
