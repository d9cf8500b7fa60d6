package org.celedger.app.axon;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to close an H2 connection whose statement failed inside H2's storage engine
 * (an {@code MVStoreException}, H2's "General error" 50000), instead of handing it out again.
 *
 * <p>Why: under the benchmark's load H2 2.3.232 now and then failed a {@code COMMIT} with {@code MVStoreException:
 * Position 0} (a race in its page store; h2database PR #4374 fixes one such race after 2.4.240). Once the commit
 * had in fact taken effect; the batch redid its items, which were answered as the repeats they were. But the
 * session kept its broken transaction open, and the heap then held about 5 GB more for minutes (H2 keeps the
 * page versions an open transaction may still read). Closing the session ends that transaction.
 */
public final class BrokenH2SessionEviction implements SQLExceptionOverride {

    private static final int H2_GENERAL_ERROR = 50000;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_GENERAL_ERROR
                    && String.valueOf(sql.getMessage()).contains("MVStoreException")) {
                return Override.MUST_EVICT;
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
