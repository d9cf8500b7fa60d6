package org.celedger.domain.base;

/**
 * A session across bases: session ids are chosen by each base, so only the pair names a session.
 * Written {@code baseId + "/" + sessionId}, the string the sampler hashes and breaks ties on.
 */
public record SessionKey(String baseId, String sessionId) implements Comparable<SessionKey> {

    @Override
    public String toString() {
        return baseId + "/" + sessionId;
    }

    @Override
    public int compareTo(SessionKey other) {
        return toString().compareTo(other.toString());
    }
}
