package org.celedger.domain.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a rule-set tree as read from YAML ({@link RuleSetYaml}) or given to a what-if variant: a mapping, a
 * list, a text, a number, a boolean, null (or, rarely, {@code !!binary} bytes). Plain Java, so that the domain
 * reads its rule sets without Jackson; it keeps what Jackson's tree kept, to the byte: a number is an
 * {@link Integer}, {@link Long} or {@link BigInteger} when whole, a {@link Double} when written with a point or
 * an exponent (a {@link BigDecimal} or {@link Float} only when a variant is given one), and {@link #toString()}
 * is the compact JSON Jackson wrote for its nodes, which {@link #canonicalJson} sorts by key for the version.
 */
public sealed interface RuleTree {

    /** The kind of node as failures name it: OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL or BINARY. */
    String nodeType();

    /** The value as plain Java: maps, lists, texts, numbers, booleans and null. */
    Object plain();

    /** A copy that shares no mutable part with this node. */
    RuleTree deepCopy();

    default boolean isTextual() {
        return this instanceof Text;
    }

    /** The text of a text node, else null. */
    default String textValue() {
        return this instanceof Text t ? t.value() : null;
    }

    default boolean isNull() {
        return this instanceof Null;
    }

    /** A mapping, its keys in the order written; a key written twice keeps its first place and its last value. */
    final class Mapping implements RuleTree {
        private final Map<String, RuleTree> fields = new LinkedHashMap<>();

        public RuleTree get(String key) {
            return fields.get(key);
        }

        public boolean has(String key) {
            return fields.containsKey(key);
        }

        public int size() {
            return fields.size();
        }

        public Set<String> keys() {
            return fields.keySet();
        }

        public Set<Map.Entry<String, RuleTree>> entries() {
            return fields.entrySet();
        }

        void set(String key, RuleTree value) {
            fields.put(key, value);
        }

        void remove(String key) {
            fields.remove(key);
        }

        @Override
        public String nodeType() {
            return "OBJECT";
        }

        @Override
        public Object plain() {
            Map<String, Object> map = new LinkedHashMap<>();
            fields.forEach((k, v) -> map.put(k, v.plain()));
            return map;
        }

        @Override
        public Mapping deepCopy() {
            Mapping copy = new Mapping();
            fields.forEach((k, v) -> copy.set(k, v.deepCopy()));
            return copy;
        }

        @Override
        public String toString() {
            return json(this, false);
        }
    }

    /** A list. */
    final class Sequence implements RuleTree {
        private final List<RuleTree> items = new ArrayList<>();

        public List<RuleTree> items() {
            return items;
        }

        public int size() {
            return items.size();
        }

        void add(RuleTree item) {
            items.add(item);
        }

        @Override
        public String nodeType() {
            return "ARRAY";
        }

        @Override
        public Object plain() {
            List<Object> list = new ArrayList<>();
            items.forEach(i -> list.add(i.plain()));
            return list;
        }

        @Override
        public Sequence deepCopy() {
            Sequence copy = new Sequence();
            items.forEach(i -> copy.add(i.deepCopy()));
            return copy;
        }

        @Override
        public String toString() {
            return json(this, false);
        }
    }

    record Text(String value) implements RuleTree {
        @Override
        public String nodeType() {
            return "STRING";
        }

        @Override
        public Object plain() {
            return value;
        }

        @Override
        public Text deepCopy() {
            return this;
        }

        @Override
        public String toString() {
            return json(this, false);
        }
    }

    /** A number: Integer, Long, BigInteger, Double, Float or BigDecimal. */
    record Num(Number value) implements RuleTree {
        /** Whether it is whole by kind (Integer, Long, BigInteger), not by value. */
        public boolean isIntegral() {
            return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
        }

        /** Whether a whole number fits an int. */
        public boolean fitsInt() {
            if (value instanceof Integer) {
                return true;
            }
            if (value instanceof Long l) {
                return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
            }
            if (value instanceof BigInteger b) {
                return b.bitLength() <= 31;
            }
            return false;
        }

        /** As a decimal, the way Jackson's nodes gave it (a double through its shortest text). */
        public BigDecimal decimalValue() {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof BigInteger b) {
                return new BigDecimal(b);
            }
            if (value instanceof Integer || value instanceof Long) {
                return BigDecimal.valueOf(value.longValue());
            }
            return BigDecimal.valueOf(value.doubleValue());
        }

        @Override
        public String nodeType() {
            return "NUMBER";
        }

        @Override
        public Object plain() {
            return value;
        }

        @Override
        public Num deepCopy() {
            return this;
        }

        @Override
        public String toString() {
            return json(this, false);
        }
    }

    record Bool(boolean value) implements RuleTree {
        @Override
        public String nodeType() {
            return "BOOLEAN";
        }

        @Override
        public Object plain() {
            return value;
        }

        @Override
        public Bool deepCopy() {
            return this;
        }

        @Override
        public String toString() {
            return json(this, false);
        }
    }

    record Null() implements RuleTree {
        public static final Null NULL = new Null();

        @Override
        public String nodeType() {
            return "NULL";
        }

        @Override
        public Object plain() {
            return null;
        }

        @Override
        public Null deepCopy() {
            return this;
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    /** Bytes of a {@code !!binary} scalar, written as base64 text. */
    record Binary(byte[] value) implements RuleTree {
        @Override
        public String nodeType() {
            return "BINARY";
        }

        @Override
        public Object plain() {
            return value.clone();
        }

        @Override
        public Binary deepCopy() {
            return this;
        }

        @Override
        public String toString() {
            return json(this, false);
        }
    }

    /**
     * The tree of a plain Java value, as a what-if variant's changed parameter comes from the edge: maps (keys as
     * text), collections, texts, booleans, null and numbers; a Short or Byte is an Integer, a BigDecimal loses its
     * trailing zeros (20.0 is 2E+1, zero is 0), as Jackson's tree made them.
     *
     * @throws IllegalArgumentException for any other kind of value
     */
    static RuleTree of(Object value) {
        if (value == null) {
            return Null.NULL;
        }
        if (value instanceof RuleTree tree) {
            return tree.deepCopy();
        }
        if (value instanceof String s) {
            return new Text(s);
        }
        if (value instanceof Character c) {
            return new Text(c.toString());
        }
        if (value instanceof Boolean b) {
            return new Bool(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Double || value instanceof Float) {
            return new Num((Number) value);
        }
        if (value instanceof Short || value instanceof Byte) {
            return new Num(((Number) value).intValue());
        }
        if (value instanceof BigDecimal d) {
            return new Num(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        }
        if (value instanceof Map<?, ?> map) {
            Mapping m = new Mapping();
            map.forEach((k, v) -> m.set(String.valueOf(k), of(v)));
            return m;
        }
        if (value instanceof Collection<?> items) {
            Sequence s = new Sequence();
            items.forEach(i -> s.add(of(i)));
            return s;
        }
        if (value instanceof Object[] items) {
            Sequence s = new Sequence();
            for (Object i : items) {
                s.add(of(i));
            }
            return s;
        }
        throw new IllegalArgumentException("not a rule-set value: " + value.getClass().getName());
    }

    /** The canonical form the version hashes: compact JSON, every mapping's keys sorted. */
    static String canonicalJson(RuleTree tree) {
        return json(tree, true);
    }

    /** Compact JSON as Jackson wrote it: non-ASCII as is, control characters escaped, a double's shortest text. */
    static String json(RuleTree tree, boolean sorted) {
        StringBuilder out = new StringBuilder();
        write(out, tree, sorted);
        return out.toString();
    }

    private static void write(StringBuilder out, RuleTree tree, boolean sorted) {
        if (tree instanceof Mapping m) {
            out.append('{');
            List<String> keys = new ArrayList<>(m.keys());
            if (sorted) {
                keys.sort(null);
            }
            boolean first = true;
            for (String key : keys) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, key);
                out.append(':');
                write(out, m.get(key), sorted);
            }
            out.append('}');
        } else if (tree instanceof Sequence s) {
            out.append('[');
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, s.items().get(i), sorted);
            }
            out.append(']');
        } else if (tree instanceof Text t) {
            quote(out, t.value());
        } else if (tree instanceof Num n) {
            Number v = n.value();
            if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
                quote(out, v.toString()); // "NaN", "Infinity", "-Infinity", quoted as Jackson wrote them
            } else {
                out.append(v); // Integer, Long, BigInteger, Double, Float and BigDecimal: their toString
            }
        } else if (tree instanceof Bool b) {
            out.append(b.value());
        } else if (tree instanceof Binary b) {
            quote(out, Base64.getEncoder().encodeToString(b.value()));
        } else {
            out.append("null");
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
