package org.celedger.app.privacy;

/**
 * Where a read's access-log entry is made durable before the read is answered: the embedded store's journal
 * ({@link AccessLogJournal}), or PostgreSQL's table in group commits ({@link AccessLogGroupCommits}).
 */
interface AccessLogWriter {

    /**
     * Makes {@code entry} durable (its id and instant are the log's) and returns once it is.
     *
     * @throws AccessLogUnavailable when it cannot be written: the read is refused
     */
    void append(AccessLog.Entry entry);

    /** Returns once every entry appended so far can be found in the table. */
    void catchUp();

    /** Writes what is pending and stops. */
    void close() throws InterruptedException;

    /** The log cannot be written now, and why (words for the reader's 503). */
    final class AccessLogUnavailable extends RuntimeException {
        AccessLogUnavailable(String why, Throwable cause) {
            super(why, cause);
        }
    }
}
