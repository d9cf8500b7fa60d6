package org.celedger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** Event identifiers: UUIDs that grow with time (so the event table's index is appended to), and unique. */
class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsItThroughTheServiceFile() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        String id = GenericEventMessage.asEventMessage("a fact").getIdentifier();
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
    }

    @Test
    void identifiersAreVersion7UuidsOrderedByTheirMillisecond() {
        List<String> ids = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 2_000; millis += 7) {
            ids.add(TimeOrderedIdentifierFactory.next(millis).toString());
        }
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2); // RFC 9562
        }
        assertThat(ids).as("string order is creation order, as an index sees them").isSorted();
        assertThat(UUID.fromString(ids.get(0)).getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aMillionIdentifiersOfOneMillisecondAreAllDifferent() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            seen.add(TimeOrderedIdentifierFactory.next(1_700_000_000_000L));
        }
        assertThat(seen).hasSize(1_000_000);
    }
}
