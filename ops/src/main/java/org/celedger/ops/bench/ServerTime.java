package org.celedger.ops.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.celedger.ops.ledger.LedgerClient;

/**
 * The ledger's own time for one endpoint, from the histogram of its {@code http.server.requests} timer:
 * from the request reaching Spring's observation filter to the end of its handling. Set against the time
 * the benchmark's client waited for each answer (its service time), it splits a tail into time inside
 * the request timer and time outside it: Tomcat's connector and queue, the network stack, the scheduler,
 * the client. Percentiles are bucket bounds: "p99 ≤ 8.9 ms".
 */
record ServerTime(TreeMap<Double, Double> cumulative) {

    private static final Pattern BUCKET = Pattern.compile("^http_server_requests_seconds_bucket\\{(.*)}\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The cumulative bucket counts, summed over statuses, for requests with this method and URI template,
     * once they have settled: the timer records a request after its answer has gone out, so a scrape taken
     * right after the last answer may miss it. Two equal scrapes in a row (at most about a second apart
     * from the first) count every request answered so far.
     */
    static ServerTime settled(LedgerClient ledger, String method, String uriTemplate) throws InterruptedException {
        ServerTime last = of(ledger, method, uriTemplate);
        for (int i = 0; i < 20; i++) {
            Thread.sleep(50);
            ServerTime now = of(ledger, method, uriTemplate);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    static ServerTime of(LedgerClient ledger, String method, String uriTemplate) {
        return parse(ledger.get("/actuator/prometheus").expectOk("prometheus").raw(), method, uriTemplate);
    }

    static ServerTime parse(String prometheus, String method, String uriTemplate) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : prometheus.split("\n")) {
            Matcher m = BUCKET.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = labels(m.group(1));
            if (method.equals(labels.get("method")) && uriTemplate.equals(labels.get("uri")) && labels.containsKey("le")) {
                String le = labels.get("le");
                buckets.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                        Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return new ServerTime(buckets);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return labels;
    }

    ServerTime since(ServerTime before) {
        TreeMap<Double, Double> d = new TreeMap<>();
        cumulative.forEach((le, n) -> d.put(le, n - before.cumulative.getOrDefault(le, 0.0)));
        return new ServerTime(d);
    }

    long count() {
        return cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue());
    }

    /**
     * The smallest bucket bound in milliseconds that holds percentile {@code p} (0–100); NaN without requests,
     * infinite when the percentile lies beyond the largest finite bucket.
     */
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
        node.put("requests", count());
        bound(node, "p50AtMostMs", percentileAtMostMillis(50));
        bound(node, "p99AtMostMs", percentileAtMostMillis(99));
    }

    /** A bound to the microsecond; null (JSON has no NaN or infinity) without requests or beyond the buckets. */
    private static void bound(ObjectNode node, String name, double millis) {
        if (Double.isFinite(millis)) {
            node.put(name, Math.round(millis * 1000) / 1000.0);
        } else {
            node.putNull(name);
        }
    }

    @Override
    public String toString() {
        return count() == 0 ? "ledger's own time: no histogram"
                : String.format("ledger's own time p50 %s, p99 %s", bound(percentileAtMostMillis(50)),
                bound(percentileAtMostMillis(99)));
    }

    private String bound(double millis) {
        if (Double.isFinite(millis)) {
            return String.format("≤ %.1f ms", millis);
        }
        Double largest = cumulative.lowerKey(Double.POSITIVE_INFINITY);
        return largest == null ? "beyond every bucket" : String.format("> %.0f ms (beyond the largest bucket)", largest * 1000);
    }
}
