package org.celedger.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.celedger.ops.OpsException;
import org.celedger.ops.ledger.LedgerClient;

/** {@code rebuild} and {@code status}: an operator's view of a running ledger, through its admin endpoints. */
public final class AdminCommands {

    private AdminCommands() {
    }

    public static int rebuild(Args args) {
        LedgerClient ledger = new LedgerClient(args.string("url", "http://127.0.0.1:8080"), args.required("key"));
        String projection = args.string("projection", "practitioner-views");
        long timeout = args.number("timeout-seconds", 3_600);
        args.done();
        JsonNode status = ledger.post("/api/v1/admin/rebuilds", "{\"projection\":\"" + projection + "\"}")
                .expectOk("POST /api/v1/admin/rebuilds").json();
        System.out.printf("rebuild %s of %s started: generation %d → %d, %,d events to read%n", status.path("id").asText(),
                projection, status.path("fromGeneration").asInt(), status.path("toGeneration").asInt(),
                status.path("eventsTotal").asLong());
        JsonNode done = awaitRebuild(ledger, status.path("id").asText(), Duration.ofSeconds(timeout), true);
        System.out.printf("rebuild %s: %s, %,d events at %,.0f events/s%s%n", done.path("id").asText(),
                done.path("state").asText(), done.path("eventsDone").asLong(), done.path("eventsPerSecond").asDouble(),
                done.path("problem").isTextual() ? " — " + done.path("problem").asText() : "");
        return "COMPLETED".equals(done.path("state").asText()) ? 0 : 1;
    }

    /** Polls {@code /api/v1/admin/rebuilds/current} until the rebuild {@code id} is no longer RUNNING. */
    public static JsonNode awaitRebuild(LedgerClient ledger, String id, Duration timeout, boolean print) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrint = 0;
        while (System.nanoTime() < deadline) {
            JsonNode s = ledger.get("/api/v1/admin/rebuilds/current").expectOk("GET /api/v1/admin/rebuilds/current").json();
            if (!id.equals(s.path("id").asText())) {
                throw new OpsException("another rebuild (" + s.path("id").asText() + ") replaced " + id);
            }
            if (!"RUNNING".equals(s.path("state").asText())) {
                return s;
            }
            if (print && System.nanoTime() - lastPrint > 2_000_000_000L) {
                lastPrint = System.nanoTime();
                long total = s.path("eventsTotal").asLong();
                long doneEvents = s.path("eventsDone").asLong();
                System.out.printf("  %,d of %,d events (%.0f %%), %,.0f events/s%n", doneEvents, total,
                        total == 0 ? 100.0 : 100.0 * doneEvents / total, s.path("eventsPerSecond").asDouble());
            }
            sleep(250);
        }
        throw new OpsException("rebuild " + id + " still running after " + timeout.toSeconds() + " s");
    }

    public static int status(Args args) {
        LedgerClient ledger = new LedgerClient(args.string("url", "http://127.0.0.1:8080"), args.required("key"));
        args.done();
        JsonNode readiness = ledger.readiness();
        if (readiness == null) {
            throw new OpsException("nothing answers at " + ledger.base());
        }
        System.out.printf("ledger %s: %s%n", ledger.base(), readiness.path("status").asText());
        JsonNode processors = LedgerClient.processors(readiness);
        System.out.printf("%-22s %-8s %-9s %12s %12s %10s%n", "processor", "running", "caught up", "position", "head", "lag");
        for (Iterator<Map.Entry<String, JsonNode>> it = processors.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode p = e.getValue();
            System.out.printf("%-22s %-8s %-9s %,12d %,12d %,10d%n", e.getKey(), p.path("running").asBoolean(),
                    p.path("caughtUp").asBoolean(), p.path("position").asLong(), p.path("head").asLong(),
                    p.path("lag").asLong());
        }
        LedgerClient.Response r = ledger.get("/api/v1/admin/rebuilds/current");
        if (r.status() == 404) {
            System.out.println("rebuild: none has run on this node");
        } else {
            JsonNode s = r.expectOk("GET /api/v1/admin/rebuilds/current").json();
            System.out.printf("rebuild %s of %s: %s, %,d of %,d events, %,.0f events/s, generation %d → %d, started %s%s%n",
                    s.path("id").asText(), s.path("projection").asText(), s.path("state").asText(),
                    s.path("eventsDone").asLong(), s.path("eventsTotal").asLong(), s.path("eventsPerSecond").asDouble(),
                    s.path("fromGeneration").asInt(), s.path("toGeneration").asInt(), s.path("startedAt").asText(),
                    s.path("finishedAt").isTextual() ? ", finished " + s.path("finishedAt").asText() : "");
        }
        return "UP".equals(readiness.path("status").asText()) ? 0 : 3;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted", e);
        }
    }
}
