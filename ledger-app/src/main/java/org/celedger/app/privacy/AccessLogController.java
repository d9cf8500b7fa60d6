package org.celedger.app.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.celedger.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/access-log} (ADMIN): who read a practitioner's personal data, or what a key read. */
@RestController
@Tag(name = "personal data")
public class AccessLogController {

    private final AccessLog log;

    public AccessLogController(AccessLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/access-log")
    @Operation(summary = "Reads of personal data, oldest first, a page at a time; this read is logged too")
    public AccessLog.Page accessLog(@RequestParam(required = false) String practitionerId,
                                    @Parameter(description = "a key's id (key-…)") @RequestParam(required = false) String keyId,
                                    @Parameter(description = "the last of the previous page") @RequestParam(defaultValue = "0") long after,
                                    @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > AccessLog.MAX_PAGE) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "limit",
                    "limit is 1 to " + AccessLog.MAX_PAGE);
        }
        if (after < 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "after", "after is an entry id from 0");
        }
        return log.find(practitionerId, keyId, after, limit);
    }
}
