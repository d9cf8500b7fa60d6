package org.celedger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for end-to-end tests: real requests to a running ledger, as an integrator would send them. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public record Response(int status, String contentType, JsonNode body, String raw,
                           java.net.http.HttpHeaders headers) {
        public String field() {
            return body == null ? null : body.path("field").asText(null);
        }

        /** A response header as a number (the consistency headers: Ledger-Sequence, Ledger-Position, …). */
        public long header(String name) {
            return Long.parseLong(headers.firstValue(name).orElseThrow(() -> new AssertionError("no header " + name)));
        }
    }

    public Response post(String path, String key, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), key);
    }

    public Response get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key);
    }

    private Response send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = null;
            if (raw != null && !raw.isBlank()) {
                try {
                    body = JSON.readTree(raw);
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, raw, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON the way responses are parsed, so that expected and actual compare node for node. */
    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer without the {@code recordedBy} of its contributions, to compare with the rule engine's own
     * JSON (the engine knows facts, not who recorded them); {@link #recorders} reads them.
     */
    public static JsonNode withoutRecorders(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        copy.findParents("recordedBy").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("recordedBy"));
        return copy;
    }

    /** The key ids in the {@code recordedBy} of every contribution of an answer. */
    public static java.util.Set<String> recorders(JsonNode answer) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        answer.findValues("recordedBy").forEach(r -> keys.add(r.path("keyId").asText()));
        return keys;
    }

    public static String registration(String id) {
        return """
                {"id":"%s","name":"王芳","gender":"FEMALE","birthDate":"1980-05-17","jurisdiction":"IM",
                 "region":"呼和浩特市","sector":"PUBLIC_INSTITUTION","grassroots":false,"titleSeries":"工程",
                 "titleLevel":"INTERMEDIATE","titleObtainedOn":"2015-12-01","degree":"BACHELOR"}""".formatted(id);
    }

    public static String credit(String awardId, String hours) {
        return """
                {"awardId":"%s","year":2025,"category":"PROFESSIONAL","activity":"BASE_TRAINING","hours":%s,
                 "baseId":"base-1","sessionId":"s-1","approvedBy":"内蒙古人社厅","completedOn":"2025-03-10"}"""
                .formatted(awardId, hours);
    }
}
