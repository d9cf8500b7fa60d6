package org.celedger.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * YAML is read as Jackson's YAML module read it, which the versions of operator-supplied rule sets rest on: for
 * each snippet of {@code yaml-typing/cases.txt} (¶ a line break, → a tab; numbers of every notation and size,
 * YAML 1.1 booleans and nulls, quoting and escapes, tags, anchors and aliases, repeated keys, several documents,
 * syntax errors), the tree, its compact JSON, its plain value, what each parameter type makes of it and every
 * failure message; and for each kind of value a what-if variant may be given, the variant's version and tree.
 * {@code yaml-typing/as-jackson-read.txt} was written by this same description over Jackson's tree (commit
 * ad236ce, jackson-dataformat-yaml 2.21.4 over SnakeYAML 2.4), control characters written as backslash-u escapes.
 */
class RuleSetYamlTest {

    @Test
    void everySnippetReadsAsJacksonReadIt() {
        List<String> out = new ArrayList<>();
        for (String c : RuleSetCanonicalFormTest.text("/yaml-typing/cases.txt").lines().toList()) {
            String yaml = c.equals("EMPTY") ? "" : c.replace("¶", "\n").replace("→", "\t");
            out.add("=== " + c);
            try {
                RuleTree.Mapping tree = RuleSetReader.parse("f.yaml", yaml);
                out.add("tree " + tree);
                out.add("desc " + describe(tree));
                if (tree.has("a")) {
                    RuleTree a = tree.get("a");
                    out.add("INT " + attempt(() -> ParamType.INT.parse(a, "f", "p")));
                    out.add("HOURS " + attempt(() -> ParamType.HOURS.parse(a, "f", "p")));
                    out.add("BOOL " + attempt(() -> ParamType.BOOL.parse(a, "f", "p")));
                    out.add("DATE " + attempt(() -> ParamType.DATE.parse(a, "f", "p")));
                    out.add("ENUM " + attempt(() -> ParamType.enumOf(Purpose.class).parse(a, "f", "p")));
                    out.add("TEXTS " + attempt(() -> ParamType.distinctTexts("x").parse(a, "f", "p")));
                    out.add("ENUMSET " + attempt(() -> ParamType.enumSet(Purpose.class).parse(a, "f", "p")));
                    out.add("NINT " + attempt(() -> ParamType.nullable(ParamType.INT).parse(a, "f", "p")));
                }
                out.add("OBJ " + attempt(() -> new RuleSetNode("f", new ArrayList<>(), tree, "").obj("a").path()));
                out.add("TXT " + attempt(() -> new RuleSetNode("f", new ArrayList<>(), tree, "").text("a")));
                out.add("LIST " + attempt(() -> new RuleSetNode("f", new ArrayList<>(), tree, "").objList("a").size()));
                out.add("PARAM " + attempt(() -> {
                    List<Parameter> ps = new ArrayList<>();
                    new RuleSetNode("f", ps, tree, "").param("a", ParamType.nullable(ParamType.HOURS));
                    return ps.get(0).value() == null ? "null" : ps.get(0).value().getClass().getSimpleName() + ":" + ps.get(0).value();
                }));
                out.add("END " + attempt(() -> {
                    new RuleSetNode("f", new ArrayList<>(), tree, "").end();
                    return "ok";
                }));
            } catch (RuntimeException e) {
                out.add("!" + e.getClass().getSimpleName() + ":" + e.getMessage());
            }
        }
        for (Object v : List.of(1, 20L, new BigInteger("123456789012345678901"), 0.5d, 20.0d, 1e20d, 0.1f,
                new BigDecimal("0"), new BigDecimal("0.0"), new BigDecimal("0.00"), new BigDecimal("20.0"),
                new BigDecimal("12.50"), new BigDecimal("1E+3"), new BigDecimal("-0.10"),
                "s", true, List.of(1, "x"), Map.of("k", 1), (short) 3, (byte) 4, Double.NaN, Double.POSITIVE_INFINITY)) {
            out.add("=== value " + v.getClass().getSimpleName() + " " + v);
            out.add(attempt(() -> RuleSets.bundled().variant("IM-2025", Map.of("reliefs.agePartial.menAge", v)).version()));
            out.add(attempt(() -> describe(RuleTree.of(v))));
        }
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("serves.lastYear", null);
        out.add("=== null value");
        out.add(attempt(() -> RuleSets.bundled().variant("IM-2025", withNull).version()));

        assertThat(escaped(String.join("\n", out) + "\n"))
                .isEqualTo(RuleSetCanonicalFormTest.text("/yaml-typing/as-jackson-read.txt"));
    }

    /** A node as Jackson's JsonNode told it: type, JSON, plain value, whole and int-sized, text, decimal. */
    private static String describe(RuleTree n) {
        StringBuilder sb = new StringBuilder();
        if (n instanceof RuleTree.Mapping m) {
            sb.append('{');
            m.entries().forEach(e -> sb.append(e.getKey()).append('=').append(describe(e.getValue())).append(';'));
            sb.append('}');
        } else if (n instanceof RuleTree.Sequence s) {
            sb.append('[');
            s.items().forEach(c -> sb.append(describe(c)).append(';'));
            sb.append(']');
        } else {
            Object plain = n.plain();
            boolean integral = n instanceof RuleTree.Num num && num.isIntegral();
            boolean toInt = n instanceof RuleTree.Num num && (num.isIntegral() ? num.fitsInt()
                    : num.value() instanceof BigDecimal d
                    ? d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0 && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    : num.value().doubleValue() >= Integer.MIN_VALUE && num.value().doubleValue() <= Integer.MAX_VALUE);
            sb.append(n.nodeType()).append('|').append(n).append('|')
                    .append(plain == null ? "null" : plain.getClass().getSimpleName() + ":" + plainText(plain))
                    .append("|int=").append(integral).append(toInt)
                    .append("|text=").append(n.isTextual() ? n.textValue() : "-");
            if (n instanceof RuleTree.Num num) {
                sb.append("|dec=").append(num.decimalValue());
            }
        }
        return sb.toString();
    }

    private static String plainText(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : o.toString();
    }

    private static String attempt(Supplier<Object> s) {
        try {
            Object o = s.get();
            return o == null ? "null" : o.getClass().getSimpleName() + ":" + o;
        } catch (RuntimeException e) {
            return "!" + e.getClass().getSimpleName() + ":" + e.getMessage();
        }
    }

    /** Control characters but the line break as backslash-u escapes, as the record keeps them. */
    private static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 && c != '\n') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
