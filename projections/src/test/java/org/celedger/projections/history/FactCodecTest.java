package org.celedger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.celedger.projections.history.ReadSide.profile;
import static org.celedger.projections.history.ReadSide.registeredWithFullYears;

import java.time.Instant;
import java.util.List;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.rules.RecordedFact;
import org.junit.jupiter.api.Test;

/** A view's stored facts decoded straight from their array give the facts as decoded one by one, up to a sequence. */
class FactCodecTest {

    private final FactCodec codec = new FactCodec(ReadSide.JSON);

    private List<StoredFact> stored() {
        // a registration with a name in Chinese, and two years' credits: sequences 0 to 4
        List<StoredFact> facts = new java.util.ArrayList<>();
        var events = registeredWithFullYears("p-1", profile("锡林郭勒盟", Gender.FEMALE, 1979), 2024, 2025);
        for (int i = 0; i < events.size(); i++) {
            facts.add(codec.encode(i, ReadSide.START.plusSeconds(i), events.get(i)));
        }
        return facts;
    }

    @Test
    void decodingThroughASequenceGivesExactlyTheFactsUpToIt() {
        List<StoredFact> facts = stored();
        byte[] encoded = CompactEncoding.facts(facts);

        List<RecordedFact> all = codec.decodeThrough(encoded, 4);
        List<RecordedFact> firstThree = codec.decodeThrough(encoded, 2);

        assertThat(all).isEqualTo(codec.decodeAll(facts));
        assertThat(firstThree).isEqualTo(codec.decodeAll(facts.subList(0, 3)));
        assertThat(all.get(0).recordedAt()).isEqualTo(ReadSide.START);
        assertThat(codec.decodeThrough(encoded, -1)).isEmpty();
    }

    @Test
    void anUnknownFactTypeIsNamedWithItsSequence() {
        byte[] encoded = CompactEncoding.facts(List.of(new StoredFact(3, Instant.EPOCH, "SomethingElse", "{}")));

        assertThatThrownBy(() -> codec.decodeThrough(encoded, 3)).hasMessageContaining("SomethingElse")
                .hasMessageContaining("sequence 3");
    }
}
