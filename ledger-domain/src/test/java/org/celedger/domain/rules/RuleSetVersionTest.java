package org.celedger.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.Rules.SETS;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The version of every bundled rule set, pinned. Certifications (EligibilityCertified) record the
 * version they were decided under, and a review reports {@code ruleSetUnchanged} only when today's
 * version is the same string (CertificationReview): a version that moves without a changed rule would
 * make every stored certification look decided under other rules. A deliberate change of a rule set's
 * content changes its version, and this test with it, in the same commit.
 */
class RuleSetVersionTest {

    /** As computed before rule sets were layered (commit 9d58164), over the content of each file then. */
    static final Map<String, String> VERSIONS = Map.of(
            "IM-2017", "sha256:c175a73c2dd8042227f7aceb7d4d2a33f21b4ddf9ede15f0dd8c820db104cd2e",
            "IM-2022", "sha256:75a749cdc23f883064db736ab85e22cad9a9f24f2cfddd42775efb5ba88f1aac",
            "IM-2025", "sha256:8ef565a27bbc312e6f6156ad406ccfa595fe31c2429f563a4726dec08aaf3b5c",
            "NX-2022", "sha256:7e7c810eb83ae13b54f05893f60e97240a17fd77e18c1bdfe44fe7861e013af2");

    @Test
    void everyBundledRuleSetKeepsItsVersion() {
        Map<String, String> versions = new TreeMap<>();
        SETS.all().forEach(r -> versions.put(r.id(), r.version()));

        assertThat(versions).isEqualTo(new TreeMap<>(VERSIONS));
    }
}
