package org.celedger.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and version of every bundled rule set, of the test rule sets and of a few what-if
 * variants (whose changed values come as the edge hands them over: Integer, Long, BigInteger, BigDecimal,
 * Double, String, Boolean), pinned as they were when Jackson read the YAML and wrote the canonical JSON
 * ({@code canonical/rule-sets.tsv}, recorded before the YAML reading left Jackson). Reading the rule sets
 * with another parser must give every one the same text, byte for byte, and so the same version.
 */
class RuleSetCanonicalFormTest {

    /** One line per rule set: {@code name TAB version TAB canonicalJson}. */
    static final String RECORDED = "/canonical/rule-sets.tsv";

    /** The rule sets of the record, by the name of its line. */
    static Map<String, RuleSet> ruleSets() {
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        for (RuleSet r : RuleSets.bundled().all()) {
            sets.put(r.id(), r);
        }
        String file = "IM-2025-border.yaml";
        for (RuleSet r : RuleSets.load(Map.of("test-rule-sets/" + file, text("/test-rule-sets/" + file)), RuleSets.bundled())) {
            sets.put("test-rule-sets/" + file, r);
        }
        RuleSets bundled = RuleSets.bundled();
        sets.put("IM-2025 variant (Integer, String)", bundled.variant("IM-2025",
                Map.of("reliefs.agePartial.menAge", 47, "reliefs.agePartial.mode", "ANY_ONE_YEAR")));
        sets.put("IM-2022 variant (BigDecimal hours)", bundled.variant("IM-2022",
                Map.of("yearlyMinimums.total", new BigDecimal("90.50"), "yearlyMinimums.public", new BigDecimal("20"))));
        sets.put("IM-2022 variant (Double hours)", bundled.variant("IM-2022",
                Map.of("yearlyMinimums.total", 90.5d, "yearlyMinimums.public", 20.0d)));
        sets.put("IM-2022 variant (Long, BigInteger)", bundled.variant("IM-2022",
                Map.of("requirements.TITLE_EVALUATION.JUNIOR.public", 20L, "serves.firstYear", BigInteger.valueOf(2022))));
        sets.put("IM-2017 variant (Boolean, List)", bundled.variant("IM-2017",
                Map.of("crediting.makeUp", true, "reliefs.postdoc.mode", "WAIVED", "reliefs.postdoc.levels", List.of("SENIOR"))));
        return sets;
    }

    static String text(String resource) {
        try (InputStream in = RuleSetCanonicalFormTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(String name, RuleSet r) {
        return name + "\t" + r.version() + "\t" + r.canonicalJson();
    }

    @Test
    void everyRuleSetKeepsItsCanonicalFormAndVersion() {
        List<String> recorded = text(RECORDED).lines().toList();
        List<String> now = ruleSets().entrySet().stream().map(e -> line(e.getKey(), e.getValue())).toList();

        assertThat(now).hasSameSizeAs(recorded);
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(now.get(i)).as(recorded.get(i).split("\t")[0]).isEqualTo(recorded.get(i));
        }
    }

    @Test
    void theRecordIsTheHashOfTheCanonicalForm() {
        for (String line : text(RECORDED).lines().toList()) {
            String[] fields = line.split("\t");
            assertThat(fields).hasSize(3);
            assertThat(fields[1]).as(fields[0]).isEqualTo("sha256:" + sha256(fields[2]));
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
