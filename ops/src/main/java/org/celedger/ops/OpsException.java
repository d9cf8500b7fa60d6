package org.celedger.ops;

/** A failure the operator can act on: printed as one sentence, exit status 1, no stack trace. */
public class OpsException extends RuntimeException {
    public OpsException(String message) {
        super(message);
    }

    public OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
