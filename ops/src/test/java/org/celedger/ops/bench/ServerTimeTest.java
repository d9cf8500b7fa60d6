package org.celedger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ServerTimeTest {

    private static final String CREDITS = "/api/v1/practitioners/{id}/credits";

    /** Two scrapes of the ledger's histogram: 100 credits answered 201 and 2 answered 409 in between. */
    private static String scrape(double fast, double slow, double conflicts) {
        return String.join("\n",
                "# TYPE http_server_requests_seconds histogram",
                bucket("POST", "201", CREDITS, "0.005", fast),
                bucket("POST", "201", CREDITS, "0.02", fast + slow),
                bucket("POST", "201", CREDITS, "+Inf", fast + slow),
                bucket("POST", "409", CREDITS, "0.005", conflicts),
                bucket("POST", "409", CREDITS, "0.02", conflicts),
                bucket("POST", "409", CREDITS, "+Inf", conflicts),
                // other endpoints and methods do not count
                bucket("GET", "200", "/api/v1/practitioners/{id}/eligibility", "0.005", 500),
                bucket("GET", "200", "/api/v1/practitioners/{id}/eligibility", "+Inf", 500),
                "http_server_requests_seconds_count{method=\"POST\",status=\"201\",uri=\"" + CREDITS + "\"} 1.0");
    }

    private static String bucket(String method, String status, String uri, String le, double n) {
        return "http_server_requests_seconds_bucket{error=\"none\",exception=\"none\",method=\"" + method
                + "\",outcome=\"SUCCESS\",status=\"" + status + "\",uri=\"" + uri + "\",le=\"" + le + "\"} " + n;
    }

    @Test
    void countsTheRequestsOfOneEndpointBetweenTwoScrapesOverAllStatuses() {
        ServerTime before = ServerTime.parse(scrape(10, 0, 0), "POST", CREDITS);
        ServerTime after = ServerTime.parse(scrape(10 + 97, 3, 2), "POST", CREDITS);

        ServerTime phase = after.since(before);

        assertThat(phase.count()).isEqualTo(102);
        assertThat(phase.percentileAtMostMillis(50)).isEqualTo(5.0);
        // 99 of 102 are within 5 ms: the 99th percentile (rank 101) lies in the 20 ms bucket
        assertThat(phase.percentileAtMostMillis(99)).isEqualTo(20.0);
    }

    @Test
    void readsLabelsInAnyOrderAndIgnoresLookAlikesAndTimestamps() {
        String scrape = String.join("\n",
                // labels in another order, and a timestamp after the value
                "http_server_requests_seconds_bucket{le=\"0.005\",uri=\"" + CREDITS + "\",status=\"201\",method=\"POST\"} 7.0 1700000000000",
                "http_server_requests_seconds_bucket{le=\"+Inf\",uri=\"" + CREDITS + "\",status=\"201\",method=\"POST\"} 8.0 1700000000000",
                // the method's text inside another label's value is not the method
                "http_server_requests_seconds_bucket{exception=\"method=\\\"POST\\\"\",method=\"GET\",uri=\"" + CREDITS
                        + "\",le=\"+Inf\"} 100.0");

        ServerTime phase = ServerTime.parse(scrape, "POST", CREDITS);

        assertThat(phase.count()).isEqualTo(8);
        assertThat(phase.percentileAtMostMillis(50)).isEqualTo(5.0);
        assertThat(phase.percentileAtMostMillis(99)).as("beyond the largest finite bucket").isInfinite();
        assertThat(phase.toString()).contains("> 5 ms (beyond the largest bucket)");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        phase.into(json);
        assertThat(json.path("p50AtMostMs").asDouble()).isEqualTo(5.0);
        assertThat(json.get("p99AtMostMs").isNull()).as("JSON has no infinity").isTrue();
    }

    @Test
    void withoutTheHistogramThereIsNothingToReport() {
        ServerTime none = ServerTime.parse("http_server_requests_seconds_count 3.0", "POST", CREDITS);
        assertThat(none.count()).isZero();
        assertThat(none.percentileAtMostMillis(99)).isNaN();
        assertThat(none.toString()).contains("no histogram");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        none.into(json);
        assertThat(json.path("requests").asLong()).isZero();
        assertThat(json.get("p99AtMostMs").isNull()).as("JSON has no NaN").isTrue();
    }
}
