package org.celedger.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;

/**
 * Where personal data sits in the stored JSON of each event that carries it (API.md "Personal data"), and
 * whose it is: the profile's name, resident ID number and birth date, and a roster row's name. No other event
 * carries any; a new event that does is added here, and {@code SealedFieldsTest} fails until it is.
 */
final class SealedFields {

    /** The fields of a profile (or of profile changes) that are sealed. */
    static final List<String> PROFILE = List.of("name", "idNumber", "birthDate");
    /** The field of a roster row that is sealed. */
    static final List<String> ROSTER_ROW = List.of("name");

    /** One object of an event's JSON holding sealed fields, and the practitioner they belong to. */
    record Holder(ObjectNode object, String practitionerId, List<String> fields) {
    }

    private interface Finder {
        void find(ObjectNode payload, List<Holder> into);
    }

    private static final Map<String, Finder> BY_TYPE = Map.of(
            PractitionerRegistered.class.getName(), (p, into) -> profile(p, "profile", into),
            PractitionerProfileCorrected.class.getName(), (p, into) -> {
                profile(p, "changes", into);
                profile(p, "previous", into);
            },
            RosterSubmitted.class.getName(), (p, into) -> {
                for (JsonNode row : p.path("newEntries")) {
                    if (row instanceof ObjectNode o && o.path("practitionerId").isTextual()) {
                        into.add(new Holder(o, o.get("practitionerId").asText(), ROSTER_ROW));
                    }
                }
            });

    private SealedFields() {
    }

    /** True if events of this stored type name carry personal data. */
    static boolean carriesPersonalData(String typeName) {
        return BY_TYPE.containsKey(typeName);
    }

    /** The objects of {@code payload} (an event of {@code typeName}) that hold personal data. */
    static List<Holder> in(String typeName, ObjectNode payload) {
        List<Holder> holders = new ArrayList<>();
        Finder finder = BY_TYPE.get(typeName);
        if (finder != null) {
            finder.find(payload, holders);
        }
        return holders;
    }

    private static void profile(ObjectNode payload, String field, List<Holder> into) {
        if (payload.path(field) instanceof ObjectNode o && payload.path("practitionerId").isTextual()) {
            into.add(new Holder(o, payload.get("practitionerId").asText(), PROFILE));
        }
    }
}
