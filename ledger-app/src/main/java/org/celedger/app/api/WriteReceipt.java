package org.celedger.app.api;

import org.celedger.app.consistency.ReadConsistency;
import org.celedger.app.write.LedgerWriter;
import org.celedger.domain.WriteOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a write: ACCEPTED (201) recorded it now, DUPLICATE (200) found it already recorded.
 * {@code id} is the practitioner's (or base's) id, {@code factId} the id of the fact the write recorded.
 * {@code sequence} and {@code position} say where the aggregate {@code id} stands once the write is
 * committed (its fact included): a read of that practitioner includes it at once on any node, and a read
 * of a whole view includes it when asked to wait for {@code position}. Also in the headers
 * {@code Ledger-Sequence} and {@code Ledger-Position}.
 */
public record WriteReceipt(WriteOutcome status, String type, String id, String factId, long sequence, long position) {

    static WriteReceipt of(LedgerWriter.Recorded recorded, String type, String id, String factId) {
        return new WriteReceipt(recorded.outcome(), type, id, factId, recorded.position().sequence(),
                recorded.position().position());
    }

    ResponseEntity<WriteReceipt> response() {
        return ResponseEntity.status(status == WriteOutcome.ACCEPTED ? HttpStatus.CREATED : HttpStatus.OK)
                .header(ReadConsistency.SEQUENCE_HEADER, String.valueOf(sequence))
                .header(ReadConsistency.POSITION_HEADER, String.valueOf(position))
                .body(this);
    }
}
