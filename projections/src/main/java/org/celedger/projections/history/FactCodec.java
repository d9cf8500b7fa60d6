package org.celedger.projections.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.celedger.domain.practitioner.*;
import org.celedger.domain.rules.RecordedFact;

/** Turns practitioner events into {@link StoredFact}s and back, with the same JSON as the event store. */
public final class FactCodec {

    private static final Map<String, Class<? extends PractitionerEvent>> TYPES = Stream.of(
                    PractitionerRegistered.class, PractitionerProfileCorrected.class, CreditAwarded.class,
                    CreditRevoked.class, CreditReassigned.class, QualificationExamPassed.class,
                    TitleLanguageExamPassed.class, ComputerExamPassed.class, LecturingDelivered.class,
                    StudyTourCompleted.class, DegreeCompleted.class, ConversionRevoked.class, ExemptionGranted.class,
                    ExemptionRevoked.class, PractitionerTransferred.class, EligibilityCertified.class,
                    PersonalDataErased.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json;
    /** A reader per fact type, made once: {@code readValue} looks the type's deserializer up on every call. */
    private final Map<String, ObjectReader> readers;

    public FactCodec(ObjectMapper json) {
        this.json = json;
        // Facts are read back only as this codec wrote them: the API's check for duplicate keys (a set per object
        // parsed) was a twentieth of what a decision allocated, and finds nothing here.
        this.readers = TYPES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> json.readerFor(e.getValue())
                        .without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)));
    }

    public StoredFact encode(long sequence, Instant recordedAt, PractitionerEvent event) {
        try {
            return new StoredFact(sequence, recordedAt, event.getClass().getSimpleName(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event, e);
        }
    }

    public RecordedFact decode(StoredFact fact) {
        try {
            return new RecordedFact(fact.sequence(), fact.recordedAt(),
                    reader(fact.type(), fact.sequence()).readValue(fact.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode " + fact.type() + " at sequence " + fact.sequence(), e);
        }
    }

    /**
     * The facts up to {@code sequence} of a view's stored facts ({@link PractitionerViewStore.ViewFacts#encoded()}),
     * decoded straight from the array.
     */
    public List<RecordedFact> decodeThrough(byte[] encoded, long sequence) {
        List<RecordedFact> facts = new ArrayList<>();
        CompactEncoding.forEachFact(encoded, (factSequence, recordedAt, type, bytes, offset, length) -> {
            if (factSequence <= sequence) {
                try {
                    facts.add(new RecordedFact(factSequence, recordedAt,
                            reader(type, factSequence).readValue(bytes, offset, length)));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot decode " + type + " at sequence " + factSequence, e);
                }
            }
        });
        return facts;
    }

    private ObjectReader reader(String type, long sequence) {
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            throw new IllegalStateException("unknown fact type " + type + " at sequence " + sequence);
        }
        return reader;
    }

    /**
     * {@code fact} as it reads after its practitioner's personal data was erased: a registration or profile
     * correction without name, ID number and birth date; any other fact as it is.
     */
    public StoredFact withoutPersonalData(StoredFact fact) {
        PractitionerEvent event = decode(fact).event();
        PractitionerEvent scrubbed = event instanceof PractitionerRegistered r
                ? new PractitionerRegistered(r.practitionerId(), r.profile().withoutPersonalData())
                : event instanceof PractitionerProfileCorrected c ? c.withoutPersonalData() : event;
        return scrubbed == event ? fact : encode(fact.sequence(), fact.recordedAt(), scrubbed);
    }

    public List<RecordedFact> decodeAll(List<StoredFact> facts) {
        return facts.stream().map(this::decode).toList();
    }
}
