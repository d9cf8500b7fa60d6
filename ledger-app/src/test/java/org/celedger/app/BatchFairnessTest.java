package org.celedger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Batch work cannot starve other clients: the batch writers take turns between batches chunk by chunk, so a
 * small batch sent while a large one is being written is answered before it; past the batches the ledger
 * takes at once, a batch is answered 503 with Retry-After and nothing of it is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LEDGER_ADMIN_KEY=" + BatchFairnessTest.ADMIN, "ledger.batch.items-per-transaction=100",
                "ledger.batch.max-concurrent=2"})
class BatchFairnessTest {

    static final String ADMIN = "batch-fairness-admin-key";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> "target/test-data/fairness-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    static String registrations(String prefix, int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            items.append(i == 0 ? "" : ",").append("{\"type\":\"practitioner\",")
                    .append(Api.registration(prefix + i).substring(1));
        }
        return "{\"items\":[" + items + "]}";
    }

    /** Until the batch that registers {@code practitioner} has been admitted and its first chunk committed. */
    static void awaitWriting(Api api, String practitioner) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (api.get("/api/v1/practitioners/" + practitioner + "/history", ADMIN).status() != 200) {
            assertThat(System.nanoTime()).as("the batch of " + practitioner + " started").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aSmallBatchIsNotKeptWaitingBehindALargeOneAndOneTooManyIsRefusedWholly() throws Exception {
        Api api = new Api("http://127.0.0.1:" + port);
        String large = registrations("large-", 10_000);
        CompletableFuture<Long> largeDone = CompletableFuture.supplyAsync(() -> {
            assertThat(api.post("/api/v1/batches", ADMIN, large).body().path("accepted").asInt()).isEqualTo(10_000);
            return System.nanoTime();
        });
        awaitWriting(api, "large-0");
        assertThat(largeDone).as("the large batch is still being written").isNotDone();
        Api.Response small = api.post("/api/v1/batches", ADMIN, registrations("small-", 10));
        long smallDone = System.nanoTime();
        assertThat(small.body().path("accepted").asInt()).isEqualTo(10);
        assertThat(largeDone).as("the small batch was answered while the large one was still being written").isNotDone();

        // two batches in progress (the large one and this one): a third is refused before anything is written
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() ->
                api.post("/api/v1/batches", ADMIN, registrations("second-", 3_000)));
        awaitWriting(api, "second-0");
        Api.Response refused = api.post("/api/v1/batches", ADMIN, registrations("refused-", 5));
        assertThat(largeDone).as("still writing the large batch").isNotDone();
        assertThat(second).as("still writing the second batch").isNotDone();
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).contains("2");
        assertThat(api.get("/api/v1/practitioners/refused-0/history", ADMIN).status()).isEqualTo(404);
        assertThat(largeDone.get()).isGreaterThan(smallDone);
        assertThat(second.get().body().path("accepted").asInt()).isEqualTo(3_000);
    }
}
