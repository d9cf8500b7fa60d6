package org.celedger.domain;

/**
 * The event-store stream of each kind of aggregate. Practitioners, training bases, inspection samples and API keys
 * each name their own ids, and one id string may name one of each: their streams are kept apart by a
 * prefix that no id can take ('/' is refused in ids), so registering a practitioner under a base's id no
 * longer blocks that base. Practitioners keep their plain id as their stream: most of the store is theirs,
 * and their streams were never shared.
 */
public final class Streams {

    public static final String BASE = "base/";
    public static final String SAMPLE = "sample/";
    public static final String KEY = "key/";

    private Streams() {
    }

    /** The stream of training base {@code baseId} (null for none, so that a command without one is refused as before). */
    public static String ofBase(String baseId) {
        return baseId == null ? null : BASE + baseId;
    }

    /** The stream of inspection sample {@code sampleId}. */
    public static String ofSample(String sampleId) {
        return sampleId == null ? null : SAMPLE + sampleId;
    }

    /** The stream of API key {@code keyId} (its issue, rotation and revocation). */
    public static String ofKey(String keyId) {
        return keyId == null ? null : KEY + keyId;
    }
}
