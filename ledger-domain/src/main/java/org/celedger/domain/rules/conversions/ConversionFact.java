package org.celedger.domain.rules.conversions;

import org.celedger.domain.rules.RecordedFact;

/** A conversion fact ({@code ConversionRecorded}) with the fact that revoked it, if any. */
public record ConversionFact(RecordedFact fact, RecordedFact revokedBy) {
}
