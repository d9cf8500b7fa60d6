package org.celedger.ops.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a population into bodies of {@code POST /api/v1/batches}: whole practitioners only, so that every
 * batch stands alone (registration before facts) and batches may be posted concurrently in any order.
 */
public final class Batches {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A batch body and what it holds. */
    public record Batch(int number, byte[] json, int items, List<String> practitionerIds) {
    }

    private Batches() {
    }

    /** Feeds {@code sink} batches of at most {@code maxItems} items (more only for one practitioner with more facts). */
    public static void cut(Iterable<PopulationGenerator.Generated> population, int maxItems, Consumer<Batch> sink) {
        List<ObjectNode> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int number = 0;
        Iterator<PopulationGenerator.Generated> it = population.iterator();
        while (it.hasNext()) {
            PopulationGenerator.Generated p = it.next();
            if (!items.isEmpty() && items.size() + p.items().size() > maxItems) {
                sink.accept(new Batch(++number, body(items), items.size(), List.copyOf(ids)));
                items.clear();
                ids.clear();
            }
            items.addAll(p.items());
            ids.add(p.id());
        }
        if (!items.isEmpty()) {
            sink.accept(new Batch(++number, body(items), items.size(), List.copyOf(ids)));
        }
    }

    /** {@code {"items":[…]}}, one item per line. */
    public static byte[] body(List<ObjectNode> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 400);
        try {
            out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < items.size(); i++) {
                out.write(i == 0 ? NL : COMMA_NL);
                JSON.writeValue(out, items.get(i));
            }
            out.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final byte[] NL = {'\n'};
    private static final byte[] COMMA_NL = {',', '\n'};
}
