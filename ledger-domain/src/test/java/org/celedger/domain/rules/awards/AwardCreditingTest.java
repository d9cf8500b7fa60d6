package org.celedger.domain.rules.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;
import org.celedger.domain.rules.conversions.CreditYear;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RULES.md §4.1 tested where it lives: how {@link AwardCrediting} and {@link MakeUp} credit one award,
 * keyed by clause, with the exact items (hours, citation, note) each year in scope receives.
 */
class AwardCreditingTest {

    /** A credit year that only collects its items. */
    private static final class Items implements CreditYear {
        final List<Contribution> items = new ArrayList<>();

        @Override
        public void add(Contribution item) {
            items.add(item);
        }

        @Override
        public boolean deemed(Category category) {
            return false;
        }

        @Override
        public void deem(Category category, RecordedFact fact, String eventType, String id, BigDecimal minimum, String citation) {
            throw new AssertionError("an award never deems a year met");
        }
    }

    private static RuleSet set(String id) {
        return RuleSets.bundled().byId(id).orElseThrow();
    }

    private static CreditAwarded award(int year, Category category, Activity activity, String hours, Integer minutes) {
        return new CreditAwarded("p-1", "a-1", year, category, activity, hours == null ? null : new BigDecimal(hours), minutes,
                "base-1", "s-1", "人社局", "C-1", LocalDate.of(year, 6, 30));
    }

    private static AwardFact only(CreditAwarded award) {
        return new AwardFact(new RecordedFact(0, Instant.EPOCH, award), null, null);
    }

    private static Contribution item(String hours, String citation, Category category, String note) {
        return new Contribution(0, "CreditAwarded", "a-1", new BigDecimal(hours), citation, category, note);
    }

    static Stream<Arguments> awards() {
        RecordedFact revocation = new RecordedFact(1, Instant.EPOCH,
                new CreditRevoked("p-1", "a-1", "certificate issued in error", RevocationCause.CORRECTION, null));
        RecordedFact reassignment = new RecordedFact(1, Instant.EPOCH, new CreditReassigned("p-1", "a-1", 2024, 2023, "补学往年"));
        CreditAwarded platform2024 = award(2024, Category.PUBLIC, Activity.ONLINE_PLATFORM, "10", null);
        return Stream.of(
                Arguments.of("IM-2025 一(四) last paragraph, IM-MEASURES-2017 第十条: 100 minutes at 45 are 2.2 h, truncated",
                        "IM-2025", Sector.PUBLIC_INSTITUTION, null, only(award(2025, Category.PUBLIC, Activity.ONLINE_PLATFORM, null, 100)),
                        Map.of(2025, List.of(item("2.2", "IM-2025 一(四)1; 100 min at 45 min = 1 h: "
                                + "IM-2025 一(四) last paragraph; IM-MEASURES-2017 第十条", Category.PUBLIC, null)))),
                Arguments.of("IM-2025 一(四)4: an academic event serves PROFESSIONAL only",
                        "IM-2025", Sector.PUBLIC_INSTITUTION, null, only(award(2025, Category.PUBLIC, Activity.ACADEMIC_EVENT, "8", null)),
                        Map.of(2025, List.of(item("0.0", "IM-2025 一(四)4", Category.PUBLIC,
                                "ACADEMIC_EVENT may serve only [PROFESSIONAL] under IM-2025, not PUBLIC; was 8.0")))),
                Arguments.of("IM-2025 一(四)2: institution training is PUBLIC for 事业单位 staff only",
                        "IM-2025", Sector.NON_PUBLIC, null, only(award(2025, Category.PUBLIC, Activity.INSTITUTION_TRAINING, "10", null)),
                        Map.of(2025, List.of(item("0.0", "IM-MEASURES-2017 第十二条(八)", Category.PUBLIC,
                                "INSTITUTION_TRAINING may serve only [PROFESSIONAL] under IM-2025, not PUBLIC; was 10.0")))),
                Arguments.of("IM-2025 一(四)2: institution training is PUBLIC for 事业单位 staff",
                        "IM-2025", Sector.PUBLIC_INSTITUTION, null, only(award(2025, Category.PUBLIC, Activity.INSTITUTION_TRAINING, "10", null)),
                        Map.of(2025, List.of(item("10.0", "IM-2025 一(四)2", Category.PUBLIC, null)))),
                Arguments.of("IM-2017 (RULES.md §4.1): vocational skill training is not recognised",
                        "IM-2017", Sector.PUBLIC_INSTITUTION, null,
                        only(award(2016, Category.PROFESSIONAL, Activity.VOCATIONAL_SKILL_TRAINING, "12", null)),
                        Map.of(2016, List.of(item("0.0", "IM-2017: not recognised (RULES.md §4.1)", Category.PROFESSIONAL,
                                "VOCATIONAL_SKILL_TRAINING is not recognised under IM-2017; was 12.0")))),
                Arguments.of("RULES.md §2: a revoked award counts 0, never deleted",
                        "IM-2025", Sector.PUBLIC_INSTITUTION, null,
                        new AwardFact(new RecordedFact(0, Instant.EPOCH, award(2025, Category.PUBLIC, Activity.ONLINE_PLATFORM, "10", null)),
                                revocation, null),
                        Map.of(2025, List.of(item("0.0", "IM-2025 一(四)1", Category.PUBLIC,
                                "revoked by sequence 1 (CORRECTION: certificate issued in error); was 10.0")))),
                Arguments.of("rule-sets README 10: an award completed after the as-of date counts 0",
                        "IM-2025", Sector.PUBLIC_INSTITUTION, LocalDate.of(2025, 3, 31),
                        only(award(2025, Category.PUBLIC, Activity.ONLINE_PLATFORM, "10", null)),
                        Map.of(2025, List.of(item("0.0", "IM-2025 一(四)1", Category.PUBLIC,
                                "completed on 2025-06-30, after the as-of date 2025-03-31; was 10.0")))),
                Arguments.of("IM-2025 一(二) 补学往年: a reassigned award moves to its target year, listed with 0 in its own",
                        "IM-2025", Sector.PUBLIC_INSTITUTION, null,
                        new AwardFact(new RecordedFact(0, Instant.EPOCH, platform2024), null, reassignment),
                        Map.of(2023, List.of(item("10.0", "IM-2025 一(四)1", Category.PUBLIC,
                                        "make-up study of 2023, earned in 2024 (IM-2025 一(二) 补学往年, sequence 1)")),
                                2024, List.of(item("0.0", "IM-2025 一(二) 补学往年", Category.PUBLIC,
                                        "moved to 2023 as make-up study (补学往年) by sequence 1")))),
                Arguments.of("I-3: IM-2022 does not mention make-up, the award stays in its own year",
                        "IM-2022", Sector.PUBLIC_INSTITUTION, null,
                        new AwardFact(new RecordedFact(0, Instant.EPOCH, platform2024), null, reassignment),
                        Map.of(2023, List.of(),
                                2024, List.of(item("10.0", "IM-2022 一(一) 公需科目开展网络培训; RULES.md §4.1", Category.PUBLIC,
                                        "reassignment to 2023 (sequence 1) not applied: no make-up under IM-2022 "
                                                + "(IM-2022: make-up not mentioned (I-3))")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awards")
    void eachClauseCreditsTheAwardExactly(String clause, String ruleSetId, Sector sector, LocalDate asOf, AwardFact award,
                                          Map<Integer, List<Contribution>> expected) {
        RuleSet ruleSet = set(ruleSetId);
        Map<Integer, Items> years = new TreeMap<>();
        expected.keySet().forEach(y -> years.put(y, new Items()));

        ruleSet.awards().credit(award, years::get, ruleSet.id(), sector, asOf, own -> ruleSet.crediting().makeUp());

        expected.forEach((year, items) -> assertThat(years.get(year).items).as("%d", year).containsExactlyElementsOf(items));
    }
}
