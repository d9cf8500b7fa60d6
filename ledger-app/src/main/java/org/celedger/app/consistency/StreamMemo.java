package org.celedger.app.consistency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a read derived from a stream's events up to a sequence, kept in memory so that the next read of the same
 * stream at the same sequence (or, for what never changes, below it) need not derive it again. Events are never
 * changed once stored, so a value is true for as long as its sequence is the one asked for: a new event raises the
 * stream's head, and the reader then derives anew. Correct with any number of nodes, since the reader compares
 * with the head it was given (StreamHeads), not with anything this memo knows.
 *
 * <p>Bounded: when full it starts again, as StreamHeads does, so its memory is at most {@code maxStreams} values.
 */
public final class StreamMemo<V> {

    /** A value and the last sequence it includes. */
    public record Memo<V>(long through, V value) {
    }

    private final int maxStreams;
    private final Map<String, Memo<V>> memos = new ConcurrentHashMap<>();

    public StreamMemo(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /** The value derived from {@code stream} through the highest sequence known here, or null. */
    public Memo<V> get(String stream) {
        return memos.get(stream);
    }

    /** The value derived from {@code stream} through exactly {@code sequence}, or null. */
    public V at(String stream, long sequence) {
        Memo<V> memo = memos.get(stream);
        return memo != null && memo.through() == sequence ? memo.value() : null;
    }

    /** Keeps {@code value}, derived through {@code sequence}, unless a value through a later sequence is kept. */
    public void put(String stream, long sequence, V value) {
        if (memos.size() >= maxStreams) {
            memos.clear();
        }
        memos.merge(stream, new Memo<>(sequence, value), (old, now) -> now.through() >= old.through() ? now : old);
    }

    /** Forgets {@code stream} (its events were rewritten in place, as personal data sealing does). */
    public void forget(String stream) {
        memos.remove(stream);
    }
}
