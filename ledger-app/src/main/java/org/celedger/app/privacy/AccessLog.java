package org.celedger.app.privacy;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.celedger.app.config.LedgerProperties;
import org.celedger.app.metrics.RequestWaits;
import org.celedger.app.web.ApiException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The log of who looked (PIPL records of processing; API.md "Personal data"): every read of a
 * practitioner's personal data, appended before the data is answered, and never changed or removed
 * (the ledger has no statement that updates or deletes it). It lives in the event-store database, the
 * ledger's durable store, beside the facts ({@link AccessLogTable}). Each entry is made durable before its read is
 * answered ({@link AccessLogWriter}): on the embedded store by the reader appending it to a journal file, moved
 * into the table within a tenth of a second ({@link AccessLogJournal}); on PostgreSQL by group commits
 * ({@link AccessLogGroupCommits}). When the log cannot be written the read is refused (503): data is never shown
 * unlogged.
 */
@Component
public class AccessLog implements DisposableBean {

    /** Entries one request's page holds at most. */
    public static final int MAX_PAGE = 1_000;
    static final int MAX_PURPOSE = 200;

    /** One read: who, when, which practitioner (null for a population read), what, and why. */
    public record Entry(long id, Instant at, String keyId, String keyName, String practitionerId, String method,
                        String endpoint, String purpose, String requestId) {
    }

    /** A page of the log, oldest first; ask again with {@code after = last} until {@code complete}. */
    public record Page(List<Entry> entries, long last, boolean complete) {
    }

    private final AccessLogTable table;
    private final AccessLogWriter writer;

    public AccessLog(DataSource dataSource, LedgerProperties properties) {
        this.table = new AccessLogTable(dataSource);
        this.writer = properties.eventStore().embedded()
                ? new AccessLogJournal(properties.dataDir(), table)
                : new AccessLogGroupCommits(table);
    }

    /** Appends {@code entry} (its id and instant are the log's) and returns once it is durable. */
    public void record(Entry entry) {
        long start = System.nanoTime();
        try {
            writer.append(entry);
        } catch (AccessLogWriter.AccessLogUnavailable e) {
            throw unavailable(e.getMessage());
        } finally {
            RequestWaits.add(RequestWaits.Kind.ACCESS_LOG, System.nanoTime() - start);
        }
    }

    private static ApiException unavailable(String why) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Access log unavailable", null,
                "Personal data is answered only once its reading is logged, and the log is unavailable (" + why
                        + "). Retry shortly.").retryAfter(1);
    }

    /** Entries about a practitioner and/or by a key (either may be null: all), after {@code after}, oldest first. */
    public Page find(String practitionerId, String keyId, long after, int limit) {
        try {
            writer.catchUp(); // a read of the log finds every entry appended before it, its own included
        } catch (RuntimeException e) {
            throw unavailable("its latest entries could not be moved to where they are found");
        }
        return table.find(practitionerId, keyId, after, limit);
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }
}
