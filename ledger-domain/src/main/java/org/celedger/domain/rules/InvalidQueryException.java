package org.celedger.domain.rules;

/** An eligibility query that cannot be answered as asked; {@link #field()} names the offending field. */
public class InvalidQueryException extends RuntimeException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The query field at fault, in the names of API.md ({@code purpose}, {@code level}, {@code year}, {@code asOf}). */
    public String field() {
        return field;
    }
}
