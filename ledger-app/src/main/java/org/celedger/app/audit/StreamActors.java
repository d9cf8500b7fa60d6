package org.celedger.app.audit;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who recorded each event of one stream, by the event's sequence (a stream's sequences run from 0 without gaps):
 * one array per stream, kept between requests by {@link AuditTrail}. A map of boxed sequences to actors was a
 * dozen objects per event, which G1 copied in its young pauses whenever reads had just filled the memory
 * (ops/README.md, issue 13, third stop). Read-only.
 */
final class StreamActors extends AbstractMap<Long, Actor> {

    static final StreamActors NONE = new StreamActors(new Actor[0]);

    /** Index: the sequence; null where the stream holds no event of that sequence. */
    private final Actor[] bySequence;

    private StreamActors(Actor[] bySequence) {
        this.bySequence = bySequence;
    }

    /** These actors, and {@code read} (actors of later sequences) after them, through sequence {@code last}. */
    StreamActors with(Map<Long, Actor> read, long last) {
        Actor[] all = Arrays.copyOf(bySequence, (int) Math.max(bySequence.length, last + 1));
        read.forEach((sequence, actor) -> all[Math.toIntExact(sequence)] = actor);
        return new StreamActors(all);
    }

    @Override
    public Actor get(Object key) {
        return key instanceof Long sequence && sequence >= 0 && sequence < bySequence.length
                ? bySequence[sequence.intValue()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<Long, Actor>> entrySet() {
        Set<Entry<Long, Actor>> entries = new LinkedHashSet<>();
        for (int sequence = 0; sequence < bySequence.length; sequence++) {
            if (bySequence[sequence] != null) {
                entries.add(new SimpleImmutableEntry<>((long) sequence, bySequence[sequence]));
            }
        }
        return entries;
    }
}
