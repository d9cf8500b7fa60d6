package org.celedger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.celedger.app.api.BatchController.ItemResult;
import org.celedger.app.api.BatchController.ItemStatus;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.app.web.Problems;
import org.celedger.app.write.LedgerWriter;
import org.celedger.domain.IdConflictException;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The batch writer: each item answered on its own and in order, chunks written in one transaction (again item by
 * item when their commit fails), a practitioner's items in their order.
 */
class BatchControllerTest {

    private static final ApiKey ADMIN = new ApiKey("fedcba9876543210", "admin", Set.of(Role.ADMIN), Set.of());
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final LedgerWriter writer = mock(LedgerWriter.class);
    private final StreamHeads positions = mock(StreamHeads.class);

    /** Two writers, two items per transaction. */
    private BatchController batches(TransactionManager transactions) {
        return new BatchController(writer, positions, new Problems(JSON), JSON, new SimpleMeterRegistry(),
                transactions, 2, 2, 64);
    }

    private static JsonNode credit(String practitionerId, String awardId) {
        return JSON.valueToTree(Map.of("type", "credit", "practitionerId", practitionerId, "awardId", awardId,
                "year", 2025, "category", "PUBLIC", "activity", "ONLINE_PLATFORM", "hours", 8,
                "approvedBy", "人社厅", "completedOn", "2025-03-10"));
    }

    private static String awardOf(Object command) {
        return ((AwardCreditCommand) command).awardId();
    }

    @Test
    void eachItemIsAnsweredInOrderAndABadItemStopsNoOther() {
        when(writer.write(any(), any(), any())).thenAnswer(call -> switch (awardOf(call.getArgument(2))) {
            case "a-2" -> WriteOutcome.DUPLICATE;
            case "a-3" -> throw new IdConflictException("awardId", "award a-3 was recorded with other content");
            default -> WriteOutcome.ACCEPTED;
        });
        when(positions.lastOf(anyCollection())).thenReturn(Map.of("p-1", new StreamPosition(4, 40),
                "p-2", new StreamPosition(1, 41)));
        List<JsonNode> items = List.of(credit("p-1", "a-1"), credit("p-2", "a-2"),
                JSON.valueToTree(Map.of("type", "gift")), credit("p-1", "a-3"));

        BatchController.BatchResult result = batches(NoTransactionManager.INSTANCE).post(ADMIN,
                new BatchController.Batch(items));

        assertThat(List.of(result.accepted(), result.duplicate(), result.rejected())).containsExactly(1, 1, 2);
        assertThat(result.results()).extracting(ItemResult::index, ItemResult::status, ItemResult::factId,
                        ItemResult::sequence, ItemResult::position)
                .containsExactly(
                        tuple(0, ItemStatus.ACCEPTED, "a-1", 4L, 40L),
                        tuple(1, ItemStatus.DUPLICATE, "a-2", 1L, 41L),
                        tuple(2, ItemStatus.INVALID, null, null, null),
                        tuple(3, ItemStatus.CONFLICT, null, null, null));
        assertThat(result.results().get(2).problem().getProperties()).containsEntry("index", 2)
                .containsEntry("field", "type");
    }

    @Test
    void aPractitionersItemsAreWrittenInTheirOrder() {
        when(writer.write(any(), any(), any())).thenReturn(WriteOutcome.ACCEPTED);
        when(positions.lastOf(anyCollection())).thenReturn(Map.of());
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(credit("p-1", "a-" + i));
            items.add(credit("p-" + (i + 2), "b-" + i));
        }

        batches(NoTransactionManager.INSTANCE).post(ADMIN, new BatchController.Batch(items));

        InOrder order = inOrder(writer);
        for (int i = 0; i < 7; i++) {
            String awardId = "a-" + i;
            order.verify(writer).write(eq(ADMIN), any(), argThat(c -> awardId.equals(awardOf(c))));
        }
        verify(writer, times(14)).write(any(), any(), any());
    }

    @Test
    void aChunkWhoseCommitFailsIsWrittenAgainItemByItem() {
        when(writer.write(any(), any(), any())).thenReturn(WriteOutcome.ACCEPTED);
        when(positions.lastOf(anyCollection())).thenReturn(Map.of());
        AtomicInteger commits = new AtomicInteger();
        TransactionManager failingOnce = () -> new Transaction() {
            @Override
            public void commit() {
                if (commits.incrementAndGet() == 1) {
                    throw new IllegalStateException("the disk is full");
                }
            }

            @Override
            public void rollback() {
            }
        };

        BatchController.BatchResult result = batches(failingOnce).post(ADMIN,
                new BatchController.Batch(List.of(credit("p-1", "a-1"), credit("p-1", "a-2"))));

        assertThat(result.accepted()).isEqualTo(2);
        verify(writer, times(4)).write(any(), any(), any());
    }

    @Test
    void aBatchHoldsAtMostTenThousandItems() {
        List<JsonNode> items = Collections.nCopies(BatchController.MAX_ITEMS + 1, credit("p-1", "a-1"));

        assertThatThrownBy(() -> batches(NoTransactionManager.INSTANCE).post(ADMIN, new BatchController.Batch(items)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("a batch holds at most 10000 items, not 10001"));
    }
}
