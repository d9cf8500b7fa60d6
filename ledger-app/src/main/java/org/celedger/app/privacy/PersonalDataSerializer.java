package org.celedger.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer with personal data sealed (API.md "Personal data"): events are written as the JSON
 * serializer writes them, except that each personal field ({@link SealedFields}) is replaced by its value
 * encrypted under the practitioner's key ({@link PersonalDataKeys}), and read back opened. The aggregate, the
 * rule engine and the views keep seeing plain events; the event store, its backups and exports never hold a
 * name, resident ID number or birth date in the clear.
 *
 * <p>Once a practitioner's key is destroyed (erasure) their sealed fields read as null. A field stored in the
 * clear (written before this serializer, not yet sealed by {@link PersonalDataSealing}) reads as it is.
 */
public final class PersonalDataSerializer implements Serializer {

    private final Serializer json;
    private final ObjectMapper mapper;
    private final PersonalDataKeys keys;

    public PersonalDataSerializer(Serializer json, ObjectMapper mapper, PersonalDataKeys keys) {
        this.json = json;
        this.mapper = mapper;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !SealedFields.carriesPersonalData(object.getClass().getName())) {
            return json.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        seal(object.getClass().getName(), tree);
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
        return new SimpleSerializedObject<>(getConverter().convert(bytes, expectedRepresentation),
                expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (!SealedFields.carriesPersonalData(serialized.getType().getName())) {
            return json.deserialize(serialized);
        }
        JsonNode tree = getConverter().convert(serialized.getData(), serialized.getContentType(), JsonNode.class);
        if (tree instanceof ObjectNode object) {
            open(serialized.getType().getName(), object);
        }
        return json.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serialized.getType()));
    }

    /** Replaces every plain personal field of {@code payload} by its sealed value; sealed ones stay. True if any was plain. */
    boolean seal(String typeName, ObjectNode payload) {
        boolean sealedAny = false;
        for (SealedFields.Holder holder : SealedFields.in(typeName, payload)) {
            if (ResidentIdNumber.isValid(ResidentIdNumber.normalised(holder.practitionerId()))) {
                // A practitioner of a store written before, whose id is their number: the id discloses it anyway, and
                // sealing binds the id, which `ops rekey-practitioners` changes. Sealed once re-keyed (API.md).
                continue;
            }
            SecretKey key = null;
            for (String field : holder.fields()) {
                JsonNode value = holder.object().get(field);
                if (value == null || value.isNull() || value.isTextual() && FieldCipher.isSealed(value.asText())) {
                    continue;
                }
                if (key == null) {
                    key = keys.sealingKey(holder.practitionerId());
                }
                if (field.equals("birthDate") && value.isTextual() && value.asText().length() >= 7
                        && !holder.object().hasNonNull("birthYearMonth")) {
                    // written before the birth month was kept apart: it outlives an erasure (RULES.md §6.1)
                    holder.object().put("birthYearMonth", value.asText().substring(0, 7));
                }
                holder.object().put(field, FieldCipher.seal(key, context(holder.practitionerId(), field), value.toString()));
                sealedAny = true;
            }
        }
        return sealedAny;
    }

    /** Replaces every sealed field of {@code payload} by its value, or by null once its key was destroyed. */
    void open(String typeName, ObjectNode payload) {
        for (SealedFields.Holder holder : SealedFields.in(typeName, payload)) {
            Optional<SecretKey> key = null;
            for (String field : holder.fields()) {
                JsonNode value = holder.object().get(field);
                if (value == null || !value.isTextual() || !FieldCipher.isSealed(value.asText())) {
                    continue;
                }
                if (key == null) {
                    key = keys.openingKey(holder.practitionerId());
                }
                holder.object().set(field, key.map(k -> opened(k, holder.practitionerId(), field, value.asText()))
                        .orElse(NullNode.getInstance()));
            }
        }
    }

    private JsonNode opened(SecretKey key, String practitionerId, String field, String sealed) {
        try {
            return mapper.readTree(FieldCipher.open(key, context(practitionerId, field), sealed));
        } catch (AEADBadTagException e) {
            // Sealed for another practitioner or field, or altered: never shown as if it were this one's.
            throw new IllegalStateException("a sealed personal field of a stored event does not open with its"
                    + " practitioner's key (field " + field + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed personal field holds no JSON value (field " + field + ")", e);
        }
    }

    private static String context(String practitionerId, String field) {
        return practitionerId + '\u0000' + field;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
