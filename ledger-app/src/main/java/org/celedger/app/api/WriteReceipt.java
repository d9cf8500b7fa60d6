package org.celedger.app.api;

import org.celedger.domain.WriteOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to a write: ACCEPTED (201) recorded it now, DUPLICATE (200) found it already recorded. */
public record WriteReceipt(WriteOutcome status, String type, String id) {

    ResponseEntity<WriteReceipt> response() {
        return ResponseEntity.status(status == WriteOutcome.ACCEPTED ? HttpStatus.CREATED : HttpStatus.OK).body(this);
    }
}
