package org.celedger.app.api;

/** More batches are in progress than the ledger takes at once: answered 503 with Retry-After, nothing written. */
public class BatchesBusyException extends RuntimeException {

    public BatchesBusyException(int maxConcurrent) {
        super("The ledger is writing " + maxConcurrent + " batches already; nothing of this one was written. "
                + "Send it again after Retry-After.");
    }
}
