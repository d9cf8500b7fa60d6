package org.celedger.ops.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.celedger.ops.OpsException;

/** The ledger over HTTP, as any integrator or operator reaches it: one shared HTTP/1.1 client, an API key. */
public final class LedgerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String key;

    public LedgerClient(String base, String key) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    public record Response(int status, String raw) {
        public JsonNode json() {
            try {
                return raw == null || raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
            } catch (IOException e) {
                throw new OpsException("not JSON (HTTP " + status + "): " + abbreviate(raw));
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Response expectOk(String what) {
            if (!ok()) {
                throw new OpsException(what + " answered HTTP " + status + ": " + abbreviate(raw));
            }
            return this;
        }
    }

    public Response get(String path) {
        return send(request(path).GET(), Duration.ofSeconds(60));
    }

    public Response post(String path, String json) {
        return post(path, HttpRequest.BodyPublishers.ofString(json), Duration.ofSeconds(60));
    }

    public Response post(String path, byte[] json, Duration timeout) {
        return post(path, HttpRequest.BodyPublishers.ofByteArray(json), timeout);
    }

    private Response post(String path, HttpRequest.BodyPublisher body, Duration timeout) {
        return send(request(path).header("Content-Type", "application/json").POST(body), timeout);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted", e);
        }
    }

    /** {@code /actuator/health/readiness}, or null while nothing listens. */
    public JsonNode readiness() {
        try {
            Response r = get("/actuator/health/readiness");
            return r.status() == 200 || r.status() == 503 ? r.json() : null;
        } catch (UncheckedIOException notListening) {
            return null;
        }
    }

    /** Each projection's progress by processor name, as the readiness answer's details carry it. */
    public static JsonNode processors(JsonNode readiness) {
        return readiness.path("components").path("projections").path("details");
    }

    public boolean ready() {
        JsonNode r = readiness();
        return r != null && "UP".equals(r.path("status").asText());
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
