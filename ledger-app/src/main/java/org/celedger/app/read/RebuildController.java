package org.celedger.app.read;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.celedger.app.web.ApiException;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.rebuild.ProjectionRebuild;
import org.celedger.projections.rebuild.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators (ADMIN): rebuild a projection after a rule-set file was added or changed. The old view is
 * served until the new one is complete; progress is here and in the metrics {@code ledger.rebuild.*}.
 */
@RestController
@Tag(name = "operations")
public class RebuildController {

    private final ProjectionRebuild rebuild;

    public RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    public record RebuildRequest(String projection) {
    }

    @PostMapping("/api/v1/admin/rebuilds")
    @Operation(summary = "Start rebuilding a projection under the rule sets as they are now")
    public ResponseEntity<RebuildStatus> start(@RequestBody RebuildRequest request) {
        if (!PractitionerViewStore.PROJECTION.equals(request.projection())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown projection", "projection",
                    "projection must be " + PractitionerViewStore.PROJECTION);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/api/v1/admin/rebuilds/current")
    @Operation(summary = "The running or last rebuild and its progress")
    public RebuildStatus current() {
        RebuildStatus status = rebuild.status();
        if (status == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No rebuild", null, "No rebuild has run on this node.");
        }
        return status;
    }
}
