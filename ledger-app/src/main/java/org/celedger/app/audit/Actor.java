package org.celedger.app.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.messaging.MetaData;
import org.celedger.app.security.ApiKey;

/**
 * Who recorded a fact: the API key (its id, never its secret, its name, its roles and the bases it is
 * limited to) and the request that carried it. Stored as event metadata, not in the fact itself: the fact
 * says what happened, the metadata who said so. Events recorded before actors were kept read as
 * {@link #UNKNOWN}. {@code via}: the process that wrote the fact on the actor's behalf (a roster's
 * credits are written by the roster-credits process for the key that filed the roster).
 */
public record Actor(String keyId, String name, List<String> roles, List<String> bases, String requestId, String via) {

    public static final Actor UNKNOWN = new Actor("unknown", null, List.of(), List.of(), null, null);

    static final String KEY_ID = "actor.keyId";
    static final String NAME = "actor.name";
    static final String ROLES = "actor.roles";
    static final String BASES = "actor.bases";
    static final String REQUEST_ID = "actor.requestId";
    static final String VIA = "actor.via";

    /** The metadata keys an event takes from the command that caused it. */
    static final String[] KEYS = {KEY_ID, NAME, ROLES, BASES, REQUEST_ID, VIA};

    public static Actor of(ApiKey key, String requestId) {
        return new Actor(key.id(), key.name(), key.roles().stream().map(Enum::name).sorted().toList(),
                List.copyOf(new TreeSet<>(key.baseIds())), requestId, null);
    }

    /** The actor recorded in an event's metadata, or {@link #UNKNOWN}. */
    public static Actor of(MetaData metaData) {
        Object keyId = metaData.get(KEY_ID);
        if (keyId == null) {
            return UNKNOWN;
        }
        return new Actor(keyId.toString(), text(metaData.get(NAME)), list(metaData.get(ROLES)),
                list(metaData.get(BASES)), text(metaData.get(REQUEST_ID)), text(metaData.get(VIA)));
    }

    public Map<String, Object> asMetaData() {
        Map<String, Object> m = new HashMap<>();
        m.put(KEY_ID, keyId);
        m.put(NAME, name);
        m.put(ROLES, String.join(",", roles));
        m.put(BASES, String.join(",", bases));
        if (requestId != null) {
            m.put(REQUEST_ID, requestId);
        }
        return m;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> list(Object value) {
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString().split(","));
    }
}
