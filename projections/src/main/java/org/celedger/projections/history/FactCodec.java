package org.celedger.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Instant;
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
        this.readers = TYPES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> json.readerFor(e.getValue())));
    }

    public StoredFact encode(long sequence, Instant recordedAt, PractitionerEvent event) {
        try {
            return new StoredFact(sequence, recordedAt, event.getClass().getSimpleName(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event, e);
        }
    }

    public RecordedFact decode(StoredFact fact) {
        ObjectReader reader = readers.get(fact.type());
        if (reader == null) {
            throw new IllegalStateException("unknown fact type " + fact.type() + " at sequence " + fact.sequence());
        }
        try {
            return new RecordedFact(fact.sequence(), fact.recordedAt(), reader.readValue(fact.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode " + fact.type() + " at sequence " + fact.sequence(), e);
        }
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
