package org.celedger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command end to end on a small population: it starts the packaged ledger, runs every phase
 * and writes a complete report. What it measures is printed, never asserted (speed is not a test's
 * business); this checks that every phase ran and every request was answered as it should be.
 */
class BenchIT {

    @Test
    void everyPhaseRunsAndIsReported() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "bench-");
        Path out = work.resolve("bench.json");
        int exit = Ops.run("bench", "--practitioners", "300", "--years", "2", "--seed", "3",
                "--jar", System.getProperty("ledger.jar", "../ledger-app/target/ledger-app.jar"),
                "--heap", "768m", "--write-rate", "20", "--write-seconds", "2", "--decision-clients", "2",
                "--decision-seconds", "2", "--warm-up-seconds", "1", "--write-rates", "20,50", "--work-dir", work.toString(),
                "--out", out.toString());
        assertThat(exit).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toFile());
        long items = report.path("population").path("items").asLong();
        assertThat(items).isGreaterThan(300);
        assertThat(report.path("ingestion").path("statuses").path("ACCEPTED").asLong()).isEqualTo(items);
        assertThat(report.path("ingestion").path("eventsAppended").asLong()).isEqualTo(items);
        assertThat(report.path("projectionCatchUp").path("events").asLong()).isEqualTo(items);

        JsonNode writes = report.path("singleWrites");
        assertThat(writes.path("statuses").path("201").asLong()).isEqualTo(40);
        assertThat(writes.path("p99Ms").asDouble()).isPositive();
        assertThat(writes.path("ledgerJvmDuringPhase").path("jitCompilationMs").asDouble())
                .as("read from the ledger's jvm.compilation.time").isPositive();

        JsonNode decisions = report.path("decisions");
        assertThat(decisions.path("requests").asLong()).isPositive();
        assertThat(decisions.path("statuses").path("200").asLong()).isEqualTo(decisions.path("requests").asLong());
        assertThat(decisions.has("ledgerJvmDuringPhase")).isTrue();
        // the ledger's own request timer counted exactly the measured requests, not the warm-up's
        assertThat(writes.path("ledgerOwnTime").path("requests").asLong()).isEqualTo(40);
        assertThat(writes.path("ledgerOwnTime").path("p99AtMostMs").asDouble()).isPositive();
        assertThat(decisions.path("ledgerOwnTime").path("requests").asLong())
                .isEqualTo(decisions.path("requests").asLong());
        for (String phase : List.of("ingestion", "singleWrites", "decisions", "rebuild")) {
            assertThat(report.path(phase).has("ledgerJvmDuringPhase")).as(phase).isTrue();
            if (Files.exists(Path.of("/proc/stat"))) {
                assertThat(report.path(phase).path("machineDuringPhase").path("busyPercent").asDouble()).as(phase)
                        .isGreaterThan(0.0).isLessThanOrEqualTo(100.0);
            }
        }
        assertThat(report.path("config").path("writeConnections").asInt()).isEqualTo(16);

        assertThat(report.path("whatIf")).hasSize(2);
        report.path("whatIf").forEach(w -> assertThat(w.path("status").asInt()).isEqualTo(200));
        assertThat(report.path("rebuild").path("state").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("rebuild").path("events").asLong()).isGreaterThanOrEqualTo(items + 40);
        assertThat(report.path("heap").path("peakUsedMiB").asDouble()).isPositive();
        JsonNode pairs = report.path("writeThenRead");
        assertThat(pairs.path("pairs").asLong()).isPositive();
        assertThat(pairs.path("statuses").path("201/200").asLong()).isEqualTo(pairs.path("pairs").asLong());
        assertThat(pairs.path("staleAnswers").asLong()).as("reads follow acknowledged writes").isZero();
        JsonNode rates = report.path("writeRates");
        assertThat(rates).hasSize(2);
        assertThat(rates.get(1).path("ratePerSecond").asInt()).isEqualTo(50);
        assertThat(rates.get(1).path("statuses").path("201").asLong()).isEqualTo(100);
        assertThat(rates.get(1).path("ledgerCpuMsPerRequest").asDouble()).isPositive();
        assertThat(writes.path("ledgerCpuMsPerRequest").asDouble()).isPositive();
        JsonNode page = report.path("practitionerPage");
        assertThat(page.path("pages").asLong()).isPositive();
        assertThat(page.path("statuses").path("200/200/200").asLong()).as("profile, years and decision answered")
                .isEqualTo(page.path("pages").asLong());
        assertThat(page.path("p99Ms").asDouble()).isPositive();
        for (String endpoint : List.of("/api/v1/practitioners/{id}", "/api/v1/practitioners/{id}/years",
                "/api/v1/practitioners/{id}/eligibility")) {
            assertThat(page.path("ledgerOwnTime").path(endpoint).path("requests").asLong()).as(endpoint)
                    .isEqualTo(page.path("pages").asLong());
        }
        assertThat(page.path("ledgerOwnTime").path("pageP99AtMostMs").asDouble()).isPositive();
        assertThat(report.path("table")).hasSize(10);
    }
}
