package org.celedger.app.consistency;

/**
 * Where a fact stands in the event store: {@code sequence} in its aggregate's stream (a practitioner's
 * facts are numbered from 0) and {@code position}, the event store's global index, which every node
 * reads the same (the tracking processors' tokens are positions too).
 */
public record StreamPosition(long sequence, long position) {
}
