package org.celedger.ops.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.celedger.ops.ledger.LedgerClient;

/**
 * The ledger's own time for one endpoint, from the histogram of its {@code http.server.requests} timer
 * (the benchmark turns the histogram on): from the request reaching Spring to its answer. Set against
 * the latency the benchmark's client measured, it splits a tail into time in the ledger and time outside
 * it (the network stack, the scheduler, the client). Percentiles are bucket bounds: "p99 ≤ 8.9 ms".
 */
record ServerTime(TreeMap<Double, Double> cumulative) {

    private static final Pattern BUCKET = Pattern.compile(
            "^http_server_requests_seconds_bucket\\{(.*)le=\"([^\"]+)\".*\\}\\s+(\\S+)$");

    /** The cumulative bucket counts now, summed over statuses, for requests with this method and URI template. */
    static ServerTime of(LedgerClient ledger, String method, String uriTemplate) {
        return parse(ledger.get("/actuator/prometheus").expectOk("prometheus").raw(), method, uriTemplate);
    }

    static ServerTime parse(String prometheus, String method, String uriTemplate) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : prometheus.split("\n")) {
            Matcher m = BUCKET.matcher(line);
            if (m.matches() && m.group(1).contains("method=\"" + method + "\"")
                    && m.group(1).contains("uri=\"" + uriTemplate + "\"")) {
                double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
                buckets.merge(le, Double.parseDouble(m.group(3)), Double::sum);
            }
        }
        return new ServerTime(buckets);
    }

    ServerTime since(ServerTime before) {
        TreeMap<Double, Double> d = new TreeMap<>();
        cumulative.forEach((le, n) -> d.put(le, n - before.cumulative.getOrDefault(le, 0.0)));
        return new ServerTime(d);
    }

    long count() {
        return cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue());
    }

    /** The smallest bucket bound in milliseconds that holds percentile {@code p} (0–100); NaN without requests. */
    double percentileAtMostMillis(double p) {
        long count = count();
        if (count == 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(p / 100.0 * count);
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= rank) {
                return b.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    void into(ObjectNode node) {
        node.put("requests", count()).put("p50AtMostMs", percentileAtMostMillis(50))
                .put("p99AtMostMs", percentileAtMostMillis(99));
    }

    @Override
    public String toString() {
        return count() == 0 ? "ledger's own time: no histogram"
                : String.format("ledger's own time p50 ≤ %.1f ms, p99 ≤ %.1f ms", percentileAtMostMillis(50),
                percentileAtMostMillis(99));
    }
}
