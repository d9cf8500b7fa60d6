package org.celedger.projections.history;

import java.time.Instant;

/**
 * One event of a practitioner in compact form: its sequence in the practitioner's stream, the
 * instant it was recorded, its type and its payload as JSON. Facts are keyed by sequence, so
 * storing the same fact twice (a re-delivery, a rebuild running beside the live projection) is a no-op.
 */
public record StoredFact(long sequence, Instant recordedAt, String type, String payload) {
}
