package org.celedger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actors of a stream by sequence, as AuditTrail keeps them between requests and RecordedBy looks them up. */
class StreamActorsTest {

    private static final Actor BASE = new Actor("key-base", "包头培训基地", List.of("TRAINING_BASE"), List.of("base-1"),
            "req-1", null);
    private static final Actor HR = new Actor("key-hr", "人社厅", List.of("HR_OFFICE"), List.of(), "req-2", null);

    @Test
    void eachSequenceFindsItsActorAndOnlyItsOwn() {
        StreamActors actors = StreamActors.NONE.with(Map.of(0L, BASE, 1L, HR, 3L, BASE), 3);

        assertThat(actors.get(0L)).isSameAs(BASE);
        assertThat(actors.get(1L)).isSameAs(HR);
        assertThat(actors.get(2L)).as("a sequence the stream holds no event of").isNull();
        assertThat(actors.get(3L)).isSameAs(BASE);
        assertThat(actors.get(4L)).as("past what was read").isNull();
        assertThat(actors.get(-1L)).isNull();
        assertThat(actors.get(1)).as("only sequences (longs) are keys").isNull();
        assertThat(actors).isEqualTo(Map.of(0L, BASE, 1L, HR, 3L, BASE));
    }

    @Test
    void laterEventsAreAddedWithoutChangingWhatWasRead() {
        StreamActors first = StreamActors.NONE.with(Map.of(0L, BASE, 1L, HR), 1);

        StreamActors later = first.with(Map.of(2L, HR), 2);

        assertThat(later).isEqualTo(Map.of(0L, BASE, 1L, HR, 2L, HR));
        assertThat(first).as("the memo's value is never changed in place").isEqualTo(Map.of(0L, BASE, 1L, HR));
    }
}
