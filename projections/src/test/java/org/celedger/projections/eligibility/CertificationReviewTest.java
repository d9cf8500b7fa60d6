package org.celedger.projections.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.EligibilityCertified;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSets;
import org.junit.jupiter.api.Test;

/** A certification's review: re-decided under the rule set it names, which must still be the version it recorded. */
class CertificationReviewTest {

    /**
     * IM-2025's version as certifications recorded it before rule sets were layered (issue 15), when
     * IM-2025.yaml still stated every key itself. The layered file resolves to the same content.
     */
    private static final String IM_2025_BEFORE_LAYERS = "sha256:8ef565a27bbc312e6f6156ad406ccfa595fe31c2429f563a4726dec08aaf3b5c";

    @Test
    void aCertificationRecordedBeforeRuleSetsWereLayeredStillFindsItsRuleSetUnchanged() {
        RecordedFact registered = new RecordedFact(0, Instant.parse("2025-03-01T08:00:00Z"), new PractitionerRegistered("p-1",
                new PractitionerProfile("王芳", Gender.FEMALE, LocalDate.of(1985, 4, 2), Jurisdiction.IM, "呼和浩特市",
                        Sector.PUBLIC_INSTITUTION, false, "工程", TitleLevel.INTERMEDIATE, LocalDate.of(2015, 6, 1),
                        Degree.BACHELOR)));
        RecordedFact certified = new RecordedFact(1, Instant.parse("2025-12-20T08:00:00Z"), new EligibilityCertified("p-1",
                "c-1", "TITLE_EVALUATION", "ASSOCIATE_SENIOR", 2025, LocalDate.of(2025, 12, 31), false, "IM-2025",
                IM_2025_BEFORE_LAYERS, 0, "NOT_MET", false));

        CertificationReview.Review review = new CertificationReview(new RuleEngine()).review(List.of(registered, certified), certified,
                RuleSets.bundled().byId("IM-2025").orElseThrow());

        assertThat(review.ruleSetUnchanged()).isTrue();
        assertThat(review.currentRuleSetVersion()).isEqualTo(IM_2025_BEFORE_LAYERS);
        assertThat(review.reproduced()).isTrue();
    }
}
