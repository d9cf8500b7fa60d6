package org.celedger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;

/** Which failures close the H2 connection they happened on. */
class BrokenH2SessionEvictionTest {

    private final BrokenH2SessionEviction eviction = new BrokenH2SessionEviction();

    @Test
    void aStorageEngineFailureEvictsTheConnection() {
        // as H2 2.3.232 reported it from COMMIT under the benchmark's load
        SQLException commit = new SQLException(
                "General error: \"org.h2.mvstore.MVStoreException: Position 0 [2.3.232/6]\"; SQL statement:\nCOMMIT",
                "HY000", 50000, new MVStoreException(6, "Position 0 [2.3.232/6]"));
        assertThat(eviction.adjudicate(commit)).isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void ordinaryFailuresLeaveTheDecisionToThePool() {
        assertThat(eviction.adjudicate(new SQLException("Unique index or primary key violation", "23505", 23505)))
                .isEqualTo(Override.CONTINUE_EVICT);
        assertThat(eviction.adjudicate(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
                .isEqualTo(Override.CONTINUE_EVICT);
        assertThat(eviction.adjudicate(new SQLException("General error: out of disk", "HY000", 50000)))
                .isEqualTo(Override.CONTINUE_EVICT);
    }
}
