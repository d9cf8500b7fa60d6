package org.celedger.app.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.celedger.app.audit.RequestIds;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.app.security.ApiKey;
import org.celedger.app.web.ApiException;
import org.celedger.app.web.Problems;
import org.celedger.app.write.LedgerWriter;
import org.celedger.domain.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/batches}: many writes in one request, each item answered on its own and in
 * order. An item is parsed and checked exactly as its single write would be; one bad item never
 * stops the others, and a retried batch doubles nothing because every item carries its own id.
 */
@RestController
@Tag(name = "writes")
public class BatchController {

    private static final Logger log = LoggerFactory.getLogger(BatchController.class);

    /** Large enough for a roster or a day's platform export; larger loads are split by the integrator. */
    static final int MAX_ITEMS = 10_000;

    private final LedgerWriter writer;
    private final StreamHeads positions;
    private final Problems problems;
    private final ObjectMapper json;

    private final DistributionSummary batchSizes;
    private final Executor lanesExecutor;
    private final TransactionManager transactions;
    private final int parallelism;
    private final int chunk;
    /** Batches in progress at most; past it a batch is answered 503 with Retry-After before anything is written. */
    private final int maxConcurrent;
    /** A chunk of another batch takes well under a second; two leave room for several. */
    private static final int BUSY_RETRY_AFTER_SECONDS = 2;
    private final java.util.concurrent.Semaphore admitted;

    public BatchController(LedgerWriter writer, StreamHeads positions, Problems problems, ObjectMapper json,
                           MeterRegistry metrics,
                           TransactionManager transactions,
                           @Value("${ledger.batch.parallelism:1}") int parallelism,
                           @Value("${ledger.batch.items-per-transaction:500}") int chunk,
                           @Value("${ledger.batch.max-concurrent:64}") int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
        this.admitted = new java.util.concurrent.Semaphore(maxConcurrent);
        this.transactions = transactions;
        this.positions = positions;
        this.parallelism = parallelism;
        this.chunk = chunk;
        this.lanesExecutor = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "batch-lane");
            t.setDaemon(true);
            return t;
        });
        this.writer = writer;
        this.problems = problems;
        this.json = json;
        // Buckets for the dashboard's batch-size quantiles, up to the 10,000 items a batch holds: dense enough
        // around the usual sizes (hundreds to a few thousand) that the quantiles interpolated between bounds
        // stay near the sizes sent.
        this.batchSizes = DistributionSummary.builder("ledger.batch.items").description("items per batch request")
                .serviceLevelObjectives(1, 10, 50, 100, 250, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500, 10_000)
                .register(metrics);
    }

    public record Batch(List<JsonNode> items) {
    }

    public enum ItemStatus { ACCEPTED, DUPLICATE, CONFLICT, INVALID, NOT_FOUND, FORBIDDEN, FAILED }

    /**
     * One item's answer. For ACCEPTED and DUPLICATE, {@code sequence} and {@code position} say where its
     * practitioner's stream stands once the item is committed (as a single write's answer does).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, ItemStatus status, ProblemDetail problem, String factId, Long sequence,
                             Long position, @JsonIgnore String aggregateId) {

        boolean recorded() {
            return status == ItemStatus.ACCEPTED || status == ItemStatus.DUPLICATE;
        }

        ItemResult located(StreamPosition at) {
            return at == null ? this : new ItemResult(index, status, problem, factId, at.sequence(), at.position(),
                    aggregateId);
        }
    }

    public record BatchResult(int accepted, int duplicate, int rejected, List<ItemResult> results) {
    }

    @PostMapping("/api/v1/batches")
    @Operation(summary = "Post many writes; one result per item, in order",
            description = "items: {\"type\": practitioner | profile-correction | credit | credit-revocation | "
                    + "credit-reassignment | conversion | conversion-revocation | exemption | exemption-revocation | "
                    + "transfer, \"practitionerId\": …, …the body of the single write}; revocations and "
                    + "reassignments also name awardId, conversionId or exemptionId")
    public BatchResult post(@AuthenticationPrincipal ApiKey caller, @RequestBody Batch batch) {
        if (batch.items() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid batch", "items", "items is required");
        }
        if (batch.items().size() > MAX_ITEMS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Batch too large", "items",
                    "a batch holds at most " + MAX_ITEMS + " items, not " + batch.items().size());
        }
        batchSizes.record(batch.items().size());
        List<JsonNode> items = batch.items();
        String requestId = RequestIds.current();
        ItemResult[] results = new ItemResult[items.size()];
        // Items of different practitioners are independent: they are spread over the workers, and the
        // items of one practitioner go to one worker, in their order, so a revocation never overtakes its award.
        List<List<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < parallelism; w++) {
            workers.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            workers.get(Math.floorMod(laneOf(items.get(i)).hashCode(), parallelism)).add(i);
        }
        if (!admitted.tryAcquire()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Too many batches at once", "items",
                    "The ledger is writing " + maxConcurrent + " batches already; nothing of this one was written. "
                            + "Send it again after Retry-After.").retryAfter(BUSY_RETRY_AFTER_SECONDS);
        }
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>(parallelism);
            for (List<Integer> worker : workers) {
                if (!worker.isEmpty()) {
                    // One chunk at a time, each queued behind the chunks other batches queued meanwhile: the
                    // writers take turns between batches, so a large batch never holds them while others wait.
                    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                    for (int from = 0; from < worker.size(); from += chunk) {
                        List<Integer> part = worker.subList(from, Math.min(worker.size(), from + chunk));
                        chain = chain.thenRunAsync(() -> writeChunk(caller, requestId, items, part, results), lanesExecutor);
                    }
                    running.add(chain);
                }
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } finally {
            admitted.release();
        }
        int accepted = 0;
        int duplicate = 0;
        for (ItemResult result : results) {
            if (result.status() == ItemStatus.ACCEPTED) {
                accepted++;
            } else if (result.status() == ItemStatus.DUPLICATE) {
                duplicate++;
            }
        }
        return new BatchResult(accepted, duplicate, results.length - accepted - duplicate, List.of(results));
    }

    /**
     * Writes a chunk of items in one transaction: each command runs in a unit of work nested in one
     * root, whose commit appends all their events at once (one commit instead of one per item is what
     * makes batches fast on an embedded store). An item refused by its aggregate is answered and left
     * out. If the commit fails, nothing of the chunk was stored, and each item is written again on its
     * own; no item is acknowledged unless it is committed.
     */
    private void writeChunk(ApiKey caller, String requestId, List<JsonNode> items, List<Integer> chunk,
                            ItemResult[] results) {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        root.attachTransaction(transactions);
        try {
            for (int i : chunk) {
                results[i] = write(caller, requestId, i, items.get(i));
            }
            root.commit();
            if (writer.sharedEventStore()) {
                // The chunk's root held the aggregates it loaded, possibly behind another node's writes:
                // what they refused is asked again on its own, where a refusal is re-checked on fresh state.
                for (int i : chunk) {
                    if (results[i].status() != ItemStatus.ACCEPTED && results[i].status() != ItemStatus.DUPLICATE) {
                        results[i] = write(caller, requestId, i, items.get(i));
                    }
                }
            }
        } catch (RuntimeException commitFailed) {
            log.warn("A batch chunk of {} items failed to commit; writing them one by one", chunk.size(), commitFailed);
            if (root.isActive()) {
                root.rollback(commitFailed);
            }
            for (int i : chunk) {
                results[i] = write(caller, requestId, i, items.get(i));
            }
        }
        locate(chunk, results);
    }

    /** Adds to each committed item of {@code chunk} where its practitioner's stream stands: one query per chunk. */
    private void locate(List<Integer> chunk, ItemResult[] results) {
        List<String> ids = chunk.stream().filter(i -> results[i].recorded()).map(i -> results[i].aggregateId()).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, StreamPosition> at = positions.lastOf(ids);
        for (int i : chunk) {
            if (results[i].recorded()) {
                results[i] = results[i].located(at.get(results[i].aggregateId()));
            }
        }
    }

    /** The practitioner an item writes to (registrations name it as {@code id}); unreadable items get a lane of their own. */
    private static String laneOf(JsonNode item) {
        JsonNode practitioner = item.path("practitionerId");
        if (!practitioner.isTextual()) {
            practitioner = item.path("id");
        }
        return practitioner.isTextual() ? "p:" + practitioner.asText() : "item:" + System.identityHashCode(item);
    }

    private ItemResult write(ApiKey caller, String requestId, int index, JsonNode item) {
        try {
            Item read = command(item);
            WriteOutcome outcome = writer.write(caller, requestId, read.command());
            return new ItemResult(index, outcome == WriteOutcome.ACCEPTED ? ItemStatus.ACCEPTED : ItemStatus.DUPLICATE,
                    null, read.factId(), null, null, LedgerWriter.aggregateOf(read.command()));
        } catch (Exception e) {
            ProblemDetail problem = problems.of(e);
            problem.setProperty("index", index);
            return new ItemResult(index, statusOf(problem), problem, null, null, null, null);
        }
    }

    /** An item read: the command it asks for and the id of the fact it records. */
    private record Item(Object command, String factId) {
    }

    private Item command(JsonNode item) throws Exception {
        if (!(item instanceof ObjectNode node)) {
            throw invalid("type", "an item is an object with a type");
        }
        ObjectNode body = node.deepCopy();
        JsonNode typeNode = body.remove("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw invalid("type", "type is required: one of " + WriteKind.types());
        }
        WriteKind kind = WriteKind.ofType(typeNode.asText())
                .orElseThrow(() -> invalid("type", "type must be one of " + WriteKind.types() + ", not " + typeNode.asText()));
        String practitionerId;
        if (kind == WriteKind.PRACTITIONER) {
            JsonNode given = body.remove("practitionerId");
            if (given != null && !body.hasNonNull("id")) {
                body.set("id", given);
            }
            practitionerId = body.path("id").asText(null);
        } else {
            practitionerId = text(body.remove("practitionerId"), "practitionerId");
        }
        String factId = kind.factIdField() == null ? null : text(body.remove(kind.factIdField()), kind.factIdField());
        WriteRequests.WriteRequest request = json.treeToValue(body, kind.body());
        return new Item(kind.command(practitionerId, factId, request), kind.factId(factId, request));
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw invalid(field, field + " is required");
        }
        return node.asText();
    }

    private static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid item", field, detail);
    }

    private static ItemStatus statusOf(ProblemDetail problem) {
        return switch (problem.getStatus()) {
            case 409 -> ItemStatus.CONFLICT;
            case 404 -> ItemStatus.NOT_FOUND;
            case 403 -> ItemStatus.FORBIDDEN;
            case 400, 422 -> ItemStatus.INVALID;
            default -> ItemStatus.FAILED;
        };
    }
}
