package org.celedger.app.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit on H2's own store, as the embedded event store uses it: a change is in the file once
 * {@link GroupCommit#awaitStored()} returns, whichever thread stored it, and a crash just after loses nothing.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    private MVStore open(Path file) {
        // nothing is stored in the background: what is in the file is what the group commit stored
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setVersionsToKeep(0);
        return store;
    }

    /** A store in {@code file} with its group commit, and the map the tests write their events to. */
    private record Grouped(Path file, MVStore store, GroupCommit commits, MVMap<Integer, String> events) {
    }

    private Grouped openGrouped(String name) {
        Path file = dir.resolve(name);
        MVStore store = open(file);
        return new Grouped(file, store, new GroupCommit(store), store.openMap("events"));
    }

    @Test
    void everyCommitIsInTheFileWhenItsWaitReturnsAndNoCommitCostsMoreThanOneStore() throws Exception {
        Grouped grouped = openGrouped("events.mv.db");
        MVStore store = grouped.store();
        GroupCommit commits = grouped.commits();
        MVMap<Integer, String> map = grouped.events();
        int threads = 8;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    int key = thread * each + i;
                    map.put(key, "event " + key);
                    long version = store.getCurrentVersion();
                    commits.awaitStored();
                    // the version the change was made in has been written as a chunk
                    assertTrue(store.getFileStore().lastChunkVersion() >= version,
                            "key " + key + " made in version " + version + " but the file holds only "
                                    + store.getFileStore().lastChunkVersion());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(threads * each, commits.commits());
        assertTrue(commits.stores() >= 1 && commits.stores() <= commits.commits(),
                commits.stores() + " stores for " + commits.commits() + " commits");

        store.closeImmediately(); // as kill -9: nothing more is stored
        MVStore reopened = open(grouped.file());
        MVMap<Integer, String> after = reopened.openMap("events");
        assertEquals(threads * each, after.size());
        for (int key = 0; key < threads * each; key++) {
            assertEquals("event " + key, after.get(key));
        }
        reopened.close();
    }

    @Test
    void aCommitWhoseStoreFailsIsToldSo() {
        Grouped grouped = openGrouped("failing.mv.db");
        grouped.events().put(1, "event 1");
        grouped.store().closeImmediately();
        SQLException refused = assertThrows(SQLException.class, grouped.commits()::awaitStored);
        assertEquals("The commit could not be stored in the event store's file", refused.getMessage());
    }

    @Test
    void closingServesWhatWasCommittedAndRefusesWhatComesAfter() throws Exception {
        Grouped grouped = openGrouped("closing.mv.db");
        grouped.events().put(1, "event 1");
        grouped.commits().awaitStored();
        grouped.commits().close();
        grouped.events().put(2, "event 2");
        assertThrows(SQLTransientException.class, grouped.commits()::awaitStored);
        grouped.store().closeImmediately();
        MVStore reopened = open(grouped.file());
        assertEquals("event 1", reopened.<Integer, String>openMap("events").get(1));
        reopened.close();
    }
}
